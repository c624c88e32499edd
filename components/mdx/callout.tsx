import type { ReactNode } from "react";

export type CalloutType = "note" | "tip" | "warning" | "danger";

const STYLES: Record<CalloutType, { border: string; label: string; icon: string }> = {
  note: { border: "border-accent", label: "Note", icon: "i" },
  tip: { border: "border-success", label: "Tip", icon: "✓" },
  warning: { border: "border-warning", label: "Warning", icon: "!" },
  danger: { border: "border-danger", label: "Danger", icon: "!!" },
};

/** `<Callout type="note|tip|warning|danger" title="…">` in lessons. The type is also written as text. */
export function Callout({ type = "note", title, children }: { type?: CalloutType; title?: string; children?: ReactNode }) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <div role="note" className={`not-prose rounded-lg border-l-4 bg-surface px-4 py-3 ${style.border}`}>
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className="grid size-5 place-items-center rounded-full border border-current text-xs">
          {style.icon}
        </span>
        <span>
          <span className={title ? "sr-only" : undefined}>{style.label}</span>
          {title ? <span>{`${style.label}: ${title}`}</span> : null}
        </span>
      </p>
      <div className="mt-2 space-y-3 [&_a]:text-accent [&_a]:underline">{children}</div>
    </div>
  );
}
