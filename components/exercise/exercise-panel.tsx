import { getExercise } from "@/lib/content/get-exercise";
import { ExerciseWorkbenchLoader } from "./exercise-workbench-loader";

/** `<Exercise id="…" />`: the tasks, rendered on the server, and the interactive workbench below them. */
export function Exercise({ id }: { id?: string }) {
  const exercise = id ? getExercise(id) : undefined;
  if (!exercise) {
    return (
      <p role="alert" className="exercise-missing">
        Exercise “{id}” does not exist.
      </p>
    );
  }
  return (
    <section className="exercise" aria-labelledby={`exercise-${exercise.id}`} data-exercise-id={exercise.id}>
      <h2 id={`exercise-${exercise.id}`}>Exercise: {exercise.title}</h2>
      <ol className="exercise-tasks">
        {exercise.tasks.map((task, i) => (
          <li key={i} id={`exercise-${exercise.id}-task-${i + 1}`}>
            {task}
          </li>
        ))}
      </ol>
      <ExerciseWorkbenchLoader exercise={exercise} />
    </section>
  );
}
