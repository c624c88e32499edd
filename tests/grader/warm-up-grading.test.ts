import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadAllExercises } from "@/lib/content/exercise-files";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import { authoredWork, warmUpGrading } from "@/lib/grader/warm-up-grading";

const exercises = [...loadAllExercises(path.join(process.cwd(), "content")).values()];

describe("warming a grader up on the course's authored work", () => {
  test("the work is every exercise's solution, starter (editor exercises) and known-wrong answers, graded as authored", () => {
    const work = authoredWork(exercises);
    for (const exercise of exercises) {
      const own = work.filter((w) => w.exercise === exercise);
      const names = [...new Set(own.map((w) => w.name))];
      expect(names).toEqual(["solution", ...(exercise.workspace === "editor" ? ["starter"] : []), ...exercise.wrongAnswers.map((w) => w.name)]);
      // The solution passes, so it is submitted the way the exercise's proof submits it (a log for terminal work).
      expect(gradeSubmission(exercise, own[0].submission).status).toBe("pass");
    }
  });

  test("it runs exactly the grades asked for, one per step, and none when asked for none", () => {
    expect([...warmUpGrading(exercises, 0)]).toHaveLength(0);
    const steps = warmUpGrading(exercises, 3);
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(true);
    expect([...warmUpGrading([], 5)]).toHaveLength(0);
  });
});
