import fs from "node:fs";
import path from "node:path";
import { proveExercise } from "@/lib/grader/prove-exercise";
import { compileLesson } from "./compile-lesson";
import type { ContentError } from "./content-error";
import { listLessons } from "./course-navigation";
import { exerciseDirs, loadExercise } from "./exercise-files";
import { loadCourse } from "./load-course";
import { parseLocatedDocument } from "./parse-located-document";
import { ContentValidationError } from "./content-error";
import { loadTerminalScenarios } from "./scenario-files";
import { buildScenarioCluster } from "@/lib/grader/build-exercise-cluster";

export interface ContentCheckReport {
  lessons: number;
  exercises: number;
  errors: ContentError[];
}

/**
 * What `npm run content:check` requires of content/ (and `next build` of its lessons): a valid index,
 * valid frontmatter, every lesson compiling with only the registered components, every `<Exercise>`
 * naming an exercise of that lesson, every `<Terminal scenario>` naming a scenario (or an exercise) whose
 * manifests apply, and every exercise's proof holding — the reference solution passes, the starter and each
 * known-wrong answer fail the check they name.
 */
export async function checkContent(contentDir: string, rootDir: string = process.cwd()): Promise<ContentCheckReport> {
  const loaded = loadCourse(contentDir, rootDir);
  if (!loaded.ok) return { lessons: 0, exercises: 0, errors: loaded.errors };
  const errors: ContentError[] = [];

  const exercises = new Map<string, string>();
  for (const dir of exerciseDirs(contentDir)) {
    const exercise = loadExercise(dir);
    if (!exercise.ok) {
      errors.push(...exercise.errors);
      continue;
    }
    const file = path.relative(rootDir, path.join(dir, "exercise.yaml")).split(path.sep).join("/");
    if (exercises.has(exercise.exercise.id)) errors.push({ file, line: 1, message: `duplicate exercise id "${exercise.exercise.id}"` });
    exercises.set(exercise.exercise.id, exercise.exercise.lesson);
    errors.push(...locateProofProblems(file, path.join(dir, "exercise.yaml"), proveExercise(exercise.exercise)));
  }

  const scenarios = checkTerminalScenarios(contentDir, rootDir, errors);
  const lessons = listLessons(loaded.course);
  for (const lesson of lessons) {
    const compiled = await compileLesson(lesson);
    if (!compiled.ok) {
      errors.push(...compiled.errors);
      continue;
    }
    for (const reference of compiled.lesson.exercises) {
      const owner = exercises.get(reference.id);
      if (owner === undefined) errors.push({ file: lesson.file, line: reference.line, message: `<Exercise id="${reference.id}"> names no exercise in content/lessons/*/exercises/` });
      else if (owner !== lesson.id) errors.push({ file: lesson.file, line: reference.line, message: `exercise "${reference.id}" belongs to lesson "${owner}"` });
    }
    for (const reference of compiled.lesson.terminals) {
      if (!scenarios.has(reference.id) && !exercises.has(reference.id)) {
        errors.push({ file: lesson.file, line: reference.line, message: `<Terminal scenario="${reference.id}"> names no scenario in content/scenarios/ and no exercise` });
      }
    }
  }
  return { lessons: lessons.length, exercises: exercises.size, errors };
}

/** Proof problems name a subject (`solution`, `starter`, `wrongAnswers[2] (name)`); point at its field. */
function locateProofProblems(file: string, absolute: string, problems: ReturnType<typeof proveExercise>): ContentError[] {
  if (problems.length === 0) return [];
  const document = parseLocatedDocument(fs.readFileSync(absolute, "utf8"));
  return problems.map((problem) => {
    const wrong = /^wrongAnswers\[(\d+)\]/.exec(problem.subject);
    const fieldPath = wrong ? ["wrongAnswers", Number(wrong[1])] : [problem.subject];
    return { file, line: document.lineOf(fieldPath), message: `${problem.subject}: ${problem.message}` };
  });
}

/** Named terminal scenarios must be valid, and their manifests must apply to a fresh cluster. */
function checkTerminalScenarios(contentDir: string, rootDir: string, errors: ContentError[]): Set<string> {
  try {
    const scenarios = loadTerminalScenarios(contentDir);
    for (const scenario of scenarios.values()) {
      try {
        buildScenarioCluster(scenario, scenario.id);
      } catch (error) {
        const file = path.relative(rootDir, path.join(contentDir, "scenarios", scenario.id, "scenario.yaml")).split(path.sep).join("/");
        errors.push({ file, line: 1, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return new Set(scenarios.keys());
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    errors.push(...error.errors);
    return new Set();
  }
}
