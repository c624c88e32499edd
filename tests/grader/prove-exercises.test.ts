import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadAllExercises } from "@/lib/content/exercise-files";
import { proveExercise } from "@/lib/grader/prove-exercise";
import { gradeSubmission } from "@/lib/grader/grade-submission";

const exercises = [...loadAllExercises(path.join(process.cwd(), "content")).values()];

describe("every exercise of the course proves itself", () => {
  test("there are at least six exercises", () => {
    expect(exercises.length).toBeGreaterThanOrEqual(6);
  });

  test.each(exercises.map((exercise) => ({ id: exercise.id, exercise })))("$id: solution passes, starter and known-wrong answers fail", ({ exercise }) => {
    expect(proveExercise(exercise)).toEqual([]);
  });

  test.each(exercises.flatMap((exercise) => exercise.wrongAnswers.map((wrong) => ({ label: `${exercise.id}: ${wrong.name}`, exercise, wrong }))))(
    "$label fails with an explanation",
    ({ exercise, wrong }) => {
      const result = gradeSubmission(exercise, wrong.yaml);
      const failed = result.checks.find((c) => c.id === wrong.fails)!;
      expect(failed.status).toBe("fail");
      expect(failed.message.length).toBeGreaterThan(10);
    },
  );
});
