import type { Cluster } from "@/lib/sim/store/cluster";
import type { EditState } from "../kubectl/edit-loop";
import type { BuiltinHost } from "./builtins";
import type { CommandResult } from "./command";

/** A shell inside a pod's container, as `kubectl exec -it … -- sh` or `kubectl run … -it` opens it. */
export interface PodShell {
  namespace: string;
  pod: string;
  container: string;
  /** The program that was started: decides the prompt and the "not found" wording. */
  shell: "bash" | "sh" | "zsh";
  /** `kubectl run --rm`: delete the pod when the shell exits. */
  removeOnExit?: boolean;
  /** `kubectl run -it` attached to the pod's main process: kubectl prints the attach hint on exit. */
  attached?: boolean;
}

export type ShellLocation = { kind: "workstation" } | ({ kind: "pod" } & PodShell);

/** One `kubectl port-forward`: a local port on the workstation tunnelled into one pod's port. */
export interface PortForward {
  localPort: number;
  namespace: string;
  pod: string;
  podPort: number;
}

/**
 * A process that keeps writing after its command returned: `kubectl get --watch` and `kubectl logs -f`. The
 * simulated world only changes when a command runs, so the session asks every stream after each pipeline what it
 * writes about the changes it sees.
 */
export interface JobStream {
  /** What the process writes since it last looked; `ended` once its stream is over and the process exits. */
  poll(): { text: string; ended: boolean };
}

export interface ShellJob {
  id: number;
  pid: number;
  command: string;
  forwards: PortForward[];
  stream?: JobStream;
}

/**
 * What the simulated commands may ask of the terminal session: the learner's cluster, where the shell is, the
 * files the page gave it, background jobs and port-forwards, and the ingress controller's access log. Commands
 * are pure functions of their context and this host; the session implements it.
 */
export interface ShellHost extends BuiltinHost {
  readonly cluster: Cluster;
  readonly location: ShellLocation;
  /** The namespace of kubectl's current context. */
  readonly contextNamespace: string;
  readFile(path: string): string | undefined;
  /** Names of the files the session holds (exercise editor contents), for completion and `ls`. */
  fileNames(): string[];
  /** Switches the terminal into a shell inside a pod once the current input has run. */
  enterPod(shell: PodShell): void;
  /** Registers port-forwards; in the foreground they hold the terminal until Ctrl-C. */
  startPortForward(forwards: PortForward[], commandText: string, background?: boolean): ShellJob;
  findPortForward(localPort: number): PortForward | undefined;
  /** Starts a streaming process; in the foreground it holds the terminal until Ctrl-C. */
  startStream(stream: JobStream, commandText: string, background?: boolean): ShellJob;
  /** Text a background process writes to the terminal while another command runs (`Handling connection for 8080`). */
  writeTerminal(text: string): void;
  recordAccessLog(namespace: string, pod: string, line: string): void;
  accessLog(namespace: string, pod: string): readonly string[];
  /** A fresh number per connection, so repeated requests spread over endpoints deterministically. */
  nextAttempt(): number;
  /** Runs one command line inside a pod without entering it (`kubectl exec pod -- curl …`). */
  runInPod(shell: PodShell, argv: readonly string[], stdin: string): CommandResult;
  listJobs(): readonly ShellJob[];
  /** Writes a file the shell holds (`sed -i`); false when there is no such file. */
  writeFile(path: string, text: string): boolean;
  /** A fresh temp file name, `prefix` + five characters + `suffix`, deterministic per session. */
  tempFileName(prefix: string, suffix: string): string;
  /** Leaves a temp file behind (kubectl's "A copy of your changes has been stored to …"). */
  keepTempFile(path: string, text: string): void;
  /**
   * Runs an editor command on a temp file holding `text` and returns the file afterwards; `notFound` when the
   * program does not exist here. What the editor prints goes to the terminal.
   */
  runEditor(argv: readonly string[], shell: boolean, path: string, text: string): { ok: true; text: string } | { ok: false; notFound: boolean };
  /** Hands a `kubectl edit` buffer to the page's editor once the input has run; false when there is none. */
  openEditor(state: EditState): boolean;
}
