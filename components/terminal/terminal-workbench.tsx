"use client";

import type { TerminalScenario } from "@/lib/grader/exercise-definition";
import { SandboxTerminal } from "./sandbox-terminal";

/**
 * A terminal on a scenario's cluster. The sandbox is saved as the session's input log after every command and
 * restored by replaying it, so it survives reloads and server restarts.
 */
export default function TerminalWorkbench({ scenario }: { scenario: TerminalScenario }) {
  return (
    <div className="terminal-workbench">
      <SandboxTerminal id={scenario.id} scenario={scenario} label={`Terminal: ${scenario.title}`} />
    </div>
  );
}
