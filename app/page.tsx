import Link from "next/link";
import { readLearnerProgress } from "@/app/_lib/learner-session";
import { ModuleProgressBar } from "@/components/course/module-progress-bar";
import { resolveLessonStates, resolveResumePoint, summarizeModuleProgress } from "@/lib/content/course-progress";
import { listLessons } from "@/lib/content/course-navigation";
import { getCourse } from "@/lib/content/get-course";

const RESUME_LABEL = { start: "Start the course", continue: "Continue where you left off", review: "Review the course" } as const;

export default async function HomePage() {
  const course = getCourse();
  const progress = await readLearnerProgress();
  const resume = resolveResumePoint(course, progress);
  const states = resolveLessonStates(course, progress);
  const overall = summarizeModuleProgress(listLessons(course), states);

  return (
    <div className="mx-auto max-w-5xl px-4 py-12">
      <section aria-labelledby="home-title">
        <h1 id="home-title" className="text-4xl font-bold tracking-tight">
          Learn Kubernetes networking by doing
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-muted">{course.summary}</p>
        <div className="mt-8 flex flex-wrap items-center gap-4">
          <Link href={`/learn/${resume.lesson.id}`} className="rounded-md bg-accent px-5 py-3 font-semibold text-accent-fg hover:opacity-90">
            {RESUME_LABEL[resume.reason]}
            <span className="sr-only">: {resume.lesson.title}</span>
          </Link>
          <Link href="/learn" className="rounded-md border border-border px-5 py-3 font-semibold hover:bg-surface">
            See the course overview
          </Link>
        </div>
        {resume.reason === "start" ? null : (
          <div className="mt-6 max-w-md" data-testid="home-progress">
            <p className="mb-1 text-sm">
              Next up: <span className="font-medium">{resume.lesson.title}</span>
            </p>
            <ModuleProgressBar progress={overall} label="Course progress" />
          </div>
        )}
      </section>

      <section aria-labelledby="topics-heading" className="mt-16">
        <h2 id="topics-heading" className="text-2xl font-bold">
          What the course teaches
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2">
          {course.modules.map((module, index) => (
            <li key={module.id} className="rounded-lg border border-border bg-surface p-5">
              <h3 className="font-semibold">
                {index + 1}. {module.title}
              </h3>
              <p className="mt-2 text-sm text-muted">{module.summary}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="how-heading" className="mt-16 max-w-3xl">
        <h2 id="how-heading" className="text-2xl font-bold">
          How it works
        </h2>
        <p className="mt-4">
          Each lesson explains one idea with real manifests and commands you can use on any cluster. Progress
          is saved as you go — no account needed — so you can close the tab and continue later from where you
          stopped.
        </p>
      </section>
    </div>
  );
}
