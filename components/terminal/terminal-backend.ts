/**
 * What the browser terminal needs from a shell — the shape of lib/shell's ShellSession — kept as an interface so
 * the xterm component knows nothing of the simulator.
 */
export interface TerminalOutput {
  /** Text exactly as a terminal shows it, with `\n` line ends. */
  text: string;
  exitCode: number;
  /** The input is unfinished (open quote, here-document): prompt `> ` and send the accumulated text again. */
  needsMoreInput: boolean;
  clearScreen: boolean;
  /** The shell ended (exit on the workstation). */
  ended: boolean;
  /** `kubectl edit` waits for its editor: open this buffer, then hand back what was saved. */
  edit?: TerminalEdit;
}

/** The file kubectl edit wrote for its editor. */
export interface TerminalEdit {
  /** `service/web` */
  title: string;
  /** `/tmp/kubectl-edit-abcde.yaml` */
  file: string;
  format: "yaml" | "json";
  text: string;
}

export interface TerminalBackend {
  prompt(): string;
  execute(input: string): TerminalOutput;
  complete(line: string, cursor: number): { start: number; end: number; candidates: readonly string[] };
  /** Ctrl-C while a foreground command (port-forward) runs. */
  interrupt(): TerminalOutput;
  /** True while a foreground command holds the terminal (typed lines are not run). */
  isBusy(): boolean;
  /** The buffer a restored session was editing when it was saved, if any. */
  pendingEdit(): TerminalEdit | undefined;
  /** The editor closed: the saved text, or null when it was closed without saving. */
  finishEdit(text: string | null): TerminalOutput;
}
