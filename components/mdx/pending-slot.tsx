/**
 * What a registered-but-not-yet-built component renders: an honest note, never a stand-in exercise, so a
 * learner knows nothing is being checked here yet.
 */
export function PendingSlot({ kind, name }: { kind: "exercise" | "terminal"; name?: string }) {
  return (
    <div role="note" className="rounded-lg border border-dashed border-border bg-surface px-4 py-3 text-sm text-muted">
      {kind === "exercise" ? "This exercise" : "This terminal"}
      {name ? <code className="mx-1 font-mono">{name}</code> : " "}
      is not available yet.
    </div>
  );
}
