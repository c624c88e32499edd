import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { createPrismaClient } = await import("@/lib/db/prisma-client");
const { createProgressRepository } = await import("@/lib/db/progress-repository");

const ROOT = path.resolve(__dirname, "..", "..");
let dataDir: string;
let client: ReturnType<typeof createPrismaClient>;
let repository: ReturnType<typeof createProgressRepository>;

/** A real SQLite file, migrated by the same script `npm start` runs. */
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-db-"));
  const databaseUrl = `file:${path.join(dataDir, "nested", "lab.db")}`;
  const migrated = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  expect(migrated.status, migrated.stderr).toBe(0);
  client = createPrismaClient(databaseUrl);
  repository = createProgressRepository(client);
});

afterAll(async () => {
  await client?.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("progress repository on a migrated SQLite file", () => {
  test("a new learner has no progress", async () => {
    const learner = await repository.createLearner();
    expect(await repository.hasLearner(learner)).toBe(true);
    expect(await repository.listLessonProgress(learner)).toEqual([]);
  });

  test("an unknown learner id does not exist", async () => {
    expect(await repository.hasLearner("no-such-learner")).toBe(false);
  });

  test("visits keep the first visit time and move the last one", async () => {
    const learner = await repository.createLearner();
    await repository.recordLessonVisit(learner, "services-clusterip");
    const [first] = await repository.listLessonProgress(learner);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repository.recordLessonVisit(learner, "services-clusterip");
    const [second] = await repository.listLessonProgress(learner);
    expect(second.firstVisitedAt).toEqual(first.firstVisitedAt);
    expect(second.lastVisitedAt.getTime()).toBeGreaterThan(first.lastVisitedAt.getTime());
    expect(second.completedAt).toBeNull();
  });

  test("completing is idempotent and implies a visit", async () => {
    const learner = await repository.createLearner();
    await repository.markLessonComplete(learner, "dns");
    const [first] = await repository.listLessonProgress(learner);
    expect(first.completedAt).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repository.markLessonComplete(learner, "dns");
    const [again] = await repository.listLessonProgress(learner);
    expect(again.completedAt).toEqual(first.completedAt);
  });

  test("learners do not see each other's progress", async () => {
    const alice = await repository.createLearner();
    const bob = await repository.createLearner();
    await repository.markLessonComplete(alice, "a");
    await repository.recordLessonVisit(bob, "b");
    expect((await repository.listLessonProgress(alice)).map((p) => p.lessonId)).toEqual(["a"]);
    expect((await repository.listLessonProgress(bob)).map((p) => [p.lessonId, p.completedAt])).toEqual([["b", null]]);
  });

  test("progress written by one client is read by a fresh one (a restart)", async () => {
    const learner = await repository.createLearner();
    await repository.markLessonComplete(learner, "restart-proof");
    const restarted = createPrismaClient(`file:${path.join(dataDir, "nested", "lab.db")}`);
    try {
      const fresh = createProgressRepository(restarted);
      expect((await fresh.listLessonProgress(learner)).map((p) => p.lessonId)).toEqual(["restart-proof"]);
    } finally {
      await restarted.$disconnect();
    }
  });

  test("writing progress for a learner that does not exist fails (foreign key)", async () => {
    await expect(repository.recordLessonVisit("ghost", "a")).rejects.toThrow();
  });
});
