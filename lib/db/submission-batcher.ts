import "server-only";

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

/** Commits every entry's rows in one transaction, or none, and returns the progress each produced, in order. */
export type SubmissionWriter = (entries: readonly PendingSubmission[]) => ProgressRow[];

/** At most this many submissions share a transaction, so one commit never holds the thread for long. */
const MAX_BATCH = 200;

interface Waiting {
  entry: PendingSubmission;
  resolve: (row: ProgressRow) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for graded submissions. Every caller still waits until its own rows are committed, but the
 * submissions that arrive in the same turn of the event loop share one transaction. Under load this turns
 * hundreds of small transactions, each a sync of the write-ahead log, into a few larger ones
 * (https://sqlite.org/faq.html#q19: "INSERT is really slow – I can only do a few dozen INSERTs per second").
 */
export class SubmissionBatcher {
  private readonly queue: Waiting[] = [];
  private writing = false;

  /** writeBatch commits every entry's rows in one transaction, or none, and returns each pair's progress. */
  /** Two submissions of one pair in a batch are written in order and report attempts n and n + 1. */
  constructor(private readonly writeBatch: SubmissionWriter) {}

  record(entry: PendingSubmission): Promise<ProgressRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.writing) this.scheduleWrite();
    });
  }

  private scheduleWrite(): void {
    this.writing = true;
    // setImmediate: the requests already read off the sockets in this turn of the event loop join the batch.
    setImmediate(() => this.writeNext());
  }

  private writeNext(): void {
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      const rows = this.writeBatch(batch.map((w) => w.entry));
      batch.forEach((waiting, i) => waiting.resolve(rows[i]));
    } catch {
      // One bad entry (a learner deleted meanwhile) must not fail the others: write each on its own.
      for (const waiting of batch) {
        try {
          waiting.resolve(this.writeBatch([waiting.entry])[0]);
        } catch (error) {
          waiting.reject(error);
        }
      }
    }
    if (this.queue.length > 0) this.scheduleWrite();
    else this.writing = false;
  }
}
