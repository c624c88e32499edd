import type { Course, Lesson } from "./load-course";

/** Every lesson in course order: modules in index order, lessons in module order. */
export function listLessons(course: Course): Lesson[] {
  return course.modules.flatMap((module) => module.lessons);
}

export function findLesson(course: Course, lessonId: string): Lesson | undefined {
  return listLessons(course).find((lesson) => lesson.id === lessonId);
}

export interface LessonNeighbours {
  previous?: Lesson;
  next?: Lesson;
}

/** Previous and next follow the course order across module boundaries, like reading a book. */
export function resolveLessonNeighbours(course: Course, lessonId: string): LessonNeighbours {
  const lessons = listLessons(course);
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (index === -1) return {};
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}

export interface CourseOutline {
  id: string;
  title: string;
  modules: {
    id: string;
    title: string;
    lessons: { id: string; title: string; estimatedMinutes: number; draft: boolean }[];
  }[];
}

/** The course without lesson bodies: small and serialisable, for navigation rendered in the browser. */
export function buildCourseOutline(course: Course): CourseOutline {
  return {
    id: course.id,
    title: course.title,
    modules: course.modules.map((module) => ({
      id: module.id,
      title: module.title,
      lessons: module.lessons.map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        estimatedMinutes: lesson.estimatedMinutes,
        draft: lesson.draft ?? false,
      })),
    })),
  };
}
