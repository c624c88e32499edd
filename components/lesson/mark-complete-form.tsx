"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { useLessonProgress } from "./lesson-progress-context";

/**
 * "Mark complete". A real form: without JavaScript it posts to the route handler, which redirects back
 * to #lesson-completed; with JavaScript it posts in the background and announces the result.
 */
export function MarkCompleteForm({ next }: { next?: { id: string; title: string } }) {
  const { lessonId, states, pending, announcement, markComplete } = useLessonProgress();
  const completed = states?.[lessonId] === "completed";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void markComplete();
  }

  return (
    <section aria-label="Lesson progress" className="mt-12 rounded-lg border border-border bg-surface p-5" data-testid="lesson-progress">
      {completed ? (
        <p className="flex items-center gap-2 font-semibold text-success">
          <span aria-hidden="true">✓</span> You have completed this lesson.
        </p>
      ) : (
        <form action="/api/progress/completions" method="post" onSubmit={submit} className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="lessonId" value={lessonId} />
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg hover:opacity-90 disabled:opacity-60"
          >
            {pending ? "Saving…" : "Mark complete"}
          </button>
          <span className="text-sm text-muted">Finished reading? Mark the lesson complete to track your progress.</span>
        </form>
      )}
      <p id="lesson-completed" className="target-notice mt-3 text-sm">
        Lesson marked complete. Your progress is shown in the <Link href="/learn" className="text-accent underline">course overview</Link>.
      </p>
      {completed && next ? (
        <p className="mt-3 text-sm">
          Up next: <Link href={`/learn/${next.id}`} className="font-medium text-accent underline">{next.title}</Link>
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-muted">
        {announcement}
      </p>
    </section>
  );
}
