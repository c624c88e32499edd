"use client";

import dynamic from "next/dynamic";
import type { ExerciseDefinition } from "@/lib/grader/exercise-definition";

/**
 * The editor, simulator and grader load only when an exercise is on the page, in their own chunk, so a lesson
 * without one stays small. Until they arrive the starter YAML is shown as text.
 */
const ExerciseWorkbench = dynamic(() => import("./exercise-workbench"), {
  ssr: false,
  loading: () => <p className="exercise-loading">Loading the editor…</p>,
});

const TerminalExerciseWorkbench = dynamic(() => import("./terminal-exercise-workbench"), {
  ssr: false,
  loading: () => <p className="exercise-loading">Loading the terminal…</p>,
});

export function ExerciseWorkbenchLoader({ exercise }: { exercise: ExerciseDefinition }) {
  return exercise.workspace === "terminal" ? <TerminalExerciseWorkbench exercise={exercise} /> : <ExerciseWorkbench exercise={exercise} />;
}
