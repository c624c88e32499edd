"use client";

import dynamic from "next/dynamic";
import type { TerminalScenario } from "@/lib/grader/exercise-definition";

/** xterm.js, the shell and the simulator load only where a terminal is on the page, in their own chunk. */
const TerminalWorkbench = dynamic(() => import("./terminal-workbench"), {
  ssr: false,
  loading: () => <p className="terminal-loading">Loading the terminal…</p>,
});

export function TerminalLoader({ scenario }: { scenario: TerminalScenario }) {
  return <TerminalWorkbench scenario={scenario} />;
}
