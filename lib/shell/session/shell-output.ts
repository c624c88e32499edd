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
  /** `kubectl edit` is waiting for its editor: show this buffer, then call finishEdit with what was saved. */
  edit?: PendingEdit;
}

/** The file `kubectl edit` wrote for its editor, as the page's editor should show it. */
export interface PendingEdit {
  /** What is being edited, as kubectl names it: `service/web`. */
  title: string;
  /** The temp file kubectl wrote (`/tmp/kubectl-edit-abcde.yaml`). */
  file: string;
  format: "yaml" | "json";
  text: string;
}

export interface ShellSessionOptions {
  /** The learner's sandbox; the session writes to it. */
  cluster: Cluster;
  /** Files the page gives the terminal (exercise editor contents), by name: `kubectl apply -f exercise.yaml`. */
  files?: Readonly<Record<string, string>>;
  env?: Readonly<Record<string, string>>;
  /** Simulated time between two commands, so AGE moves as it does in a real terminal. Default 5 s. */
  commandIntervalMs?: number;
  /**
   * Whether the page can show an editor for `kubectl edit` (vi and the other interactive editors). Default true;
   * the headless shell has none, so there kubectl edit needs $KUBE_EDITOR or $EDITOR set to a command it can run.
   */
  visualEditor?: boolean;
}

/**
 * One entry of the replayable log: everything that changed the session, in order. `edit` is the page's editor
 * closing on a pending `kubectl edit`: the text it saved, or null when it was closed without saving.
 */
export type SessionLogEntry =
  | { type: "execute"; input: string }
  | { type: "interrupt" }
  | { type: "file"; name: string; text: string }
  | { type: "edit"; text: string | null };
