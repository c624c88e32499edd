import { getExercise } from "@/lib/content/get-exercise";
import { InlineCode } from "./inline-code";
import { ExerciseWorkbenchLoader } from "./exercise-workbench-loader";
import "./exercise.css";

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
    <section className="exercise not-prose" aria-labelledby={`exercise-${exercise.id}`} data-exercise-id={exercise.id}>
      <h3 id={`exercise-${exercise.id}`}>Exercise: {exercise.title}</h3>
      <ol className="exercise-tasks">
        {exercise.tasks.map((task, i) => (
          <li key={i} id={`exercise-${exercise.id}-task-${i + 1}`}>
            <InlineCode text={task} />
          </li>
        ))}
      </ol>
      <ExerciseWorkbenchLoader exercise={exercise} />
    </section>
  );
}
