import type { ShellSession } from "./shell-session";

export interface TranscriptOptions {
  /** Show each prompt and the typed line before its output, as the terminal does. Default true. */
  echo?: boolean;
}

export interface Transcript {
  text: string;
  /** The exit status of the last command. */
  exitCode: number;
  /** Whether `exit` ended the session before the input ran out. */
  ended: boolean;
}

/**
 * Feeds a script to a session one line at a time, the way a learner would type it: lines that leave the input
 * incomplete (a here-document, an open quote) are continued after a `> ` prompt, and a foreground
 * port-forward still holding the terminal when the next line comes is stopped with Ctrl-C first — a piped
 * script has no one to press it. The text is what the browser terminal would show.
 */
export function runTranscript(session: ShellSession, input: string, options: TranscriptOptions = {}): Transcript {
  const echo = options.echo ?? true;
  const lines = input.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let text = "";
  let buffer: string | undefined;
  let exitCode = 0;
  for (const line of lines) {
    if (buffer === undefined && session.isBusy()) text += session.interrupt().text;
    if (echo) text += `${buffer === undefined ? session.prompt() : "> "}${line}\n`;
    const pending: string = buffer === undefined ? line : `${buffer}\n${line}`;
    const output = session.execute(pending);
    if (output.needsMoreInput) {
      buffer = pending;
      continue;
    }
    buffer = undefined;
    text += output.text;
    exitCode = output.exitCode;
    if (output.ended) return { text, exitCode, ended: true };
  }
  if (session.isBusy()) text += session.interrupt().text;
  return { text, exitCode, ended: false };
}
