"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Scenario } from "@/lib/grader/exercise-definition";
import { buildScenarioCluster } from "@/lib/grader/build-exercise-cluster";
import { ShellSession, type SessionLogEntry } from "@/lib/shell/session/shell-session";
import { replayLog } from "@/lib/shell/session/replay-log";

export interface RestoredSandbox {
  session: ShellSession;
  /** What the screen showed, to draw it again. */
  transcript: string;
  history: string[];
  /** Changes on every (re)start, to key the terminal component. */
  generation: number;
}

/**
 * A learner's sandbox on a scenario: restored from the server by replaying its log (the simulator is
 * deterministic), saved after every command, reset on request. `id` is the scenario or exercise id.
 */
export function useSandbox(id: string, scenario: Scenario, onSession?: (session: ShellSession | null) => void) {
  const [sandbox, setSandbox] = useState<RestoredSandbox | null>(null);
  const [status, setStatus] = useState("Starting the cluster…");
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);

  const start = useCallback(
    (log: readonly SessionLogEntry[]) => {
      const session = new ShellSession({ cluster: buildScenarioCluster(scenario, id) });
      generation.current += 1;
      const transcript = replayLog(session, log);
      setSandbox({ session, transcript, history: [...session.historyLines()], generation: generation.current });
      onSession?.(session);
      setStatus(log.length > 0 ? "Sandbox restored." : "");
    },
    [id, scenario, onSession],
  );

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/sandboxes/${id}`, { headers: { accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : { log: [] }))
      .catch(() => ({ log: [] }))
      .then((data: { log?: SessionLogEntry[] }) => {
        if (!cancelled) start(data.log ?? []);
      });
    return () => {
      cancelled = true;
    };
  }, [id, start]);

  const save = useCallback(() => {
    if (!sandbox) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      fetch(`/api/sandboxes/${id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ log: sandbox.session.entries() }),
      })
        .then((response) => setStatus(response.ok ? "" : "This sandbox could not be saved."))
        .catch(() => setStatus("Offline: this sandbox is not being saved."));
    }, 300);
  }, [sandbox, id]);

  const reset = useCallback(async () => {
    if (!window.confirm("Reset this sandbox to the scenario's starting state?")) return;
    await fetch(`/api/sandboxes/${id}`, { method: "DELETE" }).catch(() => undefined);
    start([]);
    setStatus("Sandbox reset.");
  }, [id, start]);

  return { sandbox, status, save, reset };
}
