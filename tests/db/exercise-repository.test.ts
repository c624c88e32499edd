import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { GradeResult } from "@/lib/grader/check-result";

vi.mock("server-only", () => ({}));
const { createPrismaClient, createSubmissionWriter } = await import("@/lib/db/prisma-client");
const { createProgressRepository } = await import("@/lib/db/progress-repository");
const { createExerciseRepository } = await import("@/lib/db/exercise-repository");

const ROOT = path.resolve(__dirname, "..", "..");
let dataDir: string;
let client: ReturnType<typeof createPrismaClient>;
let writer: ReturnType<typeof createSubmissionWriter>;

const verdict = (status: GradeResult["status"]) => {
  const result: GradeResult = { status, diagnostics: [], checks: [{ id: "a", title: "A", status: status === "pass" ? "pass" : "fail", message: "m", explanation: [] }] };
  return { status, resultJson: JSON.stringify(result) };
};

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-ex-db-"));
  const databaseUrl = `file:${path.join(dataDir, "lab.db")}`;
  const migrated = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs")], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  expect(migrated.status, migrated.stderr).toBe(0);
  client = createPrismaClient(databaseUrl);
  writer = createSubmissionWriter(databaseUrl);
});

afterAll(async () => {
  await client?.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("exercise repository on a migrated SQLite file", () => {
  test("attempts count up, the first pass is kept, the last submission is returned", async () => {
    const learner = await createProgressRepository(client).createLearner();
    const repository = createExerciseRepository(client, writer);
    expect(await repository.getProgress(learner, "db-access-policy")).toBeNull();

    const afterFail = await repository.recordSubmission(learner, "db-access-policy", "kind: x", verdict("fail"));
    expect(afterFail).toMatchObject({ attempts: 1, firstPassedAt: null });

    const afterPass = await repository.recordSubmission(learner, "db-access-policy", "kind: y", verdict("pass"));
    expect(afterPass.attempts).toBe(2);
    expect(afterPass.firstPassedAt).toBeInstanceOf(Date);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const afterSecondPass = await repository.recordSubmission(learner, "db-access-policy", "kind: z", verdict("pass"));
    expect(afterSecondPass.attempts).toBe(3);
    expect(afterSecondPass.firstPassedAt).toEqual(afterPass.firstPassedAt);

    const last = await repository.lastSubmission(learner, "db-access-policy");
    expect(last?.yaml).toBe("kind: z");
    expect(last?.result.status).toBe("pass");
    expect((await repository.listProgress(learner)).map((p) => p.exerciseId)).toEqual(["db-access-policy"]);
  });

  test("a submission for a learner that does not exist writes nothing", async () => {
    const repository = createExerciseRepository(client, writer);
    await expect(repository.recordSubmission("no-such-learner", "x", "y", verdict("fail"))).rejects.toThrow();
    expect(await client.submission.count({ where: { learnerId: "no-such-learner" } })).toBe(0);
    expect(await client.exerciseProgress.count({ where: { learnerId: "no-such-learner" } })).toBe(0);
  });

  test("concurrent submissions share transactions without losing or double-counting an attempt", async () => {
    const progress = createProgressRepository(client);
    const repository = createExerciseRepository(client, writer);
    const learners = await Promise.all(Array.from({ length: 5 }, () => progress.createLearner()));
    // 5 learners × 2 exercises × 4 attempts, all in flight at once; the third attempt of each passes.
    const calls = learners.flatMap((learner) =>
      ["a", "b"].flatMap((exercise) => [1, 2, 3, 4].map((n) => repository.recordSubmission(learner, exercise, `attempt ${n}`, verdict(n === 3 ? "pass" : "fail")))),
    );
    const returned = await Promise.all(calls);
    // Each pair's responses report 1, 2, 3, 4 attempts: every submission saw its own increment.
    for (let i = 0; i < returned.length; i += 4) expect(returned.slice(i, i + 4).map((r) => r.attempts).sort()).toEqual([1, 2, 3, 4]);
    for (const learner of learners) {
      for (const exercise of ["a", "b"]) {
        const stored = await repository.getProgress(learner, exercise);
        expect(stored?.attempts).toBe(4);
        expect(stored?.firstPassedAt).toBeInstanceOf(Date);
        expect(await client.submission.count({ where: { learnerId: learner, exerciseId: exercise } })).toBe(4);
      }
    }
    // The dates returned by the upsert are the ones Prisma reads back.
    const [first] = await Promise.all([repository.recordSubmission(learners[0], "c", "x", verdict("pass"))]);
    const readBack = await repository.getProgress(learners[0], "c");
    expect(readBack?.firstPassedAt).toEqual(first.firstPassedAt);
    expect(readBack?.lastAttemptAt).toEqual(first.lastAttemptAt);
  });

  test("a bad submission in a shared batch fails alone; the others are written", async () => {
    const learner = await createProgressRepository(client).createLearner();
    const repository = createExerciseRepository(client, writer);
    const [good, bad, alsoGood] = await Promise.allSettled([
      repository.recordSubmission(learner, "d", "x", verdict("fail")),
      repository.recordSubmission("gone-learner", "d", "x", verdict("fail")),
      repository.recordSubmission(learner, "e", "x", verdict("pass")),
    ]);
    expect(good).toMatchObject({ status: "fulfilled", value: { attempts: 1 } });
    expect(bad.status).toBe("rejected");
    expect(alsoGood).toMatchObject({ status: "fulfilled", value: { attempts: 1 } });
    expect(await client.submission.count({ where: { learnerId: "gone-learner" } })).toBe(0);
  });
});
