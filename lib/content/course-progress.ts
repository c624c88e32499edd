import type { Course, Lesson } from "./load-course";
import { listLessons } from "./course-navigation";

export type LessonState = "not-started" | "visited" | "completed";

/** What the progress store knows about one lesson for one learner (lib/db returns this shape). */
export interface LessonActivity {
  lessonId: string;
  lastVisitedAt: Date;
  completedAt: Date | null;
}

export type LessonStates = Record<string, LessonState>;

/** Lessons the learner never opened are absent from `activity` and come out as "not-started". */
export function resolveLessonStates(course: Course, activity: readonly LessonActivity[]): LessonStates {
  const byLesson = new Map(activity.map((entry) => [entry.lessonId, entry]));
  return Object.fromEntries(
    listLessons(course).map((lesson) => {
      const entry = byLesson.get(lesson.id);
      const state: LessonState = !entry ? "not-started" : entry.completedAt ? "completed" : "visited";
      return [lesson.id, state];
    }),
  );
}

export interface ModuleProgress {
  completed: number;
  total: number;
}

export function summarizeModuleProgress(lessons: readonly Pick<Lesson, "id">[], states: LessonStates): ModuleProgress {
  return { completed: lessons.filter((lesson) => states[lesson.id] === "completed").length, total: lessons.length };
}

export interface ResumePoint {
  lesson: Lesson;
  /** start: nothing done yet; continue: pick up where the learner left off; review: everything is complete. */
  reason: "start" | "continue" | "review";
}

/**
 * "Continue where you left off": the lesson the learner touched last if it is unfinished, otherwise the
 * first unfinished lesson after it in course order (wrapping to the start), otherwise the first lesson.
 */
export function resolveResumePoint(course: Course, activity: readonly LessonActivity[]): ResumePoint {
  const lessons = listLessons(course);
  const states = resolveLessonStates(course, activity);
  const known = activity.filter((entry) => entry.lessonId in states);
  if (known.length === 0) return { lesson: lessons[0], reason: "start" };

  const touchedAt = (entry: LessonActivity) => Math.max(entry.lastVisitedAt.getTime(), entry.completedAt?.getTime() ?? 0);
  const latest = known.reduce((a, b) => (touchedAt(b) > touchedAt(a) ? b : a));
  const start = lessons.findIndex((lesson) => lesson.id === latest.lessonId);
  for (let step = 0; step < lessons.length; step++) {
    const lesson = lessons[(start + step) % lessons.length];
    if (states[lesson.id] !== "completed") return { lesson, reason: "continue" };
  }
  return { lesson: lessons[0], reason: "review" };
}
