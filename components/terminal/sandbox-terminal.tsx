"use client";

import type { Scenario } from "@/lib/grader/exercise-definition";
import type { ShellSession } from "@/lib/shell/session/shell-session";
import { useSandbox } from "./use-sandbox";
import { XtermTerminal } from "./xterm-terminal";
import "./terminal.css";

interface SandboxTerminalProps {
  /** The scenario or exercise id the sandbox is saved under. */
  id: string;
  scenario: Scenario;
  label: string;
  /** Receives the live session, for pages that read it (a terminal exercise grades its log). */
  onSession?(session: ShellSession | null): void;
}

/** A terminal on its own sandbox: status line, Reset, and xterm on the restored shell session. */
export function SandboxTerminal({ id, scenario, label, onSession }: SandboxTerminalProps) {
  const { sandbox, status, save, reset } = useSandbox(id, scenario, onSession);
  return (
    <>
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
          label={label}
          onCommand={save}
        />
      )}
    </>
  );
}
