import type { Cluster } from "@/lib/sim/store/cluster";
import { parseScript } from "@/lib/shell/grammar/parse-script";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { replayLog } from "@/lib/shell/session/replay-log";
import type { TerminalLogEntry } from "./exercise-definition";

/**
 * Replays a terminal's log on a cluster, exactly as the learner's terminal ran it: the shell and the simulator
 * are deterministic, so the server reaches the same cluster state the learner saw, without trusting the browser.
 */
export function replayTerminalLog(cluster: Cluster, log: readonly TerminalLogEntry[]): ShellSession {
  const session = new ShellSession({ cluster });
  replayLog(session, log);
  return session;
}

/**
 * A command script as a terminal log: lines are gathered into one command until the shell would run them (a
 * here-document or an open quote spans lines), so `cat <<EOF | kubectl apply -f -` works in solutions.
 */
export function scriptToLog(script: string): TerminalLogEntry[] {
  const log: TerminalLogEntry[] = [];
  let pending = "";
  for (const line of script.split("\n")) {
    if (!pending && (line.trim() === "" || line.trim().startsWith("#"))) continue;
    const input = pending ? `${pending}\n${line}` : line;
    if (parseScript(input).status === "incomplete") pending = input;
    else {
      log.push({ type: "execute", input });
      pending = "";
    }
  }
  if (pending) log.push({ type: "execute", input: pending });
  return log;
}
