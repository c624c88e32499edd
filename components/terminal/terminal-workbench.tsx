"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TerminalScenario } from "@/lib/grader/exercise-definition";
import { buildScenarioCluster } from "@/lib/grader/build-exercise-cluster";
import { ShellSession, type SessionLogEntry } from "@/lib/shell/session/shell-session";
import { XtermTerminal } from "./xterm-terminal";

interface TerminalWorkbenchProps {
  scenario: TerminalScenario;
}

interface Restored {
  session: ShellSession;
  transcript: string;
  history: string[];
}

/**
 * A terminal on a scenario's cluster. The sandbox is saved as the session's input log after every command and
 * restored by replaying it (the simulator is deterministic), so it survives reloads and server restarts.
 */
export default function TerminalWorkbench({ scenario }: TerminalWorkbenchProps) {
  const [restored, setRestored] = useState<Restored | null>(null);
  const [status, setStatus] = useState("Starting the cluster…");
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const start = useCallback(
    (log: readonly SessionLogEntry[]) => {
      const session = new ShellSession({ cluster: buildScenarioCluster(scenario, scenario.id) });
      setRestored({ session, ...replay(session, log) });
      setStatus(log.length > 0 ? "Sandbox restored." : "");
    },
    [scenario],
  );

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/sandboxes/${scenario.id}`, { headers: { accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : { log: [] }))
      .catch(() => ({ log: [] }))
      .then((data: { log?: SessionLogEntry[] }) => {
        if (!cancelled) start(data.log ?? []);
      });
    return () => {
      cancelled = true;
    };
  }, [scenario.id, start]);

  const save = useCallback(() => {
    if (!restored) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      fetch(`/api/sandboxes/${scenario.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ log: restored.session.entries() }),
      })
        .then((response) => setStatus(response.ok ? "" : "This sandbox could not be saved."))
        .catch(() => setStatus("Offline: this sandbox is not being saved."));
    }, 300);
  }, [restored, scenario.id]);

  const reset = useCallback(async () => {
    if (!window.confirm("Reset this sandbox to the scenario's starting state?")) return;
    await fetch(`/api/sandboxes/${scenario.id}`, { method: "DELETE" }).catch(() => undefined);
    start([]);
    setStatus("Sandbox reset.");
  }, [scenario.id, start]);

  return (
    <div className="terminal-workbench">
      <div className="terminal-actions">
        <span role="status" aria-live="polite" className="terminal-status">
          {status}
        </span>
        <button type="button" onClick={reset} disabled={!restored}>
          Reset sandbox
        </button>
      </div>
      {restored && (
        <XtermTerminal
          key={restored.session.entries().length === 0 ? "fresh" : "restored"}
          backend={restored.session}
          banner={restored.transcript}
          initialHistory={restored.history}
          label={`Terminal: ${scenario.title}`}
          onCommand={save}
        />
      )}
    </div>
  );
}

/** Replays a saved log into a fresh session, returning what the screen showed, to draw it again. */
function replay(session: ShellSession, log: readonly SessionLogEntry[]): { transcript: string; history: string[] } {
  let transcript = "";
  let pending = "";
  for (const entry of log) {
    if (entry.type === "file") session.setFile(entry.name, entry.text);
    else if (entry.type === "interrupt") transcript += session.interrupt().text;
    else {
      const prompt = pending ? "> " : session.prompt();
      const lines = entry.input.split("\n");
      transcript += `${prompt}${lines[0]}\n${lines.slice(1).map((l) => `> ${l}\n`).join("")}`;
      const result = session.execute(entry.input);
      pending = result.needsMoreInput ? entry.input : "";
      transcript += result.text;
    }
  }
  return { transcript, history: [...session.historyLines()] };
}
