import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonContent } from "@/components/lesson/lesson-content";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonPager } from "@/components/lesson/lesson-pager";
import { LessonProgressProvider } from "@/components/lesson/lesson-progress-context";
import { LessonSidebar } from "@/components/lesson/lesson-sidebar";
import { MarkCompleteForm } from "@/components/lesson/mark-complete-form";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { compileLesson } from "@/lib/content/compile-lesson";
import { ContentValidationError } from "@/lib/content/content-error";
import { buildCourseOutline, findLesson, listLessons, resolveLessonNeighbours } from "@/lib/content/course-navigation";
import { getCourse } from "@/lib/content/get-course";

// Every lesson is compiled and rendered at build time; an unknown id is a 404, never a compile.
export const dynamicParams = false;

export function generateStaticParams() {
  return listLessons(getCourse()).map((lesson) => ({ lesson: lesson.id }));
}

type Params = { params: Promise<{ lesson: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = findLesson(getCourse(), (await params).lesson);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const course = getCourse();
  const lesson = findLesson(course, (await params).lesson);
  if (!lesson) notFound();
  const compiled = await compileLesson(lesson);
  if (!compiled.ok) throw new ContentValidationError(compiled.errors);
  const { previous, next } = resolveLessonNeighbours(course, lesson.id);
  const courseModule = course.modules.find((m) => m.id === lesson.moduleId);

  return (
    <LessonProgressProvider lessonId={lesson.id}>
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[16rem_minmax(0,1fr)] xl:grid-cols-[16rem_minmax(0,1fr)_14rem]">
        <a href="#lesson" className="sr-only focus:not-sr-only focus:rounded focus:bg-accent focus:px-3 focus:py-1 focus:text-accent-fg">
          Skip to the lesson text
        </a>
        <div className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
          <LessonSidebar outline={buildCourseOutline(course)} />
        </div>
        <article id="lesson" tabIndex={-1} className="min-w-0 focus:outline-none">
          <LessonHeader lesson={lesson} moduleTitle={courseModule?.title ?? ""} />
          <LessonContent code={compiled.lesson.code} />
          <MarkCompleteForm next={next && { id: next.id, title: next.title }} />
          <LessonPager previous={previous && { id: previous.id, title: previous.title }} next={next && { id: next.id, title: next.title }} />
        </article>
        <div className="hidden xl:sticky xl:top-20 xl:block xl:self-start">
          <TableOfContents headings={compiled.lesson.headings} />
        </div>
      </div>
    </LessonProgressProvider>
  );
}
