"use client";

import type { CheckResult, GradeResult } from "@/lib/grader/check-result";

const STATUS_LABEL: Record<CheckResult["status"], string> = { pass: "Passed", fail: "Failed", error: "Error" };
const STATUS_ICON: Record<CheckResult["status"], string> = { pass: "✓", fail: "✗", error: "!" };

interface CheckResultsProps {
  result: GradeResult;
  /** Where the verdict came from: the browser's instant grade, or the server's recorded one. */
  origin: "local" | "server";
  onShowLine(line: number): void;
}

/** The verdict as an ordered list, announced to screen readers; each failure says why and where. */
export function CheckResults({ result, origin, onShowLine }: CheckResultsProps) {
  const passed = result.checks.filter((c) => c.status === "pass").length;
  return (
    <section aria-label="Check results" className="check-results">
      <p role="status" aria-live="polite" className={`check-summary check-summary-${result.status}`}>
        {result.status === "pass"
          ? `All ${result.checks.length} checks passed.`
          : result.status === "error"
            ? "Some checks could not run."
            : `${passed} of ${result.checks.length} checks passed.`}{" "}
        <span className="check-origin">{origin === "server" ? "Recorded." : "Checked in your browser; recording…"}</span>
      </p>
      {result.diagnostics.length > 0 && (
        <ul className="diagnostics" aria-label="Problems in your YAML">
          {result.diagnostics.map((d, i) => (
            <li key={i}>
              {d.position ? <LineButton line={d.position.line} onShowLine={onShowLine} /> : null} {d.message}
            </li>
          ))}
        </ul>
      )}
      <ol className="check-list">
        {result.checks.map((check) => (
          <li key={check.id} className={`check check-${check.status}`} data-check-id={check.id} data-status={check.status}>
            <p className="check-title">
              <span aria-hidden="true" className="check-icon">
                {STATUS_ICON[check.status]}
              </span>
              <span className="sr-only">{STATUS_LABEL[check.status]}: </span>
              {check.task ? <span className="check-task">Task {check.task} · </span> : null}
              {check.title}
            </p>
            {check.status !== "pass" && (
              <div className="check-detail">
                <p>
                  {check.position ? <LineButton line={check.position.line} onShowLine={onShowLine} /> : null} {check.message}
                </p>
                {check.counterexample && <p className="check-counterexample">Counterexample: {check.counterexample}</p>}
                {check.advice && <p className="check-advice">{check.advice}</p>}
                {check.explanation.length > 0 && (
                  <details>
                    <summary>How the cluster decided</summary>
                    <ol className="trace">
                      {check.explanation.map((hop, i) => (
                        <li key={i} className={`hop hop-${hop.outcome}`}>
                          <span className="hop-kind">{hop.kind}</span> {hop.summary}
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function LineButton({ line, onShowLine }: { line: number; onShowLine(line: number): void }) {
  return (
    <button type="button" className="line-link" onClick={() => onShowLine(line)}>
      line {line}
    </button>
  );
}
