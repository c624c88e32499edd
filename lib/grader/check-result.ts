import type { TraceHop } from "@/lib/sim/network/trace";
import type { SourcePosition } from "@/lib/sim/source";

/**
 * One check's verdict, shaped after Exercism's test-runner results: pass | fail | error, a readable message,
 * the task it belongs to — plus what only a simulator can give: the trace that explains it, the line in the
 * learner's YAML it concerns, and a concrete counterexample.
 */
export interface CheckResult {
  id: string;
  title: string;
  task?: number;
  status: "pass" | "fail" | "error";
  message: string;
  /** "production/frontend → db:5432 is ALLOWED but must be DENIED". */
  counterexample?: string;
  /** Targeted feedback for a classic mistake, when one is recognised. */
  advice?: string;
  explanation: TraceHop[];
  /** Where in the learner's YAML the problem is, when it is in the learner's YAML. */
  position?: SourcePosition;
}

/** A problem in the submitted text itself: a parse error or an object the API server rejects. */
export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  position?: SourcePosition;
}

export interface GradeResult {
  /** pass when every check passes; error when a check could not run; fail otherwise. */
  status: "pass" | "fail" | "error";
  checks: CheckResult[];
  diagnostics: Diagnostic[];
}

/**
 * A check's result: its id, title and task, then the verdict, in that key order. Built with Object.assign,
 * not `{ ...head, status, … }`: on V8 a spread copy that then gains keys outlives young-generation GCs, and a
 * grade makes many results that are garbage once reported (docs/performance.md, "Garbage that outlives
 * scavenges").
 */
export function checkResult(spec: Pick<CheckResult, "id" | "title" | "task">, verdict: Omit<CheckResult, "id" | "title" | "task">): CheckResult {
  return Object.assign({ id: spec.id, title: spec.title, task: spec.task }, verdict);
}
