import "server-only";
import type { GradeResult } from "@/lib/grader/check-result";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { createSubmissionWriter, getPrismaClient } from "./prisma-client";
import { SubmissionBatcher, type SubmissionWriter } from "./submission-batcher";

export interface ExerciseProgressRecord {
  exerciseId: string;
  attempts: number;
  firstPassedAt: Date | null;
  lastAttemptAt: Date;
}

export interface StoredSubmission {
  yaml: string;
  result: GradeResult;
  createdAt: Date;
}

/** A computed GradeResult's status and its JSON text, as stored in the Submission row. */
export interface RecordedVerdict {
  status: GradeResult["status"];
  resultJson: string;
}

/** Submissions and per-exercise progress. The verdict stored is always one the server computed itself. */
export interface ExerciseRepository {
  /**
   * Stores the submission and updates progress in one transaction: both are written, or neither. Resolves once
   * committed, with the progress this submission produced.
   */
  recordSubmission(learnerId: string, exerciseId: string, yaml: string, verdict: RecordedVerdict): Promise<ExerciseProgressRecord>;
  getProgress(learnerId: string, exerciseId: string): Promise<ExerciseProgressRecord | null>;
  lastSubmission(learnerId: string, exerciseId: string): Promise<StoredSubmission | null>;
  listProgress(learnerId: string): Promise<ExerciseProgressRecord[]>;
}

/** Reads go through Prisma; the submission write through the writer for the same database (createSubmissionWriter). */
export function createExerciseRepository(db: PrismaClient, writeSubmissions: SubmissionWriter): ExerciseRepository {
  const batcher = new SubmissionBatcher(writeSubmissions);
  return {
    async recordSubmission(learnerId, exerciseId, yaml, verdict) {
      const row = await batcher.record({
        learnerId,
        exerciseId,
        content: yaml,
        verdict: verdict.status,
        results: verdict.resultJson,
        passed: verdict.status === "pass",
        createdAt: new Date(),
      });
      return toRecord(row);
    },
    async getProgress(learnerId, exerciseId) {
      const row = await db.exerciseProgress.findUnique({ where: { learnerId_exerciseId: { learnerId, exerciseId } } });
      return row ? toRecord(row) : null;
    },
    async lastSubmission(learnerId, exerciseId) {
      const row = await db.submission.findFirst({ where: { learnerId, exerciseId }, orderBy: { createdAt: "desc" } });
      return row ? { yaml: row.content, result: JSON.parse(row.results) as GradeResult, createdAt: row.createdAt } : null;
    },
    async listProgress(learnerId) {
      const rows = await db.exerciseProgress.findMany({ where: { learnerId }, orderBy: { firstAttemptAt: "asc" } });
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: { exerciseId: string; attempts: number; firstPassedAt: Date | null; lastAttemptAt: Date }): ExerciseProgressRecord {
  return { exerciseId: row.exerciseId, attempts: row.attempts, firstPassedAt: row.firstPassedAt, lastAttemptAt: row.lastAttemptAt };
}

let shared: ExerciseRepository | undefined;

export function getExerciseRepository(): ExerciseRepository {
  shared ??= createExerciseRepository(getPrismaClient(), createSubmissionWriter(getEnv().databaseUrl));
  return shared;
}
