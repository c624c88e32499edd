import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadAllExercises } from "@/lib/content/exercise-files";
import type { GradeResult } from "@/lib/grader/check-result";
import type { ExerciseDefinition } from "@/lib/grader/exercise-definition";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import type { SourcePosition } from "@/lib/sim/source";

const exercises = [...loadAllExercises(path.join(process.cwd(), "content")).values()];

/** The positions the exercise page turns into "line N" buttons: diagnostics and checks. */
function positionsOf(result: GradeResult): SourcePosition[] {
  return [...result.diagnostics.map((d) => d.position), ...result.checks.map((c) => c.position)].filter((p): p is SourcePosition => p !== undefined);
}

/** TraceHop.position: "Line and column of that field in the learner's YAML, when the object came from it". */
function hopPositionsOf(result: GradeResult): SourcePosition[] {
  return result.checks.flatMap((c) => c.explanation.map((hop) => hop.position)).filter((p): p is SourcePosition => p !== undefined);
}

function expectInside(submission: string, positions: SourcePosition[]): void {
  const lines = submission.split(/\r\n|\r|\n/).length;
  for (const position of positions) {
    expect(position.line, `line ${position.line} of a ${lines}-line submission`).toBeGreaterThanOrEqual(1);
    expect(position.line, `line ${position.line} of a ${lines}-line submission`).toBeLessThanOrEqual(lines);
  }
}

function expectWellFormedGrade(exercise: ExerciseDefinition, submission: string, result: GradeResult): void {
  expect(["pass", "fail", "error"]).toContain(result.status);
  expect(result.checks.map((c) => c.id)).toEqual(exercise.checks.map((c) => c.id));
  for (const check of result.checks) {
    expect(["pass", "fail", "error"]).toContain(check.status);
    expect(typeof check.message).toBe("string");
  }
  expectInside(submission, positionsOf(result));
}

/** Edits a learner makes on the way to an answer: lines dropped, doubled, swapped, re-indented, values retyped. */
type Edit = { op: "drop" | "double" | "swap" | "indent" | "dedent" | "replace" | "insert"; at: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom<Edit["op"]>("drop", "double", "swap", "indent", "dedent", "replace", "insert"),
  at: fc.nat(),
  text: fc.oneof(
    fc.constantFrom("---", "- ", "  port: 99999", "  selector: {}", "kind: List", "&a x", "*a", "\t", "podSelector:", "namespace: other", "  - {}", "~", "matchLabels: {app: nope}", "metadata: {name: \"\"}", "apiVersion: v2"),
    fc.string({ maxLength: 20 }),
  ),
});

function applyEdits(text: string, edits: Edit[]): string {
  const lines = text.split("\n");
  for (const e of edits) {
    const i = lines.length === 0 ? 0 : e.at % lines.length;
    switch (e.op) {
      case "drop":
        lines.splice(i, 1);
        break;
      case "double":
        lines.splice(i, 0, lines[i] ?? "");
        break;
      case "swap":
        if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
        break;
      case "indent":
        lines[i] = `  ${lines[i] ?? ""}`;
        break;
      case "dedent":
        lines[i] = (lines[i] ?? "").replace(/^ {1,2}/, "");
        break;
      case "replace":
        lines[i] = (lines[i] ?? "").replace(/:\s.*$/, `: ${e.text}`);
        break;
      case "insert":
        lines.splice(i, 0, e.text);
        break;
    }
  }
  return lines.join("\n");
}

describe("gradeSubmission never throws and places every position inside the submission", () => {
  test("there are exercises to grade", () => {
    expect(exercises.length).toBeGreaterThan(0);
  });

  test.each(exercises.map((exercise) => ({ id: exercise.id, exercise })))("$id: the solution, starter and wrong answers, edited at random", ({ exercise }) => {
    const seeds = [exercise.solution, exercise.starter, ...exercise.wrongAnswers.map((w) => w.yaml)];
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 5 }), (seed, edits) => {
        const submission = applyEdits(seed, edits);
        expectWellFormedGrade(exercise, submission, gradeSubmission(exercise, submission));
      }),
      { numRuns: 25 },
    );
  });

  test.each(exercises.map((exercise) => ({ id: exercise.id, exercise })))("$id: arbitrary text, JSON and junk", ({ exercise }) => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.constantFrom("", "---", "---\n---\n", "kind: List\nitems: [1, null, {}]\n", `a: ${"[".repeat(70)}`)), (submission) => {
        expectWellFormedGrade(exercise, submission, gradeSubmission(exercise, submission));
      }),
      { numRuns: 15 },
    );
  });
});

describe("trace hops point at the learner's YAML only", () => {
  // A hop about a scenario object (the Service production/postgres-db of db-access-policy) keeps its sentence but
  // carries no position: its line is in scenario.yaml, not in the text the editor shows.
  test.each(exercises.filter((e) => ["db-access-policy", "default-deny-with-dns"].includes(e.id)).map((exercise) => ({ id: exercise.id, exercise })))("$id: the starter and an empty submission", ({ exercise }) => {
    for (const submission of ["", exercise.starter]) {
      const result = gradeSubmission(exercise, submission);
      expect(result.checks.some((c) => c.explanation.length > 0)).toBe(true);
      expectInside(submission, hopPositionsOf(result));
    }
  });
});
