import path from "node:path";
import { proveExercise } from "@/lib/grader/prove-exercise";
import type { ContentError } from "./content-error";
import { exerciseDirs, loadExercise } from "./exercise-files";
import { loadTerminalScenarios } from "./scenario-files";
import { ContentValidationError } from "./content-error";
import { buildScenarioCluster } from "@/lib/grader/build-exercise-cluster";
import type { Lesson } from "./load-course";

const EXERCISE_TAG = /<Exercise\s+id="([^"]*)"/g;
const TERMINAL_TAG = /<Terminal\s+scenario="([^"]*)"/g;

/**
 * The exercises' half of the content check: every definition is valid, proves itself (the reference solution
 * passes, the starter and each known-wrong answer fail the check they name), belongs to a lesson of the course,
 * and every `<Exercise id>` in a lesson names an exercise of that lesson.
 */
export function checkExercises(contentDir: string, lessons: readonly Lesson[], rootDir: string = process.cwd()): { exercises: number; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const byId = new Map<string, { lesson: string; file: string }>();
  const lessonIds = new Set(lessons.map((l) => l.id));
  for (const dir of exerciseDirs(contentDir)) {
    const file = path.relative(rootDir, path.join(dir, "exercise.yaml"));
    const loaded = loadExercise(dir);
    if (!loaded.ok) {
      errors.push(...loaded.errors.map((e) => ({ ...e, file: path.relative(rootDir, path.resolve(e.file)) })));
      continue;
    }
    const { exercise } = loaded;
    if (byId.has(exercise.id)) errors.push({ file, line: 1, message: `exercise id "${exercise.id}" is also used by ${byId.get(exercise.id)!.file}` });
    byId.set(exercise.id, { lesson: exercise.lesson, file });
    if (!lessonIds.has(exercise.lesson)) errors.push({ file, line: 1, message: `lesson "${exercise.lesson}" is not in the course index` });
    for (const problem of proveExercise(exercise)) errors.push({ file, line: 1, message: `${problem.subject}: ${problem.message}` });
  }
  const terminalScenarios = checkTerminalScenarios(contentDir, errors);
  for (const lesson of lessons) {
    for (const { id, line } of tags(lesson.body, TERMINAL_TAG)) {
      if (!terminalScenarios.has(id) && !byId.has(id)) errors.push({ file: lesson.file, line, message: `<Terminal scenario="${id}"> names no scenario or exercise` });
    }
    for (const { id, line } of tags(lesson.body, EXERCISE_TAG)) {
      const owner = byId.get(id);
      if (!owner) errors.push({ file: lesson.file, line, message: `<Exercise id="${id}"> names no exercise` });
      else if (owner.lesson !== lesson.id) errors.push({ file: lesson.file, line, message: `exercise "${id}" belongs to lesson "${owner.lesson}"` });
    }
  }
  return { exercises: byId.size, errors };
}

function tags(body: string, pattern: RegExp): { id: string; line: number }[] {
  return [...body.matchAll(pattern)].map((m) => ({ id: m[1], line: body.slice(0, m.index).split("\n").length }));
}

/** Named terminal scenarios must be valid and their manifests must apply to a fresh cluster. */
function checkTerminalScenarios(contentDir: string, errors: ContentError[]): Set<string> {
  try {
    const scenarios = loadTerminalScenarios(contentDir);
    for (const scenario of scenarios.values()) {
      try {
        buildScenarioCluster(scenario, scenario.id);
      } catch (error) {
        errors.push({ file: `content/scenarios/${scenario.id}/scenario.yaml`, line: 1, message: String(error instanceof Error ? error.message : error) });
      }
    }
    return new Set(scenarios.keys());
  } catch (error) {
    if (error instanceof ContentValidationError) errors.push(...error.errors);
    else throw error;
    return new Set();
  }
}
