import type { GradeResult } from "@/lib/grader/check-result";
import type { ExerciseDefinition, Submission } from "@/lib/grader/exercise-definition";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import { findLimitViolation, type LimitViolation } from "./submission-limits";

/**
 * A verdict as JSON text, with its status: the result crosses from the grading thread as one string and goes
 * unchanged into the Submission row and the response, so it is serialized once, off the request thread.
 */
export interface GradedWork {
  status: GradeResult["status"];
  resultJson: string;
}

/** A verdict, or the limit that kept the submission from being graded (answered with a 4xx, nothing written). */
export type GradeOutcome = { graded: GradedWork } | { rejected: LimitViolation };

/** What a grading thread does with one submission: refuse it at the limits, or grade it. */
export function gradeWork(exercise: ExerciseDefinition, work: Submission): GradeOutcome {
  if ("yaml" in work) {
    const violation = findLimitViolation(work.yaml);
    if (violation) return { rejected: violation };
  }
  const result = gradeSubmission(exercise, work);
  return { graded: { status: result.status, resultJson: JSON.stringify(result) } };
}
