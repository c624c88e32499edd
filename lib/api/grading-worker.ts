import { parentPort, workerData } from "node:worker_threads";
import { getExercise, getExercises } from "@/lib/content/get-exercise";
import type { Submission } from "@/lib/grader/exercise-definition";
import { warmUpGrading } from "@/lib/grader/warm-up-grading";
import { gradeWork, type GradeOutcome } from "./grade-work";

export interface GradeRequest {
  jobId: number;
  exerciseId: string;
  work: Submission;
}

/** What a thread is started with. */
export interface GradingWorkerData {
  /** Grades of the course's authored work to run after start-up, between submissions (0: none). */
  warmUpGrades: number;
}

export type GradeReply = { ready: true } | { jobId: number; ok: true; outcome: GradeOutcome } | { jobId: number; ok: false; message: string };

/**
 * A grading thread: loads the course's exercises once and grades one submission per message, off the thread
 * that serves HTTP. Grading is pure and synchronous, so a thread is a complete grader.
 */
parentPort?.on("message", ({ jobId, exerciseId, work }: GradeRequest) => {
  const exercise = getExercise(exerciseId);
  const reply: GradeReply = exercise ? { jobId, ok: true, outcome: gradeWork(exercise, work) } : { jobId, ok: false, message: `no such exercise: ${exerciseId}` };
  parentPort?.postMessage(reply);
});

// Loading the course is the thread's start-up work; it must not count against the first submission's time limit.
const exercises = getExercises();
parentPort?.postMessage({ ready: true } satisfies GradeReply);

// Then the thread warms its compiled code up, one grade per turn of the event loop, so a submission that
// arrives meanwhile waits for at most one warm-up grade (messages are handled between turns).
const warmUp = warmUpGrading(exercises.values(), (workerData as GradingWorkerData | undefined)?.warmUpGrades ?? 0);
const step = () => {
  if (!warmUp.next().done) setImmediate(step);
};
setImmediate(step);
