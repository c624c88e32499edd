import { readFileSync } from "node:fs";
import { getExercise } from "@/lib/content/get-exercise";
import { buildScenarioCluster } from "@/lib/grader/build-exercise-cluster";
import { Cluster } from "@/lib/sim/store/cluster";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { runTranscript } from "@/lib/shell/session/run-transcript";
import { LineEditor } from "@/lib/shell/terminal/line-editor";

/**
 * The headless simulated terminal (contract 2 of the design): `npm run shell`, `npm run shell -- --scenario ID`
 * (an exercise's scenario), `npm run shell -- --manifests FILE.yaml`. Commands piped on stdin run one line at a
 * time and the terminal's text goes to stdout; on a TTY the line editor gives history, Ctrl-C and Tab completion.
 */
const USAGE = "usage: npm run shell -- [--scenario EXERCISE_ID] [--manifests FILE.yaml]... [--no-echo]";

interface Options {
  scenario?: string;
  manifests: string[];
  echo: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { manifests: [], echo: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (arg === "--scenario" || arg.startsWith("--scenario=")) options.scenario = arg.includes("=") ? arg.split("=")[1] : argv[++i];
    else if (arg === "--manifests" || arg.startsWith("--manifests=")) options.manifests.push(arg.includes("=") ? arg.split("=")[1] : argv[++i]);
    else if (arg === "--no-echo") options.echo = false;
    else if (arg === "--help" || arg === "-h") return USAGE;
    else return `shell: unknown argument ${arg}\n${USAGE}`;
  }
  if (options.scenario === undefined && argv.includes("--scenario")) return `shell: --scenario needs an exercise id\n${USAGE}`;
  return options;
}

function buildSession(options: Options): ShellSession | string {
  const files: Record<string, string> = {};
  let cluster: Cluster;
  if (options.scenario) {
    const exercise = getExercise(options.scenario);
    if (!exercise) return `shell: no exercise with id "${options.scenario}"`;
    cluster = buildScenarioCluster(exercise.scenario, exercise.id);
    files["exercise.yaml"] = exercise.starter;
  } else cluster = Cluster.create({ addons: ["coredns", "ingress-nginx"] });
  for (const path of options.manifests) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return `shell: cannot read ${path}`;
    }
    const applied = cluster.applyText(text, { file: path });
    const problems = [...applied.errors.map((e) => e.message), ...applied.documents.flatMap((d) => (d.result.ok ? [] : [d.result.error.message]))];
    if (problems.length > 0) return `shell: ${path} does not apply:\n${problems.join("\n")}`;
    files[path] = text;
    files[path.split("/").pop() ?? path] = text;
  }
  // No page editor here: kubectl edit runs $KUBE_EDITOR or $EDITOR when the simulated shell can (sed -i …).
  return new ShellSession({ cluster, files, visualEditor: false });
}

function runInteractive(session: ShellSession): void {
  const editor = new LineEditor(undefined, (line, cursor) => session.complete(line, cursor), process.stdout.columns || 80);
  process.stdout.on("resize", () => editor.resize(process.stdout.columns || 80));
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  let pending: string | undefined;
  // Node's raw mode keeps the terminal's output processing (ONLCR), so `\n` already starts a new line.
  const write = (text: string) => process.stdout.write(text);
  process.stdout.write(editor.start(session.prompt()));
  stdin.on("data", (data: string) => {
    if (session.isBusy()) {
      if (data.includes("\x03")) {
        write(session.interrupt().text);
        process.stdout.write(editor.start(session.prompt()));
      }
      return;
    }
    let rest = data;
    while (rest.length > 0) {
      const fed = editor.feed(rest);
      rest = fed.rest;
      for (const event of fed.events) {
        if (event.type === "output") process.stdout.write(event.text);
        else if (event.type === "eof") process.exit(0);
        else if (event.type === "interrupt") pending = undefined;
        else if (event.type === "submit") {
          const input = pending === undefined ? event.line : `${pending}\n${event.line}`;
          const output = session.execute(input);
          if (output.needsMoreInput) {
            pending = input;
            process.stdout.write(editor.start("> "));
            continue;
          }
          pending = undefined;
          if (output.clearScreen) process.stdout.write("\x1b[H\x1b[2J");
          write(output.text);
          if (output.ended) process.exit(output.exitCode);
        }
        if (event.type !== "output" && !session.isBusy()) process.stdout.write(editor.start(session.prompt()));
      }
    }
  });
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === "string") {
    console.error(options);
    process.exit(options === USAGE ? 0 : 2);
  }
  const session = buildSession(options);
  if (typeof session === "string") {
    console.error(session);
    process.exit(1);
  }
  if (process.stdin.isTTY) {
    runInteractive(session);
    return;
  }
  const input = readFileSync(0, "utf8");
  const transcript = runTranscript(session, input, { echo: options.echo });
  process.stdout.write(transcript.text);
  process.exitCode = transcript.exitCode;
}

main();
