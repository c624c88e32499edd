"use client";

import { useRef, useState } from "react";

/**
 * Copies the text of the code block it sits in. The result is announced through a polite live region so
 * screen-reader users hear "Copied" without losing focus.
 */
export function CopyButton() {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const buttonRef = useRef<HTMLButtonElement>(null);

  async function copy() {
    const text = buttonRef.current?.closest("figure")?.querySelector("pre")?.textContent ?? "";
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ""));
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    window.setTimeout(() => setStatus("idle"), 2000);
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        onClick={copy}
        className="absolute right-2 top-2 rounded-md border border-border bg-bg px-2 py-1 text-xs font-medium text-muted hover:text-fg"
      >
        {status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : "Copy"}
        <span className="sr-only"> code</span>
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {status === "copied" ? "Code copied to the clipboard" : status === "failed" ? "Could not copy the code" : ""}
      </span>
    </>
  );
}
