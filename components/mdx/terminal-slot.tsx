import { PendingSlot } from "./pending-slot";

/** `<Terminal scenario="…" />` in lessons: the simulated terminal. */
export function Terminal({ scenario }: { scenario?: string }) {
  return <PendingSlot kind="terminal" name={scenario} />;
}
