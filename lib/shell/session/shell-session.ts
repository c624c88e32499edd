import type { Cluster } from "@/lib/sim/store/cluster";
import type { PendingEdit, SessionLogEntry, ShellOutput, ShellSessionOptions } from "./shell-output";
import { parseScript } from "../grammar/parse-script";
import { completeLine } from "../completion/complete-line";
import type { CompletionResult } from "../terminal/line-editor";
import { buildPodEnvironment } from "../tools/build-pod-environment";
import { readPodFile } from "../tools/read-pod-file";
import type { Command, CommandResult } from "./command";
import { JobTable } from "./job-table";
import { buildCommandTable } from "./build-command-table";
import { runScript, type OutputChunk } from "./run-script";
import type { JobStream, PodShell, PortForward, ShellHost, ShellJob, ShellLocation } from "./shell-host";
import { formatLeavePod, formatPrompt } from "./format-prompt";
import { submitEdit, type EditState } from "../kubectl/edit-loop";
import { editTempFile } from "../kubectl/edit";
import { formatResourcePrefix } from "../kubectl/resource-types";
import { formatTempName } from "./format-temp-name";

export type { PendingEdit, SessionLogEntry, ShellOutput, ShellSessionOptions } from "./shell-output";

const WORKSTATION_ENV: Readonly<Record<string, string>> = {
  HOME: "/home/learner",
  USER: "learner",
  SHELL: "/bin/bash",
  PATH: "/usr/local/bin:/usr/bin:/bin",
  PWD: "/home/learner",
};

/**
 * The simulated terminal: a shell on the learner's workstation with kubectl, which can move into shells inside
 * pods, run background port-forwards and keep history. Every answer comes from the session's Cluster; the same
 * inputs always give the same outputs, so a session is saved as its input log and restored by replaying it.
 */
export class ShellSession implements ShellHost {
  readonly cluster: Cluster;
  readonly contextNamespace = "default";
  private currentLocation: ShellLocation = { kind: "workstation" };
  private readonly workstationEnv: Record<string, string>;
  private podEnv: Record<string, string> = {};
  private readonly files = new Map<string, string>();
  /** Files under /tmp that kubectl edit writes; kept apart so `ls` of the home directory does not list them. */
  private readonly tempFiles = new Map<string, string>();
  private tempFilesMade = 0;
  private editing: EditState | undefined;
  private readonly visualEditor: boolean;
  private readonly historyEntries: string[] = [];
  private readonly log: SessionLogEntry[] = [];
  private readonly jobs = new JobTable();
  private readonly accessLogs = new Map<string, string[]>();
  private pendingPod: PodShell | undefined;
  private exitRequest: number | undefined;
  private clearRequested = false;
  private terminalOutput = "";
  /** bash's notices of background jobs that finished, printed before the next prompt (`[1]+  Done …`). */
  private jobNotices = "";
  private attempts = 0;
  private readonly interval: number;
  /** What the session started from (files, env, interval), kept for serializeSession. */
  readonly initial: Readonly<Pick<ShellSessionOptions, "files" | "env" | "commandIntervalMs" | "visualEditor">>;

  constructor(options: ShellSessionOptions) {
    this.initial = { files: { ...(options.files ?? {}) }, env: { ...(options.env ?? {}) }, commandIntervalMs: options.commandIntervalMs, visualEditor: options.visualEditor };
    this.visualEditor = options.visualEditor ?? true;
    this.cluster = options.cluster;
    this.workstationEnv = { ...WORKSTATION_ENV, ...(options.env ?? {}), "?": "0" };
    for (const [name, text] of Object.entries(options.files ?? {})) this.files.set(name, text);
    this.interval = options.commandIntervalMs ?? 5000;
  }

  get location(): ShellLocation {
    return this.currentLocation;
  }

  get env(): Record<string, string> {
    return this.currentLocation.kind === "workstation" ? this.workstationEnv : this.podEnv;
  }

  prompt(): string {
    if (this.jobs.foreground || this.editing) return "";
    return formatPrompt(this.currentLocation, this.cluster);
  }

  /** Whether a foreground process (a port-forward, kubectl edit's editor) holds the terminal. */
  isBusy(): boolean {
    return this.jobs.foreground !== undefined || this.editing !== undefined;
  }

  /** The buffer kubectl edit is waiting on, if any (a restored session can be mid-edit). */
  pendingEdit(): PendingEdit | undefined {
    const state = this.editing;
    if (!state) return undefined;
    return { title: `${formatResourcePrefix(state.target.kind)}/${state.target.name}`, file: state.file, format: state.target.format, text: state.buffer };
  }

