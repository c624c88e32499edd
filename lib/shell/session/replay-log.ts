import type { SessionLogEntry, ShellSession } from "./shell-session";

/**
 * Replays a saved input log into a session, in order, exactly as the terminal ran it: the shell and the simulator
 * are deterministic, so the session ends where the saved one ended. Returns the transcript — each prompt with its
 * input and output, `> ` before continuation lines — so a restored terminal can redraw what its screen showed.
 */
export function replayLog(session: ShellSession, log: readonly SessionLogEntry[]): string {
  let transcript = "";
  let pending = false;
  for (const entry of log) {
    if (entry.type === "file") session.setFile(entry.name, entry.text);
    else if (entry.type === "interrupt") transcript += session.interrupt().text;
    else if (entry.type === "edit") transcript += session.finishEdit(entry.text).text;
    else {
      // A busy session logs no input, so a line after a command that now holds the terminal comes from a log
      // saved when that command (`kubectl get -w`, `kubectl logs -f`) still printed once and returned: it had
      // ended by then, and the lines after it ran.
      if (session.isBusy()) session.interrupt();
      const [first, ...rest] = entry.input.split("\n");
      transcript += `${pending ? "> " : session.prompt()}${first}\n${rest.map((line) => `> ${line}\n`).join("")}`;
      const result = session.execute(entry.input);
      pending = result.needsMoreInput;
      transcript += result.text;
    }
  }
  return transcript;
}
