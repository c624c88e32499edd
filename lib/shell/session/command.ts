/** What every command returns: the terminal never sees an exception. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CommandContext<S = unknown> {
  /** argv[0] is the command name, as typed. */
  argv: readonly string[];
  stdin: string;
  env: Readonly<Record<string, string>>;
  /** Whether stdout is the terminal (not a pipe or a file): kubectl and ls change layout on it. */
  stdoutIsTerminal: boolean;
  /** Whether the command runs in an asynchronous list (`cmd &`). */
  background?: boolean;
  /** The session's own state (cluster, where the user is, jobs), typed by the shell that owns the command. */
  session: S;
}

export type Command<S = unknown> = (context: CommandContext<S>) => CommandResult;

export const ok = (stdout = ""): CommandResult => ({ stdout, stderr: "", exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ""): CommandResult => ({ stdout, stderr, exitCode });
