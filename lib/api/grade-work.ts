import type { GradeResult } from "@/lib/grader/check-result";
import type { ExerciseDefinition, Submission } from "@/lib/grader/exercise-definition";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import { findLimitViolation, type LimitViolation } from "./submission-limits";

/** A verdict, or the limit that kept the submission from being graded (answered with a 4xx, nothing written). */
export type GradeOutcome = { result: GradeResult } | { rejected: LimitViolation };

/** What a grading thread does with one submission: refuse it at the limits, or grade it. */
export function gradeWork(exercise: ExerciseDefinition, work: Submission): GradeOutcome {
  if ("yaml" in work) {
    const violation = findLimitViolation(work.yaml);
    if (violation) return { rejected: violation };
  }
  return { result: gradeSubmission(exercise, work) };
}
