import path from "node:path";
import { proveExercise } from "@/lib/grader/prove-exercise";
import type { ContentError } from "./content-error";
import { exerciseDirs, loadExercise } from "./exercise-files";
import type { Lesson } from "./load-course";

const EXERCISE_TAG = /<Exercise\s+id="([^"]*)"/g;

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
  for (const lesson of lessons) {
    for (const { id, line } of exerciseTags(lesson.body)) {
      const owner = byId.get(id);
      if (!owner) errors.push({ file: lesson.file, line, message: `<Exercise id="${id}"> names no exercise` });
      else if (owner.lesson !== lesson.id) errors.push({ file: lesson.file, line, message: `exercise "${id}" belongs to lesson "${owner.lesson}"` });
    }
  }
  return { exercises: byId.size, errors };
}

function exerciseTags(body: string): { id: string; line: number }[] {
  return [...body.matchAll(EXERCISE_TAG)].map((m) => ({ id: m[1], line: body.slice(0, m.index).split("\n").length }));
}
