import "server-only";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExerciseDefinition, Submission } from "@/lib/grader/exercise-definition";
import { gradeWork, type GradeOutcome } from "./grade-work";
import { WARM_UP_GRADES } from "@/lib/grader/warm-up-grading";
import type { GradeReply, GradeRequest, GradingWorkerData } from "./grading-worker";

/** A submission whose simulation runs longer than this is stopped (say, a terminal log that scales to 5,000 pods); a typical grade takes about a millisecond. */
export const DEFAULT_GRADE_TIMEOUT_MS = 2000;

/** A submission too heavy to simulate: it ran over the time limit or out of the thread's memory. */
export class GradingLimitError extends Error {}

export interface GradingPoolOptions {
  /** Grading threads; 0 grades on the calling thread (without a time limit then). */
  threads: number;
  timeoutMs?: number;
  /** Grades of the course's authored work each thread runs after start-up, between submissions (default 0). */
  warmUpGrades?: number;
  /** Starts one grading thread; the default runs lib/api/grading-worker.ts. */
  spawn?: (data: GradingWorkerData) => Worker;
}

interface Job {
  exercise: ExerciseDefinition;
  request: GradeRequest;
  resolve: (outcome: GradeOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Set once the thread has loaded the course; only then does it take jobs (start-up is not grading time). */
  ready: boolean;
  job?: Job;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Grades submissions on worker threads, so the thread that answers HTTP only parses requests and writes
 * results while grading uses the machine's other cores; and a runaway simulation can be stopped, which a
 * synchronous call on the request thread cannot be. Each thread grades one submission at a time; the rest wait
 * in a queue in arrival order.
 */
export class GradingPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextJobId = 1;
  private readonly timeoutMs: number;

  constructor(private readonly options: GradingPoolOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_GRADE_TIMEOUT_MS;
    for (let i = 0; i < options.threads; i++) this.slots.push(this.startSlot());
  }

  grade(exercise: ExerciseDefinition, work: Submission): Promise<GradeOutcome> {
    if (this.slots.length === 0) return Promise.resolve(gradeWork(exercise, work));
    return new Promise((resolve, reject) => {
      this.queue.push({ exercise, request: { jobId: this.nextJobId++, exerciseId: exercise.id, work }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.stop(slot, new GradingLimitError(`grading took longer than ${this.timeoutMs / 1000} s and was stopped`)), this.timeoutMs);
      slot.worker.postMessage(job.request);
    }
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: (this.options.spawn ?? spawnGradingWorker)({ warmUpGrades: this.options.warmUpGrades ?? 0 }), ready: false };
    slot.worker.on("message", (reply: GradeReply) => {
      if ("ready" in reply) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.request.jobId !== reply.jobId) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      if (reply.ok) job.resolve(reply.outcome);
      else job.reject(new Error(reply.message));
      this.dispatch();
    });
    slot.worker.on("error", (error: Error & { code?: string }) => {
      if (slot.ready && error.code === "ERR_WORKER_OUT_OF_MEMORY") return this.stop(slot, new GradingLimitError("grading ran out of memory and was stopped"));
      if (slot.ready) return this.stop(slot, error);
      // A thread that cannot even start will not start the next time either: grade on this thread instead.
      console.error(`grading threads unavailable, grading on the request thread: ${error.message}`);
      this.fallBackToInline();
    });
    // A grading thread is never the reason the server stays up.
    slot.worker.unref();
    return slot;
  }

  private fallBackToInline(): void {
    for (const slot of this.slots.splice(0)) void slot.worker.terminate();
    for (const job of this.queue.splice(0)) job.resolve(gradeWork(job.exercise, job.request.work));
  }

  /** Fails the slot's job and replaces its thread: a stuck or crashed thread cannot be reused. */
  private stop(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    this.slots[index] = this.startSlot();
    job?.reject(error);
    this.dispatch();
  }
}

/**
 * A grading thread's heap. Grading allocates quickly and briefly (clusters cloned per grade), so a small young
 * generation is collected often and cheaply; the old generation holds the course and its scenario clusters.
 * A submission that needs more is stopped like one that runs too long.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 160 };

function spawnGradingWorker(workerData: GradingWorkerData): Worker {
  // Inside Next.js (NEXT_RUNTIME is set by its server) the bundler compiled the entry named by the exact
  // `new Worker(new URL(…, import.meta.url))` form below. Run from source (tests, scripts) the entry is
  // TypeScript, which Node 20 loads through tsx.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./grading-worker.ts", import.meta.url), { resourceLimits: RESOURCE_LIMITS, workerData });
  const entry = JSON.stringify(pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "grading-worker.ts")).href);
  return new Worker(`import("tsx/esm/api").then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true, resourceLimits: RESOURCE_LIMITS, workerData });
}

/** One grading thread per core beyond the one serving HTTP: at least one. */
export function defaultGradingThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

let shared: GradingPool | undefined;

/**
 * The server's pool. In production its threads warm up at start (lib/grader/warm-up-grading.ts: a few seconds
 * of one core), so learners after a deploy get the grading latency measured in `npm run bench`; in development
 * and tests that CPU is better spent elsewhere.
 */
export function getGradingPool(): GradingPool {
  shared ??= new GradingPool({ threads: defaultGradingThreads(), warmUpGrades: process.env.NODE_ENV === "production" ? WARM_UP_GRADES : 0 });
  return shared;
}