  /**
   * The page's editor closed on a pending `kubectl edit`: `text` is what it saved, null when it was closed
   * without saving (the file stays as kubectl wrote it). kubectl then finishes, or reopens the editor with the
   * reasons the change was refused, in which case the output carries the new buffer.
   */
  finishEdit(text: string | null): ShellOutput {
    const quiet = { text: "", exitCode: Number(this.workstationEnv["?"] ?? 0), needsMoreInput: false, clearScreen: false, ended: false };
    const state = this.editing;
    if (!state) return quiet;
    this.log.push({ type: "edit", text });
    return this.submitEditRound(state, text ?? state.buffer);
  }

  /** Gives the terminal a file, as the exercise editor does when its contents change. */
  setFile(name: string, text: string): void {
    this.files.set(name, text);
    this.log.push({ type: "file", name, text });
  }

  execute(input: string): ShellOutput {
    const quiet = { text: "", exitCode: Number(this.env["?"] ?? 0), needsMoreInput: false, clearScreen: false, ended: false };
    if (this.isBusy()) return quiet;
    const parsed = parseScript(input);
    if (parsed.status === "incomplete") return { ...quiet, needsMoreInput: true };
    if (input.trim().length > 0) this.historyEntries.push(input.replace(/\n$/, ""));
    this.log.push({ type: "execute", input });
    if (parsed.status === "error") {
      this.env["?"] = "2";
      return { ...quiet, text: `${this.shellName()}: ${parsed.message}\n`, exitCode: 2 };
    }
    this.cluster.advance(this.interval);
    const run = runScript(parsed.script, {
      env: this.env,
      session: this as ShellHost,
      lookup: (name) => this.lookup(name),
      notFound: (name) => (this.shellName() === "bash" ? `bash: ${name}: command not found` : `sh: ${name}: not found`),
      takeTerminalOutput: () => this.takeTerminalOutput(),
      takeJobOutput: () => this.takeJobOutput(),
    });
    let text = joinOutput(run.output) + this.takeTerminalOutput() + this.takeJobNotices();
    let ended = false;
    if (this.exitRequest !== undefined) {
      const code = this.exitRequest;
      this.exitRequest = undefined;
      if (this.currentLocation.kind === "pod") text += this.leavePod(code);
      else ended = true;
    }
    if (this.pendingPod) {
      this.enterPodNow(this.pendingPod);
      this.pendingPod = undefined;
    }
    const clearScreen = this.clearRequested;
    this.clearRequested = false;
    const edit = this.pendingEdit();
    return { text, exitCode: run.exitCode, needsMoreInput: false, clearScreen, ended, ...(edit ? { edit } : {}) };
  }

  /**
   * Ctrl-C: stops the foreground port-forward, or closes kubectl edit's editor without saving; at a prompt it
   * only abandons the line (the LineEditor's job).
   */
  interrupt(): ShellOutput {
    this.log.push({ type: "interrupt" });
    if (this.editing) return this.submitEditRound(this.editing, this.editing.buffer);
    if (!this.jobs.interruptForeground()) return { text: "", exitCode: 130, needsMoreInput: false, clearScreen: false, ended: false };
    this.workstationEnv["?"] = "130";
    return { text: "^C\n", exitCode: 130, needsMoreInput: false, clearScreen: false, ended: false };
  }

  complete(line: string, cursor: number): CompletionResult {
    return completeLine(this, line, cursor);
  }

  /** The replayable log (for serializeSession). */
  entries(): readonly SessionLogEntry[] {
    return this.log;
  }

  historyLines(): readonly string[] {
    return this.historyEntries;
  }

  requestExit(code: number): void {
    this.exitRequest = code;
  }

  requestClear(): void {
    this.clearRequested = true;
  }

  commandNames(): string[] {
    return Object.keys(this.commandTable());
  }

