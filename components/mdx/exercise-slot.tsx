import { PendingSlot } from "./pending-slot";

/** `<Exercise id="…" />` in lessons: the embedded, graded exercise. */
export function Exercise({ id }: { id?: string }) {
  return <PendingSlot kind="exercise" name={id} />;
}
