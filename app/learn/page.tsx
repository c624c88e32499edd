import type { Metadata } from "next";
import Link from "next/link";
import { readLearnerProgress } from "@/app/_lib/learner-session";
import { LessonStateBadge } from "@/components/course/lesson-state-badge";
import { ModuleProgressBar } from "@/components/course/module-progress-bar";
import { resolveLessonStates, summarizeModuleProgress } from "@/lib/content/course-progress";
import { getCourse } from "@/lib/content/get-course";

export const metadata: Metadata = { title: "Course overview" };

export default async function CourseOverviewPage() {
  const course = getCourse();
  const states = resolveLessonStates(course, await readLearnerProgress());

  return (
    <div className="mx-auto max-w-4xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{course.title}</h1>
      <p className="mt-3 text-lg text-muted">{course.summary}</p>
      <ol className="mt-10 space-y-8">
        {course.modules.map((module, index) => (
          <li key={module.id} aria-labelledby={`module-${module.id}`} className="rounded-lg border border-border p-5" data-module={module.id}>
            <h2 id={`module-${module.id}`} className="text-xl font-semibold">
              {index + 1}. {module.title}
            </h2>
            <p className="mt-1 text-muted">{module.summary}</p>
            <div className="mt-4">
              <ModuleProgressBar progress={summarizeModuleProgress(module.lessons, states)} label={`${module.title} progress`} />
            </div>
            <ol className="mt-4 divide-y divide-border">
              {module.lessons.map((lesson) => (
                <li key={lesson.id} data-lesson={lesson.id} className="py-3">
                  <Link href={`/learn/${lesson.id}`} className="group flex items-start gap-3 rounded">
                    <LessonStateBadge state={states[lesson.id]} />
                    <span className="flex-1">
                      <span className="font-medium group-hover:underline">{lesson.title}</span>
                      <span className="block text-sm text-muted">{lesson.summary}</span>
                    </span>
                    <span className="shrink-0 text-sm text-muted">
                      {lesson.draft ? "Outline · " : ""}
                      {lesson.estimatedMinutes} min
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}
