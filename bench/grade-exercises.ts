import path from "node:path";
import { loadAllExercises } from "@/lib/content/exercise-files";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import { authoredWork, warmUpGrading, WARM_UP_GRADES, type AuthoredWork } from "@/lib/grader/warm-up-grading";
import { summarize, type BenchRow } from "./bench-row";

const SAMPLES = 200;

/**
 * In-process grading latency, end to end (scenario cluster built, YAML parsed, validated and applied, every
 * check run), over every exercise's authored work: reference solution, starter and known-wrong answers.
 * Measured twice in one process: first as a fresh process grades (5 warm-ups per exercise), then after the
 * warm-up a server's grading threads run at start (lib/grader/warm-up-grading.ts), with the exercises
 * interleaved as a server receives them.
 */
export async function runGradeBenchmark(): Promise<BenchRow[]> {
  const exercises = [...loadAllExercises(path.join(process.cwd(), "content")).values()];
  const work = authoredWork(exercises);
  const byExercise = exercises.map((exercise) => work.filter((w) => w.exercise === exercise));

  const fresh: number[] = [];
  for (const own of byExercise) {
    for (let i = 0; i < 5; i++) grade(own[i % own.length]);
    for (let i = 0; i < SAMPLES; i++) fresh.push(timed(own[i % own.length]));
  }

  for (const step of warmUpGrading(exercises)) void step;

  // Round-robin over exercises, each cycling through its own authored work.
  const warm = new Map<string, number[]>(exercises.map((e) => [e.id, []]));
  const cpu: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    for (const own of byExercise) warm.get(own[0].exercise.id)!.push(timed(own[i % own.length]));
  }
  for (let i = 0; i < SAMPLES; i++) {
    for (const own of byExercise) cpu.push(cpuTime(own[i % own.length]));
  }
  const everything = [...warm.values()].flat();
  const cpuSummary = summarize(cpu);
  return [
    {
      name: "grade (all exercises, in-process, fresh process)",
      samples: fresh.length,
      ...summarize(fresh),
      extra: { exercises: exercises.length, "warm-up": "5 grades per exercise" },
    },
    {
      name: "grade (all exercises, in-process, after warm-up)",
      samples: everything.length,
      ...summarize(everything),
      extra: {
        exercises: exercises.length,
        "warm-up": `${WARM_UP_GRADES} grades`,
        "cpu median ms": cpuSummary.medianMs.toFixed(3),
        "cpu p99 ms": cpuSummary.p99Ms.toFixed(3),
      },
    },
    ...exercises.map((exercise, i) => ({
      name: `grade ${exercise.id} (after warm-up)`,
      samples: SAMPLES,
      ...summarize(warm.get(exercise.id)!),
      extra: { checks: exercise.checks.length, "authored answers": byExercise[i].length },
    })),
  ];
}

function grade(work: AuthoredWork): void {
  gradeSubmission(work.exercise, work.submission);
}

function timed(work: AuthoredWork): number {
  const start = performance.now();
  grade(work);
  return performance.now() - start;
}

/**
 * Process CPU time of one grade, in a second pass of the same samples: on a shared machine the wall-clock p99
 * mostly measures the scheduler, so the CPU the grading itself used (garbage collection included) is
 * reported beside it.
 */
function cpuTime(work: AuthoredWork): number {
  const start = process.cpuUsage();
  grade(work);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
