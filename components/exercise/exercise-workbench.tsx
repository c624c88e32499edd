"use client";

import { useCallback, useEffect, useState } from "react";
import type { ExerciseDefinition } from "@/lib/grader/exercise-definition";
import type { GradeResult } from "@/lib/grader/check-result";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import { diagnoseDraft } from "@/lib/grader/diagnose-draft";
import { YamlEditor, type EditorDiagnostic } from "./yaml-editor";
import { CheckResults } from "./check-results";
import { HintList } from "./hint-list";

interface ExerciseWorkbenchProps {
  exercise: ExerciseDefinition;
}

const draftKey = (id: string) => `k8s-netlab:exercise-draft:${id}`;

/**
 * The interactive part of an exercise: editor, Check, results, hints, solution and reset. Grading runs here
 * first for an instant answer; the server then grades again on its own and records the verdict it computed.
 */
export default function ExerciseWorkbench({ exercise }: ExerciseWorkbenchProps) {
  // The workbench renders only in the browser (loaded with ssr: false), so the saved draft is read up front.
  const [savedDraft] = useState(() => window.localStorage.getItem(draftKey(exercise.id)));
  const [yaml, setYaml] = useState(savedDraft ?? exercise.starter);
  const [result, setResult] = useState<{ grade: GradeResult; origin: "local" | "server" } | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [attempts, setAttempts] = useState(0);
  const [showSolution, setShowSolution] = useState(false);
  const [highlightLine, setHighlightLine] = useState<number | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    fetch(`/api/exercises/${exercise.id}/submissions`, { headers: { accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { attempts?: number; lastSubmission?: { yaml: string; result: GradeResult } } | null) => {
        if (!data) return;
        setAttempts((local) => Math.max(local, data.attempts ?? 0));
        if (data.lastSubmission) {
          const last = data.lastSubmission;
          if (savedDraft === null) setYaml(last.yaml);
          // A check made while this request was in flight is newer than the recorded one.
          setResult((current) => current ?? { grade: last.result, origin: "server" });
        }
      })
      .catch(() => undefined);
  }, [exercise.id, savedDraft]);

  const onChange = useCallback(
    (text: string) => {
      setYaml(text);
      window.localStorage.setItem(draftKey(exercise.id), text);
    },
    [exercise.id],
  );

  const diagnose = useCallback(
    (text: string): EditorDiagnostic[] =>
      diagnoseDraft(text).flatMap((d) => (d.position ? [{ line: d.position.line, column: d.position.column, message: d.message, severity: d.severity }] : [])),
    [],
  );

  const check = useCallback(async () => {
    const local = gradeSubmission(exercise, yaml);
    setResult({ grade: local, origin: "local" });
    setHighlightLine(firstLine(local));
    setAttempts((n) => n + 1);
    setNotice(null);
    try {
      const response = await fetch(`/api/exercises/${exercise.id}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ yaml }),
      });
      const data = await response.json();
      if (!response.ok) {
        setNotice(data?.error ?? `The server could not record this attempt (HTTP ${response.status}).`);
        return;
      }
      setResult({ grade: data.result, origin: "server" });
      setHighlightLine(firstLine(data.result));
    } catch {
      setNotice("Offline: the result above was computed in your browser and is not recorded yet.");
    }
  }, [exercise, yaml]);

  const reset = useCallback(() => {
    if (!window.confirm("Replace your YAML with the starter?")) return;
    onChange(exercise.starter);
    setResult(null);
    setHighlightLine(undefined);
  }, [exercise.starter, onChange]);


  return (
    <div className="exercise-workbench">
      <YamlEditor value={yaml} onChange={onChange} diagnose={diagnose} highlightLine={highlightLine} label={`YAML for exercise: ${exercise.title}`} />
      <div className="exercise-actions">
        <button type="button" className="button-primary" onClick={check}>
          Check
        </button>
        <button type="button" onClick={() => setHintsShown((n) => Math.min(n + 1, exercise.hints.length))} disabled={hintsShown >= exercise.hints.length}>
          {hintsShown === 0 ? "Show a hint" : `Next hint (${hintsShown}/${exercise.hints.length})`}
        </button>
        <button type="button" onClick={() => setShowSolution((s) => !s)} disabled={attempts === 0} title={attempts === 0 ? "Try a Check first" : undefined}>
          {showSolution ? "Hide solution" : "Show solution"}
        </button>
        <button type="button" onClick={reset}>
          Reset to starter
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
          <p>A reference solution (any YAML with the same behaviour passes):</p>
          <pre>
            <code>{exercise.solution}</code>
          </pre>
          <button type="button" onClick={() => onChange(exercise.solution)}>
            Copy into the editor
          </button>
        </div>
      )}
      {result && <CheckResults result={result.grade} origin={result.origin} onShowLine={setHighlightLine} />}
    </div>
  );
}

function firstLine(result: GradeResult): number | undefined {
  return result.checks.find((c) => c.status !== "pass" && c.position)?.position?.line ?? result.diagnostics.find((d) => d.position)?.position?.line;
}
