import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { PendingSubmission, ProgressRow, SubmissionWriter } from "./submission-batcher";

interface ReturnedProgress {
  attempts: number;
  firstPassedAt: string | null;
  lastAttemptAt: string;
}

/**
 * The write path of a graded submission, on its own SQLite connection with prepared statements. Prisma owns
 * the schema, the migrations and every read; this one write runs once per Check press, and through the Prisma
 * client it cost about half a millisecond of CPU per submission even when batched — the whole budget at a
 * thousand grades a second. Values are stored exactly as Prisma's SQLite adapter stores them (uuid ids,
 * ISO-8601 timestamps with a "+00:00" offset), so Prisma reads these rows like its own.
 */
export function createSqliteSubmissionWriter(databaseFile: string): SubmissionWriter {
  const db = new Database(databaseFile);
  // Another connection (Prisma's) writes the same file: wait for its lock instead of failing at once.
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  const insertSubmission = db.prepare(
    `INSERT INTO "Submission" ("id", "learnerId", "exerciseId", "content", "verdict", "results", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Standard SQL upsert (SQLite 3.24+). The first pass is kept: COALESCE never moves a set firstPassedAt.
  const upsertProgress = db.prepare<unknown[], ReturnedProgress>(
    `INSERT INTO "ExerciseProgress" ("learnerId", "exerciseId", "attempts", "firstAttemptAt", "lastAttemptAt", "firstPassedAt")
     VALUES (?, ?, 1, ?, ?, ?)
     ON CONFLICT ("learnerId", "exerciseId") DO UPDATE SET
       "attempts" = "ExerciseProgress"."attempts" + 1,
       "lastAttemptAt" = excluded."lastAttemptAt",
       "firstPassedAt" = COALESCE("ExerciseProgress"."firstPassedAt", excluded."firstPassedAt")
     RETURNING "attempts", "firstPassedAt", "lastAttemptAt"`,
  );
  return db.transaction((entries: readonly PendingSubmission[]): ProgressRow[] =>
    entries.map((e) => {
      const at = prismaTimestamp(e.createdAt);
      insertSubmission.run(randomUUID(), e.learnerId, e.exerciseId, e.content, e.verdict, e.results, at);
      const row = upsertProgress.get(e.learnerId, e.exerciseId, at, at, e.passed ? at : null)!;
      return {
        learnerId: e.learnerId,
        exerciseId: e.exerciseId,
        attempts: row.attempts,
        firstPassedAt: row.firstPassedAt === null ? null : new Date(row.firstPassedAt),
        lastAttemptAt: new Date(row.lastAttemptAt),
      };
    }),
  );
}

/** @prisma/adapter-better-sqlite3's default "iso8601" timestamp format. */
function prismaTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
