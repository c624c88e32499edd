import path from "node:path";
import type { ExerciseDefinition, TerminalScenario } from "@/lib/grader/exercise-definition";
import { loadAllExercises } from "./exercise-files";
import { loadTerminalScenarios } from "./scenario-files";

let cache: Map<string, ExerciseDefinition> | undefined;

/** The course's exercises, loaded once per process from content/. */
export function getExercises(): Map<string, ExerciseDefinition> {
  cache ??= loadAllExercises(path.join(process.cwd(), "content"));
  return cache;
}

export function getExercise(id: string): ExerciseDefinition | undefined {
  return getExercises().get(id);
}

let scenarios: Map<string, TerminalScenario> | undefined;

/** A terminal's scenario: a named one from content/scenarios, or the scenario of the exercise with that id. */
export function getTerminalScenario(id: string): TerminalScenario | undefined {
  scenarios ??= loadTerminalScenarios(path.join(process.cwd(), "content"));
  const named = scenarios.get(id);
  if (named) return named;
  const exercise = getExercise(id);
  return exercise ? { ...exercise.scenario, id: exercise.id, title: exercise.title } : undefined;
}
