"use client";

import type { TerminalScenario } from "@/lib/grader/exercise-definition";
import { useSandbox } from "./use-sandbox";
import { XtermTerminal } from "./xterm-terminal";

/**
 * A terminal on a scenario's cluster. The sandbox is saved as the session's input log after every command and
 * restored by replaying it, so it survives reloads and server restarts.
 */
export default function TerminalWorkbench({ scenario }: { scenario: TerminalScenario }) {
  const { sandbox, status, save, reset } = useSandbox(scenario.id, scenario);
  return (
    <div className="terminal-workbench">
      <div className="terminal-actions">
        <span role="status" aria-live="polite" className="terminal-status">
          {status}
        </span>
        <button type="button" onClick={reset} disabled={!sandbox}>
          Reset sandbox
        </button>
      </div>
      {sandbox && (
        <XtermTerminal
          key={sandbox.generation}
          backend={sandbox.session}
          banner={sandbox.transcript}
          initialHistory={sandbox.history}
          label={`Terminal: ${scenario.title}`}
          onCommand={save}
        />
      )}
    </div>
  );
}
