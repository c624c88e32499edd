import type { Script, SimpleCommand } from "../grammar/ast";
import { expandHereDoc, expandWord } from "../grammar/expand-word";
import { parseScript } from "../grammar/parse-script";
import type { Command, CommandResult } from "./command";

/** Where a finished command's output went, in the order a terminal would show it. */
export interface OutputChunk {
  stream: "stdout" | "stderr";
  text: string;
}

export interface ScriptRun {
  output: OutputChunk[];
  exitCode: number;
}

export interface ScriptEnvironment<S> {
  env: Record<string, string>;
  session: S;
  /** Finds a command by name; undefined means "command not found". */
  lookup(name: string): Command<S> | undefined;
  /** How a missing command is reported: bash says `bash: x: command not found`, busybox sh `sh: x: not found`. */
  notFound(name: string): string;
  /** Files a redirection may write to; only /dev/null exists in the simulated shell. */
  writeFile?(path: string, text: string, append: boolean): string | undefined;
  /** Text background jobs wrote to the terminal while the last command ran, shown before that command's output. */
  takeTerminalOutput?(): string;
  /**
   * Text streaming jobs (a `kubectl get -w &`, a `kubectl logs -f &`) write about what a pipeline just changed:
   * it follows that pipeline's output, as a background process's lines interleave with the foreground's in bash.
   */
  takeJobOutput?(): string;
}

/**
 * Runs a parsed script the way sh does: lists in order, `&&`/`||` by exit status, pipelines feeding each
 * stage's stdout to the next stage's stdin (stderr goes to the terminal), `$?` updated after every pipeline.
 * Commands run to completion one after another, which is observably the same for the simulated tools.
 */
export function runScript<S>(script: Script, environment: ScriptEnvironment<S>): ScriptRun {
  const output: OutputChunk[] = [];
  let status = Number(environment.env["?"] ?? 0);
  for (const list of script.lists) {
    status = runPipeline(list.first.commands, environment, output, list.background === true);
    for (const { op, pipeline } of list.rest) {
      if ((op === "&&" && status !== 0) || (op === "||" && status === 0)) continue;
      status = runPipeline(pipeline.commands, environment, output, list.background === true);
    }
  }
  return { output, exitCode: status };
}

function runPipeline<S>(commands: readonly SimpleCommand[], environment: ScriptEnvironment<S>, output: OutputChunk[], background: boolean): number {
  let stdin = "";
  let status = 0;
  commands.forEach((command, index) => {
    const last = index === commands.length - 1;
    const result = runSimpleCommand(command, stdin, !last, environment, background, output);
    const routed = route(command, result, environment);
    const side = environment.takeTerminalOutput?.();
    if (side) output.push({ stream: "stdout", text: side });
    if (routed.stderr) output.push({ stream: "stderr", text: routed.stderr });
    if (last && routed.stdout) output.push({ stream: "stdout", text: routed.stdout });
    stdin = routed.stdout;
    status = result.exitCode;
  });
  environment.env["?"] = String(status);
  const jobOutput = environment.takeJobOutput?.();
  if (jobOutput) output.push({ stream: "stdout", text: jobOutput });
  return status;
}

/**
 * Command substitution runs the script in the same session with its stdout captured; what it writes to stderr
 * still reaches the terminal, and `$?` keeps its status (§2.6.3).
 */
function substitution<S>(environment: ScriptEnvironment<S>, stderr: OutputChunk[]): (script: string) => string {
  return (text) => {
    const parsed = parseScript(text);
    if (parsed.status !== "ok") return "";
    // The substitution is part of the command that contains it: jobs report after that command, to the terminal.
    const run = runScript(parsed.script, { ...environment, takeJobOutput: undefined });
    stderr.push(...run.output.filter((c) => c.stream === "stderr"));
    return run.output.filter((c) => c.stream === "stdout").map((c) => c.text).join("");
  };
}

function runSimpleCommand<S>(command: SimpleCommand, stdin: string, piped: boolean, environment: ScriptEnvironment<S>, background: boolean, output: OutputChunk[]): CommandResult {
  const env = environment.env;
  const substitute = substitution(environment, output);
  const argv = command.words.flatMap((w) => expandWord(w, env, substitute));
  const assigned = Object.fromEntries(command.assignments.map((a) => [a.name, expandWord(a.value, env, substitute).join(" ")]));
  if (argv.length === 0) {
    Object.assign(env, assigned);
    return { stdout: "", stderr: "", exitCode: 0 };
  }
  const input = command.hereDoc ? (command.hereDoc.expand ? expandHereDoc(command.hereDoc.body, env) : command.hereDoc.body) : stdin;
  const handler = environment.lookup(argv[0]);
  if (!handler) return { stdout: "", stderr: `${environment.notFound(argv[0])}\n`, exitCode: 127 };
  const redirectsStdout = command.redirects.some((r) => r.fd === 1 && r.op !== "<");
  try {
    return handler({
      argv,
      stdin: input,
      env: { ...env, ...assigned },
      stdoutIsTerminal: !piped && !redirectsStdout,
      background,
      session: environment.session,
    });
  } catch (error) {
    // A command must never take the terminal down; report it as the shell would report a crashed program.
    return { stdout: "", stderr: `${argv[0]}: internal error: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 70 };
  }
}

type Sink = "stdout" | "stderr" | "null" | { file: string; append: boolean };

/**
 * Applies redirections left to right as dup2 would (§2.7): `> /dev/null 2>&1` silences both streams, while
 * `2>&1 > /dev/null` sends stderr to where stdout pointed before. Only /dev/null and session files exist.
 */
function route<S>(command: SimpleCommand, result: CommandResult, environment: ScriptEnvironment<S>): { stdout: string; stderr: string } {
  const sinks: Record<number, Sink> = { 1: "stdout", 2: "stderr" };
  for (const redirect of command.redirects) {
    if (redirect.op === "<") continue;
    const target = expandWord(redirect.target, environment.env).join(" ");
    if (redirect.op === ">&") sinks[redirect.fd] = sinks[Number(target)] ?? sinks[redirect.fd];
    else sinks[redirect.fd] = target === "/dev/null" ? "null" : { file: target, append: redirect.op === ">>" };
  }
  const routed = { stdout: "", stderr: "" };
  for (const [fd, text] of [[1, result.stdout], [2, result.stderr]] as const) {
    const sink = sinks[fd];
    if (sink === "stdout" || sink === "stderr") routed[sink] += text;
    else if (sink !== "null") {
      const problem = environment.writeFile
        ? environment.writeFile(sink.file, text, sink.append)
        : `${sink.file}: Read-only file system`;
      if (problem) routed.stderr += `bash: ${problem}\n`;
    }
  }
  return routed;
}
