import { parentPort } from "node:worker_threads";
import { getExercise, getExercises } from "@/lib/content/get-exercise";
import type { Submission } from "@/lib/grader/exercise-definition";
import { gradeWork, type GradeOutcome } from "./grade-work";

export interface GradeRequest {
  jobId: number;
  exerciseId: string;
  work: Submission;
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
getExercises();
parentPort?.postMessage({ ready: true } satisfies GradeReply);
