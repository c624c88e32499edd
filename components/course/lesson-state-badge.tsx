import type { LessonState } from "@/lib/content/course-progress";

const LABELS: Record<LessonState, string> = {
  "not-started": "Not started",
  visited: "In progress",
  completed: "Completed",
};

const STYLES: Record<LessonState, string> = {
  "not-started": "border-border text-muted",
  visited: "border-warning text-warning",
  completed: "border-success bg-success text-bg",
};

const MARKS: Record<LessonState, string> = { "not-started": "", visited: "•", completed: "✓" };

/**
 * A round marker with the state as accessible text, so colour is never the only signal. Before the
 * state is known (static lesson pages ask the server after loading) the marker is blank and says nothing.
 */
export function LessonStateBadge({ state, label = false }: { state: LessonState | undefined; label?: boolean }) {
  const known = state ?? "not-started";
  return (
    <span className="inline-flex items-center gap-2" data-lesson-state={state ?? "unknown"}>
      <span aria-hidden="true" className={`grid size-5 shrink-0 place-items-center rounded-full border-2 text-xs font-bold ${STYLES[known]}`}>
        {MARKS[known]}
      </span>
      {state ? <span className={label ? "text-sm text-muted" : "sr-only"}>{LABELS[state]}</span> : null}
    </span>
  );
}
