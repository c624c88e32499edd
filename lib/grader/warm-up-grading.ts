import type { ExerciseDefinition, Submission } from "./exercise-definition";
import { gradeSubmission } from "./grade-submission";
import { authoredSubmission } from "./prove-exercise";

/**
 * Grades a fresh process runs before its grades are fast. V8 compiles the simulator's hot functions with its
 * optimizing compiler only once they have run often enough, and grading touches a great deal of code (parsing,
 * admission, controllers, DNS, kube-proxy, policy, explanations): measured on the 2-core development machine,
 * a grade's median falls from about 0.7 ms over the first 1,400 grades to about 0.2 ms after 8,000, and its p99 from
 * about 6 ms to under 2 ms, as compilations and deoptimizations die out (docs/performance.md).
 */
export const WARM_UP_GRADES = 10_000;

export interface AuthoredWork {
  exercise: ExerciseDefinition;
  /** `solution`, `starter` or the known-wrong answer's name. */
  name: string;
  submission: Submission;
}

/** Every exercise's reference solution, starter and known-wrong answers, as the learner would submit them. */
export function authoredWork(exercises: Iterable<ExerciseDefinition>): AuthoredWork[] {
  const work: AuthoredWork[] = [];
  for (const exercise of exercises) {
    work.push({ exercise, name: "solution", submission: authoredSubmission(exercise, exercise.solution, exercise.solutionAnswers) });
    if (exercise.workspace === "editor") work.push({ exercise, name: "starter", submission: authoredSubmission(exercise, exercise.starter) });
    for (const wrong of exercise.wrongAnswers) work.push({ exercise, name: wrong.name, submission: authoredSubmission(exercise, wrong.yaml, wrong.answers) });
  }
  return work;
}

/**
 * Warms a grader up on the course's own authored work, round-robin, one grade per step, so the caller can
 * interleave real submissions between steps (a grading thread runs one step per turn of its event loop).
 */
export function* warmUpGrading(exercises: Iterable<ExerciseDefinition>, grades = WARM_UP_GRADES): Generator<void, void, void> {
  const work = authoredWork(exercises);
  if (work.length === 0) return;
  for (let i = 0; i < grades; i++) {
    const { exercise, submission } = work[i % work.length];
    gradeSubmission(exercise, submission);
    yield;
  }
}
