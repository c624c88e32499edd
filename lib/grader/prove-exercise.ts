import type { ExerciseDefinition, Submission } from "./exercise-definition";
import { gradeSubmission } from "./grade-submission";
import { scriptToLog } from "./replay-terminal-log";

/** An authored piece of work as a submission: YAML for editor exercises, a command script for terminal ones. */
export function authoredSubmission(exercise: ExerciseDefinition, text: string, answers: Readonly<Record<string, string>> = {}): Submission {
  return exercise.workspace === "terminal" ? { log: scriptToLog(text), answers } : { yaml: text };
}

export interface ProofProblem {
  /** Where the problem is: `solution`, `starter` or `wrongAnswers[2]`. */
  subject: string;
  message: string;
}

/**
 * The exercise's proof, as Exercism's `.meta/proof.ci` is for a track: the reference solution passes every check,
 * the starter fails at least one, and every known-wrong answer fails the check it names. An empty list means the
 * checks tell right from wrong as the author intends.
 */
export function proveExercise(exercise: ExerciseDefinition): ProofProblem[] {
  const problems: ProofProblem[] = [];
  const solution = gradeSubmission(exercise, authoredSubmission(exercise, exercise.solution, exercise.solutionAnswers));
  for (const check of solution.checks.filter((c) => c.status !== "pass")) {
    problems.push({ subject: "solution", message: `check ${check.id} ${check.status === "error" ? "errors" : "fails"}: ${check.message}` });
  }
  if (solution.status === "error" && solution.checks.length === 0) {
    problems.push({ subject: "solution", message: solution.diagnostics.map((d) => d.message).join("; ") });
  }
  const starter = gradeSubmission(exercise, authoredSubmission(exercise, exercise.starter));
  if (starter.status === "pass") problems.push({ subject: "starter", message: "the starter passes every check; it must fail at least one" });
  exercise.wrongAnswers.forEach((wrong, index) => {
    const graded = gradeSubmission(exercise, authoredSubmission(exercise, wrong.yaml, wrong.answers));
    const named = graded.checks.find((c) => c.id === wrong.fails);
    if (!named) problems.push({ subject: `wrongAnswers[${index}]`, message: `names check ${wrong.fails}, which the exercise does not have` });
    else if (named.status !== "fail") {
      problems.push({ subject: `wrongAnswers[${index}] (${wrong.name})`, message: `must fail check ${wrong.fails} but it ${named.status === "pass" ? "passes" : "errors"}: ${named.message}` });
    }
  });
  return problems;
}
