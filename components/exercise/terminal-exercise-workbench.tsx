"use client";

import { useCallback, useRef, useState } from "react";
import type { ExerciseDefinition } from "@/lib/grader/exercise-definition";
import type { GradeResult } from "@/lib/grader/check-result";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import type { ShellSession } from "@/lib/shell/session/shell-session";
import { SandboxTerminal } from "@/components/terminal/sandbox-terminal";
import { CheckResults } from "./check-results";
import { HintList } from "./hint-list";

/**
 * A terminal exercise: the learner works in a sandboxed terminal and answers questions beside it. Check grades
 * the session's command log here at once; the server replays the same log itself and records its own verdict.
 */
export default function TerminalExerciseWorkbench({ exercise }: { exercise: ExerciseDefinition }) {
  const session = useRef<ShellSession | null>(null);
  const [ready, setReady] = useState(false);
  const onSession = useCallback((current: ShellSession | null) => {
    session.current = current;
    setReady(current !== null);
  }, []);
  const questions = exercise.checks.flatMap((c) => (c.type === "answer" ? [c] : []));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ grade: GradeResult; origin: "local" | "server" } | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [showSolution, setShowSolution] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const check = useCallback(async () => {
    if (!session.current) return;
    const work = { log: [...session.current.entries()], answers };
    setResult({ grade: gradeSubmission(exercise, work), origin: "local" });
    setNotice(null);
    try {
      const response = await fetch(`/api/exercises/${exercise.id}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(work),
      });
      const data = await response.json();
      if (!response.ok) setNotice(data?.error ?? `The server could not record this attempt (HTTP ${response.status}).`);
      else setResult({ grade: data.result, origin: "server" });
    } catch {
      setNotice("Offline: the result above was computed in your browser and is not recorded yet.");
    }
  }, [answers, exercise]);

  return (
    <div className="exercise-workbench">
      <SandboxTerminal id={exercise.id} scenario={exercise.scenario} label={`Terminal for exercise: ${exercise.title}`} onSession={onSession} />
      {questions.map((question) => (
        <p key={question.id} className="exercise-question">
          <label htmlFor={`answer-${question.id}`}>{question.question}</label>
          <input
            id={`answer-${question.id}`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={answers[question.id] ?? ""}
            onChange={(event) => setAnswers((current) => ({ ...current, [question.id]: event.target.value }))}
          />
        </p>
      ))}
      <div className="exercise-actions">
        <button type="button" className="button-primary" onClick={check} disabled={!ready}>
          Check
        </button>
        <button type="button" onClick={() => setHintsShown((n) => Math.min(n + 1, exercise.hints.length))} disabled={hintsShown >= exercise.hints.length}>
          {hintsShown === 0 ? "Show a hint" : `Next hint (${hintsShown}/${exercise.hints.length})`}
        </button>
        <button type="button" onClick={() => setShowSolution((s) => !s)} disabled={!result}>
          {showSolution ? "Hide solution" : "Show solution"}
        </button>
      </div>
      {notice && (
        <p role="alert" className="exercise-notice">
          {notice}
        </p>
      )}
      <HintList hints={exercise.hints} shown={hintsShown} />
      {showSolution && (
        <div className="exercise-solution">
          <p>One way to do it (any commands that leave the cluster right pass):</p>
          <pre>
            <code>{exercise.solution}</code>
          </pre>
        </div>
      )}
      {result && <CheckResults result={result.grade} origin={result.origin} onShowLine={() => undefined} />}
    </div>
  );
}
