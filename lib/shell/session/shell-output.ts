import type { Cluster } from "@/lib/sim/store/cluster";

/** What one call to execute() gives the terminal. */
export interface ShellOutput {
  /** stdout and stderr interleaved in the order the commands wrote them, `\n` line ends. */
  text: string;
  exitCode: number;
  /** The input is not complete (open quote, here-document, trailing `|`): prompt `> ` and call again with all of it. */
  needsMoreInput: boolean;
  clearScreen: boolean;
  /** `exit` on the workstation: the terminal session is over. */
  ended: boolean;
}

export interface ShellSessionOptions {
  /** The learner's sandbox; the session writes to it. */
  cluster: Cluster;
  /** Files the page gives the terminal (exercise editor contents), by name: `kubectl apply -f exercise.yaml`. */
  files?: Readonly<Record<string, string>>;
  env?: Readonly<Record<string, string>>;
  /** Simulated time between two commands, so AGE moves as it does in a real terminal. Default 5 s. */
  commandIntervalMs?: number;
}

/** One entry of the replayable log: everything that changed the session, in order. */
export type SessionLogEntry = { type: "execute"; input: string } | { type: "interrupt" } | { type: "file"; name: string; text: string };