  readFile(path: string): string | undefined {
    if (this.currentLocation.kind === "pod") {
      const pod = this.cluster.get("Pod", this.currentLocation.pod, this.currentLocation.namespace);
      return pod ? readPodFile(this.cluster, pod, path) : undefined;
    }
    return this.files.get(path) ?? this.files.get(path.replace(/^\.\//, "")) ?? this.files.get(path.replace(/^~\//, "")) ?? this.tempFiles.get(path);
  }

  fileNames(): string[] {
    return [...this.files.keys()].sort();
  }

  enterPod(shell: PodShell): void {
    this.pendingPod = shell;
  }

  startPortForward(forwards: PortForward[], commandText: string, background = false): ShellJob {
    return this.jobs.start(forwards, commandText, background);
  }

  findPortForward(localPort: number): PortForward | undefined {
    return this.jobs.findPortForward(localPort);
  }

  startStream(stream: JobStream, commandText: string, background = false): ShellJob {
    return this.jobs.start([], commandText, background, stream);
  }

  writeTerminal(text: string): void {
    this.terminalOutput += text;
  }

  recordAccessLog(namespace: string, pod: string, line: string): void {
    const key = `${namespace}/${pod}`;
    const lines = this.accessLogs.get(key) ?? [];
    lines.push(line);
    this.accessLogs.set(key, lines);
  }

  accessLog(namespace: string, pod: string): readonly string[] {
    return this.accessLogs.get(`${namespace}/${pod}`) ?? [];
  }

  nextAttempt(): number {
    return this.attempts++;
  }

  runInPod(shell: PodShell, argv: readonly string[], stdin: string): CommandResult {
    const saved = { location: this.currentLocation, env: this.podEnv };
    this.currentLocation = { kind: "pod", ...shell };
    const pod = this.cluster.get("Pod", shell.pod, shell.namespace);
    this.podEnv = pod ? { ...buildPodEnvironment(this.cluster, pod, shell.container), "?": "0" } : { "?": "0" };
    try {
      const program = argv[0] ?? "";
      const isShell = /^(\/bin\/)?(sh|bash|ash|zsh)$/.test(program);
      if (isShell && argv[1] === "-c") return this.runScriptText(argv[2] ?? "");
      const handler = this.lookup(program.replace(/^\/(usr\/)?(s?bin)\//, ""));
      if (!handler) {
        // containerd's answer to an exec of a program the image does not have; kubectl then reports exit code 126.
        return { stdout: "", stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`, exitCode: 126 };
      }
      return handler({ argv, stdin, env: this.podEnv, stdoutIsTerminal: true, session: this as ShellHost });
    } finally {
      this.currentLocation = saved.location;
      this.podEnv = saved.env;
    }
  }

  listJobs(): readonly ShellJob[] {
    return this.jobs.list();
  }

  writeFile(path: string, text: string): boolean {
    if (this.currentLocation.kind === "pod") return false;
    if (this.tempFiles.has(path)) this.tempFiles.set(path, text);
    else {
      const name = [path, path.replace(/^\.\//, ""), path.replace(/^~\//, "")].find((candidate) => this.files.has(candidate));
      if (name === undefined) return false;
      this.files.set(name, text);
    }
    return true;
  }

  tempFileName(prefix: string, suffix: string): string {
    return `${prefix}${formatTempName(this.tempFilesMade++)}${suffix}`;
  }

  keepTempFile(path: string, text: string): void {
    this.tempFiles.set(path, text);
  }

  runEditor(argv: readonly string[], shell: boolean, path: string, text: string): { ok: true; text: string } | { ok: false; notFound: boolean } {
    this.tempFiles.set(path, text);
    try {
      let result: CommandResult;
      if (shell) {
        // Editor.Launch runs `$SHELL -c '<editor> "<file>"'`: the simulated shell is the only shell here.
        if (!/^(\/(usr\/)?bin\/)?(bash|sh|zsh|dash)$/.test(argv[0] ?? "")) return { ok: false, notFound: true };
        const parsed = parseScript(argv[2] ?? "");
        if (parsed.status !== "ok") {
          this.writeTerminal(`${argv[0]?.replace(/^.*\//, "")}: -c: ${parsed.status === "error" ? parsed.message : "syntax error: unexpected end of file"}\n`);
          return { ok: false, notFound: false };
        }
        const env = { ...this.workstationEnv };
        const run = runScript(parsed.script, { env, session: this as ShellHost, lookup: (name) => this.lookup(name), notFound: (name) => `bash: ${name}: command not found` });
        result = { stdout: "", stderr: "", exitCode: run.exitCode };
        this.writeTerminal(joinOutput(run.output));
      } else {
        const handler = this.lookup((argv[0] ?? "").replace(/^\/(usr\/)?(s?bin)\//, ""));
        if (!handler) return { ok: false, notFound: true };
        result = handler({ argv, stdin: "", env: this.workstationEnv, stdoutIsTerminal: true, session: this as ShellHost });
        this.writeTerminal(result.stdout + result.stderr);
      }
      if (result.exitCode !== 0) return { ok: false, notFound: false };
      return { ok: true, text: this.tempFiles.get(path) ?? "" };
    } finally {
      this.tempFiles.delete(path);
    }
  }

  openEditor(state: EditState): boolean {
    if (!this.visualEditor) return false;
    this.editing = state;
    return true;
  }

  /** `kill %N`: ends a background job. */
  stopJob(id: number): ShellJob | undefined {
    return this.jobs.stop(id);
  }

  /** `fg %N`: the job takes the terminal back. */
  foregroundJob(id: number): ShellJob | undefined {
    return this.jobs.bringToForeground(id);
  }

  private runScriptText(text: string): CommandResult {
    const parsed = parseScript(text);
    if (parsed.status !== "ok") return { stdout: "", stderr: `sh: ${parsed.status === "error" ? parsed.message : "syntax error: unexpected end of file"}\n`, exitCode: 2 };
    const run = runScript(parsed.script, { env: this.podEnv, session: this as ShellHost, lookup: (name) => this.lookup(name), notFound: (name) => `sh: ${name}: not found` });
    return {
      stdout: run.output.filter((c) => c.stream === "stdout").map((c) => c.text).join(""),
      stderr: run.output.filter((c) => c.stream === "stderr").map((c) => c.text).join(""),
      exitCode: run.exitCode,
    };
  }

  /** One round of the page's editor: kubectl finishes (the prompt comes back) or reopens the editor. */
  private submitEditRound(state: EditState, edited: string): ShellOutput {
    const step = submitEdit(this.cluster, state, edited, editTempFile(this, state.target.format));
    if (step.status === "reopen") {
      this.editing = step.state;
      return { text: step.stderr, exitCode: 0, needsMoreInput: false, clearScreen: false, ended: false, edit: this.pendingEdit() };
    }
    this.editing = undefined;
    if (step.keepFile) this.keepTempFile(step.keepFile.path, step.keepFile.text);
    this.workstationEnv["?"] = String(step.result.exitCode);
    return { text: step.result.stderr + step.result.stdout, exitCode: step.result.exitCode, needsMoreInput: false, clearScreen: false, ended: false };
  }

  /**
   * Every streaming job looks at the cluster and the session as the last pipeline left them and writes what it
   * saw change. A job whose stream ended exits: bash reports a background one as Done before the next prompt
   * (bash jobs.c notify_of_job_status), and a foreground one gives the terminal back.
   */
  private takeJobOutput(): string {
    let text = "";
    for (const job of [...this.jobs.list()]) {
      if (!job.stream) continue;
      const written = job.stream.poll();
      text += written.text;
      if (!written.ended) continue;
      const list = this.jobs.list();
      const position = list.length - 1 - list.indexOf(job);
      const background = this.jobs.foreground !== job;
      this.jobs.stop(job.id);
      if (background) this.jobNotices += `[${job.id}]${position === 0 ? "+" : position === 1 ? "-" : " "}  ${"Done".padEnd(24)}${job.command}\n`;
    }
    return text;
  }

  private takeJobNotices(): string {
    const text = this.jobNotices;
    this.jobNotices = "";
    return text;
  }

  private takeTerminalOutput(): string {
    const text = this.terminalOutput;
    this.terminalOutput = "";
    return text;
  }

  private shellName(): string {
    return this.currentLocation.kind === "pod" ? this.currentLocation.shell : "bash";
  }

  private commandTable(): Readonly<Record<string, Command<ShellHost>>> {
    return buildCommandTable(this.currentLocation, this.cluster);
  }

  private lookup(name: string): Command<ShellHost> | undefined {
    const table = this.commandTable();
    // Own entries only: `toString` or `__proto__` typed as a command is "command not found", not Object.prototype.
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  }

  private enterPodNow(shell: PodShell): void {
    const pod = this.cluster.get("Pod", shell.pod, shell.namespace);
    if (!pod) return;
    this.currentLocation = { kind: "pod", ...shell };
    this.podEnv = { ...buildPodEnvironment(this.cluster, pod, shell.container), "?": "0" };
  }

  /** Leaving a pod shell: what kubectl prints after it (attach hint, `pod "x" deleted`, a non-zero exit). */
  private leavePod(code: number): string {
    const location = this.currentLocation as { kind: "pod" } & PodShell;
    this.currentLocation = { kind: "workstation" };
    this.podEnv = {};
    const text = formatLeavePod(this.cluster, location, code);
    this.workstationEnv["?"] = String(code);
    return text;
  }
}

function joinOutput(chunks: readonly OutputChunk[]): string {
  return chunks.map((c) => c.text).join("");
}
