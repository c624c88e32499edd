import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/** One graded attempt waiting to be written. */
export interface PendingSubmission {
  learnerId: string;
  exerciseId: string;
  content: string;
  verdict: string;
  results: string;
  passed: boolean;
  createdAt: Date;
}

export interface ProgressRow {
  learnerId: string;
  exerciseId: string;
  attempts: number;
  firstPassedAt: Date | null;
  lastAttemptAt: Date;
}

/** At most this many submissions share a transaction (six bound values each, far below SQLite's variable limit). */
const MAX_BATCH = 200;

interface Waiting {
  entry: PendingSubmission;
  resolve: (row: ProgressRow) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for graded submissions. Every caller still waits until its own rows are committed, but the
 * submissions that arrive while a transaction is being written share the next one: one INSERT of all
 * Submission rows and one multi-row upsert of ExerciseProgress, whatever the batch size. Under load this
 * turns hundreds of small transactions (each a sync of the write-ahead log) into a few large ones
 * (https://sqlite.org/faq.html#q19: "INSERT is really slow – I can only do a few dozen INSERTs per second").
 *
 * A learner and exercise appear at most once per batch, so each response reports the attempt count its own
 * submission produced; a second submission for the same pair waits for the next batch.
 */
export class SubmissionBatcher {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: PrismaClient) {}

  record(entry: PendingSubmission): Promise<ProgressRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.writing) this.scheduleWrite();
    });
  }

  private scheduleWrite(): void {
    this.writing = true;
    // setImmediate: the requests already read off the sockets in this turn of the event loop join the batch.
    setImmediate(() => void this.writeNext());
  }

  private async writeNext(): Promise<void> {
    const batch = this.takeBatch();
    try {
      const rows = await this.writeBatch(batch.map((w) => w.entry));
      for (const waiting of batch) waiting.resolve(rows.get(keyOf(waiting.entry))!);
    } catch {
      // One bad entry (a learner deleted meanwhile) must not fail the others: write each on its own.
      for (const waiting of batch) {
        try {
          const rows = await this.writeBatch([waiting.entry]);
          waiting.resolve(rows.get(keyOf(waiting.entry))!);
        } catch (error) {
          waiting.reject(error);
        }
      }
    }
    if (this.queue.length > 0) this.scheduleWrite();
    else this.writing = false;
  }

  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const keys = new Set<string>();
    for (const waiting of this.queue) {
      const key = keyOf(waiting.entry);
      if (batch.length < MAX_BATCH && !keys.has(key)) {
        keys.add(key);
        batch.push(waiting);
      } else {
        rest.push(waiting);
      }
    }
    this.queue = rest;
    return batch;
  }

  /** Both statements commit together, or neither does. */
  private async writeBatch(entries: readonly PendingSubmission[]): Promise<Map<string, ProgressRow>> {
    const values = entries.map(
      (e) => Prisma.sql`(${e.learnerId}, ${e.exerciseId}, 1, ${e.createdAt}, ${e.createdAt}, ${e.passed ? e.createdAt : null})`,
    );
    // Standard SQL upsert (SQLite 3.24+, PostgreSQL 9.5+). The first pass is kept: COALESCE never moves a set
    // firstPassedAt, so a later pass (or fail) leaves it alone.
    const upsert = Prisma.sql`
      INSERT INTO "ExerciseProgress" ("learnerId", "exerciseId", "attempts", "firstAttemptAt", "lastAttemptAt", "firstPassedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("learnerId", "exerciseId") DO UPDATE SET
        "attempts" = "ExerciseProgress"."attempts" + 1,
        "lastAttemptAt" = excluded."lastAttemptAt",
        "firstPassedAt" = COALESCE("ExerciseProgress"."firstPassedAt", excluded."firstPassedAt")
      RETURNING "learnerId", "exerciseId", "attempts", "firstPassedAt", "lastAttemptAt"`;
    const [, returned] = await this.db.$transaction([
      this.db.submission.createMany({
        data: entries.map((e) => ({
          learnerId: e.learnerId,
          exerciseId: e.exerciseId,
          content: e.content,
          verdict: e.verdict,
          results: e.results,
          createdAt: e.createdAt,
        })),
      }),
      this.db.$queryRaw<RawProgressRow[]>(upsert),
    ]);
    return new Map(returned.map((row) => [keyOf(row), toProgressRow(row)]));
  }
}

interface RawProgressRow {
  learnerId: string;
  exerciseId: string;
  attempts: number | bigint;
  firstPassedAt: Date | string | null;
  lastAttemptAt: Date | string;
}

function keyOf(row: { learnerId: string; exerciseId: string }): string {
  return `${row.learnerId}\u0000${row.exerciseId}`;
}

/** Raw results carry the driver's types: SQLite returns integers as numbers or bigints and may return dates as text. */
function toProgressRow(row: RawProgressRow): ProgressRow {
  return {
    learnerId: row.learnerId,
    exerciseId: row.exerciseId,
    attempts: Number(row.attempts),
    firstPassedAt: row.firstPassedAt === null ? null : new Date(row.firstPassedAt),
    lastAttemptAt: new Date(row.lastAttemptAt),
  };
}
