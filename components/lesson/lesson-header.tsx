import type { Lesson } from "@/lib/content/load-course";

/** Title, summary and objectives: what the learner will be able to do after the lesson. */
export function LessonHeader({ lesson, moduleTitle }: { lesson: Lesson; moduleTitle: string }) {
  return (
    <header className="mb-8 max-w-[72ch]">
      <p className="text-sm font-medium text-muted">{moduleTitle}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{lesson.title}</h1>
      <p className="mt-2 text-sm text-muted">About {lesson.estimatedMinutes} minutes</p>
      <p className="mt-4 text-lg">{lesson.summary}</p>
      {lesson.draft ? (
        <p role="note" className="mt-4 rounded-lg border border-dashed border-warning px-4 py-3 text-sm">
          This lesson is an outline: its objectives are set and its full text is still being written.
        </p>
      ) : null}
      <section aria-labelledby="objectives-heading" className="mt-6 rounded-lg border border-border p-4">
        <h2 id="objectives-heading" className="font-semibold">
          In this lesson you will
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {lesson.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </section>
    </header>
  );
}
