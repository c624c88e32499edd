import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { GradingPool, GradingLimitError } = await import("@/lib/api/grading-pool");
const { getExercise, getExercises } = await import("@/lib/content/get-exercise");
const { gradeSubmission } = await import("@/lib/grader/grade-submission");
const { scriptToLog } = await import("@/lib/grader/replay-terminal-log");

const pool = new GradingPool({ threads: 1, timeoutMs: 20_000 });
afterAll(() => pool.close());

describe("grading on worker threads", () => {
  test("every exercise's solution and starter get the verdict the request thread would compute", async () => {
    for (const exercise of getExercises().values()) {
      const works = exercise.workspace === "terminal" ? [{ log: scriptToLog(exercise.solution), answers: exercise.solutionAnswers ?? {} }] : [{ yaml: exercise.solution }, { yaml: exercise.starter }];
      for (const work of works) {
        const outcome = await pool.grade(exercise, work);
        const expected = gradeSubmission(exercise, work);
        expect(outcome).toEqual({ graded: { status: expected.status, resultJson: expect.any(String) } });
        if ("graded" in outcome) expect(JSON.parse(outcome.graded.resultJson)).toEqual(JSON.parse(JSON.stringify(expected)));
      }
    }
  }, 60_000);

  test("submissions sent together are all graded, each with its own verdict", async () => {
    const exercise = getExercise("fix-service-selector")!;
    const works = Array.from({ length: 12 }, (_, i) => ({ yaml: i % 2 === 0 ? exercise.solution : exercise.starter }));
    const results = await Promise.all(works.map((work) => pool.grade(exercise, work)));
    expect(results.map((r) => ("graded" in r ? r.graded.status : r.rejected.code))).toEqual(works.map((_, i) => (i % 2 === 0 ? "pass" : "fail")));
  });

  test("a thread warming up still takes submissions, between its warm-up grades", async () => {
    const warming = new GradingPool({ threads: 1, warmUpGrades: 1_000_000 });
    try {
      const exercise = getExercise("fix-service-selector")!;
      const started = Date.now();
      await expect(warming.grade(exercise, { yaml: exercise.solution })).resolves.toMatchObject({ graded: { status: "pass" } });
      await expect(warming.grade(exercise, { yaml: exercise.starter })).resolves.toMatchObject({ graded: { status: "fail" } });
      // A million warm-up grades take many minutes; both answers came long before they could have finished.
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await warming.close();
    }
  }, 60_000);

  test("a simulation over the time limit is stopped, and the pool goes on grading with a new thread", async () => {
    const exercise = getExercise("find-the-backend")!;
    // Each scale to 5,000 replicas costs the simulator seconds; three of them run far past any limit below.
    const scaleUp = "kubectl scale deployment my-backend -n production --replicas=5000\n";
    const scaleDown = "kubectl scale deployment my-backend -n production --replicas=1\n";
    const heavy = { log: scriptToLog(scaleUp + scaleDown + scaleUp + scaleDown + scaleUp), answers: {} };
    // 3 s: far less than the heavy log needs, and enough for a fresh thread's first (cold) grade on a busy machine.
    const strict = new GradingPool({ threads: 1, timeoutMs: 3000 });
    try {
      await expect(strict.grade(exercise, heavy)).rejects.toBeInstanceOf(GradingLimitError);
      const light = getExercise("fix-service-selector")!;
      await expect(strict.grade(light, { yaml: light.solution })).resolves.toMatchObject({ graded: { status: "pass" } });
    } finally {
      await strict.close();
    }
  }, 60_000);

  test("YAML over the limits is refused on the grading thread, with the code the route answers", async () => {
    const exercise = getExercise("fix-service-selector")!;
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    expect(await pool.grade(exercise, { yaml: bomb })).toMatchObject({ rejected: { code: "unprocessable", message: expect.stringMatching(/aliasing/) } });
    const replicas = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 101\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec: {containers: [{name: c, image: nginx}]}\n";
    expect(await pool.grade(exercise, { yaml: replicas })).toEqual({ rejected: { code: "unprocessable", message: "the YAML asks for 101 replicas; at most 100 in total are accepted" } });
  });

  test("a grading thread that runs out of memory is stopped like a slow one, and replaced", async () => {
    const exercise = getExercise("fix-service-selector")!;
    let spawned = 0;
    // The first thread hoards memory on its first job; its replacement answers like a grader.
    const spawn = () =>
      spawned++ === 0
        ? new Worker(
            `const { parentPort } = require("node:worker_threads"); parentPort.postMessage({ ready: true });
             parentPort.on("message", () => { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); });`,
            { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } },
          )
        : new Worker(
            `const { parentPort } = require("node:worker_threads"); parentPort.postMessage({ ready: true });
             parentPort.on("message", (m) => parentPort.postMessage({ jobId: m.jobId, ok: true, outcome: { graded: { status: "pass", resultJson: "{}" } } }));`,
            { eval: true },
          );
    const hoarding = new GradingPool({ threads: 1, spawn });
    try {
      await expect(hoarding.grade(exercise, { yaml: exercise.solution })).rejects.toThrow(new GradingLimitError("grading ran out of memory and was stopped"));
      await expect(hoarding.grade(exercise, { yaml: exercise.solution })).resolves.toEqual({ graded: { status: "pass", resultJson: "{}" } });
      expect(spawned).toBe(2);
    } finally {
      await hoarding.close();
    }
  });

  test("when a grading thread cannot start, the pool grades on the calling thread", async () => {
    const exercise = getExercise("fix-service-selector")!;
    const broken = new GradingPool({ threads: 1, spawn: () => new Worker("throw new Error('cannot load the grader')", { eval: true }) });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await broken.grade(exercise, { yaml: exercise.solution })).toMatchObject({ graded: { status: "pass" } });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/cannot load the grader/));
      expect(await broken.grade(exercise, { yaml: exercise.starter })).toMatchObject({ graded: { status: "fail" } });
    } finally {
      errors.mockRestore();
      await broken.close();
    }
  });

  test("with no threads it grades on the calling thread", async () => {
    const exercise = getExercise("fix-service-selector")!;
    const inline = new GradingPool({ threads: 0 });
    expect(await inline.grade(exercise, { yaml: exercise.solution })).toMatchObject({ graded: { status: "pass" } });
  });
});
