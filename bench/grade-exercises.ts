import path from "node:path";
import { loadAllExercises } from "@/lib/content/exercise-files";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import type { ExerciseDefinition } from "@/lib/grader/exercise-definition";
import { summarize, type BenchRow } from "./bench-row";

const SAMPLES = 200;

/**
 * In-process grading latency, end to end (scenario cluster built, YAML parsed, validated and applied, every
 * check run): one row per exercise's reference solution, and one over all of them together.
 */
export async function runGradeBenchmark(): Promise<BenchRow[]> {
  const exercises = [...loadAllExercises(path.join(process.cwd(), "content")).values()];
  const rows: BenchRow[] = [];
  const everything: number[] = [];
  for (const exercise of exercises) {
    for (let i = 0; i < 5; i++) gradeSubmission(exercise, exercise.solution);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      gradeSubmission(exercise, i % 2 === 0 ? exercise.solution : exercise.starter);
      times.push(performance.now() - start);
    }
    everything.push(...times);
    rows.push({ name: `grade ${exercise.id}`, samples: SAMPLES, ...summarize(times), extra: { checks: exercise.checks.length } });
  }
  const cpu = summarize(exercises.flatMap((exercise) => cpuTimes(exercise)));
  rows.unshift({
    name: "grade (all exercises, in-process)",
    samples: everything.length,
    ...summarize(everything),
    extra: { exercises: exercises.length, "cpu median ms": cpu.medianMs.toFixed(3), "cpu p99 ms": cpu.p99Ms.toFixed(3) },
  });
  return rows;
}

/**
 * Process CPU time per grade, in a second pass of the same samples: on a shared machine the wall-clock p99
 * mostly measures the scheduler, so the CPU the grading itself used (garbage collection included) is
 * reported beside it.
 */
function cpuTimes(exercise: ExerciseDefinition): number[] {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.cpuUsage();
    gradeSubmission(exercise, i % 2 === 0 ? exercise.solution : exercise.starter);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times;
}
