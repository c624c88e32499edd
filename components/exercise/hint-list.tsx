import { InlineCode } from "./inline-code";

/** The hints revealed so far, in order; nothing until the first is asked for. */
export function HintList({ hints, shown }: { hints: readonly string[]; shown: number }) {
  if (shown === 0) return null;
  return (
    <ol className="exercise-hints" aria-label="Hints">
      {hints.slice(0, shown).map((hint, i) => (
        <li key={i}>
          <InlineCode text={hint} />
        </li>
      ))}
    </ol>
  );
}
