import path from "node:path";
import type { ExerciseDefinition } from "@/lib/grader/exercise-definition";
import { loadAllExercises } from "./exercise-files";

let cache: Map<string, ExerciseDefinition> | undefined;

/** The course's exercises, loaded once per process from content/. */
export function getExercises(): Map<string, ExerciseDefinition> {
  cache ??= loadAllExercises(path.join(process.cwd(), "content"));
  return cache;
}

export function getExercise(id: string): ExerciseDefinition | undefined {
  return getExercises().get(id);
}
