"use client";

import Link from "next/link";
import { LessonStateBadge } from "@/components/course/lesson-state-badge";
import type { CourseOutline } from "@/lib/content/course-navigation";
import { useLessonProgress } from "./lesson-progress-context";

function SidebarList({ outline }: { outline: CourseOutline }) {
  const { lessonId, states } = useLessonProgress();
  return (
    <ol className="space-y-5">
      {outline.modules.map((module, moduleIndex) => (
        <li key={module.id}>
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">
            {moduleIndex + 1}. {module.title}
          </p>
          <ol className="space-y-0.5">
            {module.lessons.map((lesson) => {
              const current = lesson.id === lessonId;
              return (
                <li key={lesson.id}>
                  <Link
                    href={`/learn/${lesson.id}`}
                    aria-current={current ? "page" : undefined}
                    className={`flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-surface-strong ${current ? "bg-surface-strong font-semibold" : ""}`}
                  >
                    <LessonStateBadge state={states?.[lesson.id]} />
                    <span>{lesson.title}</span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** The course's modules and lessons with the learner's state; a disclosure on narrow screens. */
export function LessonSidebar({ outline }: { outline: CourseOutline }) {
  return (
    <>
      <details className="rounded-lg border border-border lg:hidden">
        <summary className="cursor-pointer px-4 py-2 font-semibold">Course contents</summary>
        <nav aria-label="Course" className="px-2 pb-3">
          <SidebarList outline={outline} />
        </nav>
      </details>
      <nav aria-label="Course" className="hidden lg:block">
        <SidebarList outline={outline} />
      </nav>
    </>
  );
}
