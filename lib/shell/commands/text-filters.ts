import { fail, ok, type Command, type CommandResult } from "../session/command";

/**
 * The text tools learners pipe kubectl into (`| grep web`, `| head -3`, `| wc -l`, `| sort`), with the GNU
 * coreutils/grep options people actually use. Input is stdin, or named files the session can read.
 */

export interface FileReader {
  readFile(path: string): string | undefined;
}

function lines(text: string): string[] {
  if (text === "") return [];
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

const joinLines = (items: readonly string[]) => items.map((l) => `${l}\n`).join("");

/** Reads each named file (or stdin when none / `-`), reporting missing files as coreutils does. */
function inputs(tool: string, files: readonly string[], stdin: string, reader: FileReader | undefined): { text: string; errors: string } {
  if (files.length === 0) return { text: stdin, errors: "" };
  let text = "";
  let errors = "";
  for (const file of files) {
    if (file === "-") text += stdin;
    else {
      const content = reader?.readFile(file);
      if (content === undefined) errors += `${tool}: ${file}: No such file or directory\n`;
      else text += content;
    }
  }
  return { text, errors };
}

function reader(session: unknown): FileReader | undefined {
  const candidate = session as Partial<FileReader> | undefined;
  return typeof candidate?.readFile === "function" ? (candidate as FileReader) : undefined;
}

export const cat: Command = ({ argv, stdin, session }) => {
  const { text, errors } = inputs("cat", argv.slice(1), stdin, reader(session));
  return { stdout: text, stderr: errors, exitCode: errors ? 1 : 0 };
};

export const echo: Command = ({ argv }) => {
  let args = argv.slice(1);
  let newline = true;
  while (args[0] === "-n" || args[0] === "-e") {
    if (args[0] === "-n") newline = false;
    args = args.slice(1);
  }
  return ok(args.join(" ") + (newline ? "\n" : ""));
};

/** grep with -i -v -c -n -w -o -q -E -F -e (GNU grep; exit 1 when nothing matched, 2 on errors). */
export const grep: Command = ({ argv, stdin, session }) => {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const files: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-e") patterns.push(args[++i] ?? "");
    else if (/^-[ivcnwoqEFhH]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f);
    else if (arg.startsWith("-") && arg.length > 1 && !arg.startsWith("--")) return fail(`grep: invalid option -- '${arg[1]}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, 2);
    else if (patterns.length === 0 && !flags.has("e")) patterns.push(arg);
    else files.push(arg);
  }
  if (patterns.length === 0) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
  let regexes: RegExp[];
  try {
    regexes = patterns.map((p) => buildRegExp(p, flags));
  } catch {
    return fail("grep: Unmatched ( or \\(\n", 2);
  }
  const { text, errors } = inputs("grep", files, stdin, reader(session));
  const matched: string[] = [];
  lines(text).forEach((line, index) => {
    const hit = regexes.some((r) => r.test(line));
    if (hit !== flags.has("v")) {
      if (flags.has("o") && !flags.has("v")) for (const r of regexes) matched.push(...[...line.matchAll(new RegExp(r.source, r.flags + "g"))].map((m) => m[0]));
      else matched.push(flags.has("n") ? `${index + 1}:${line}` : line);
    }
  });
  const status = errors ? 2 : matched.length > 0 ? 0 : 1;
  if (flags.has("q")) return { stdout: "", stderr: errors, exitCode: status };
  const stdout = flags.has("c") ? `${matched.length}\n` : joinLines(matched);
  return { stdout, stderr: errors, exitCode: status };
};

/** Basic regular expressions treat `( ) { } | + ?` as literals unless escaped; -E makes them operators. */
function buildRegExp(pattern: string, flags: ReadonlySet<string>): RegExp {
  let source: string;
  if (flags.has("F")) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  else if (flags.has("E")) source = pattern;
  else source = pattern.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, escaped, plain) => (escaped ? escaped : `\\${plain}`));
  if (flags.has("w")) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  return new RegExp(source, flags.has("i") ? "i" : "");
}

function countOption(tool: string, args: readonly string[]): { count: number; files: string[] } | CommandResult {
  let count = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === "-n" ? args[++i] : arg.startsWith("-n") ? arg.slice(2) : /^-[0-9]+$/.test(arg) ? arg.slice(1) : undefined;
    if (value !== undefined) {
      if (!/^[0-9]+$/.test(value)) return fail(`${tool}: invalid number of lines: '${value}'\n`);
      count = Number(value);
    } else files.push(arg);
  }
  return { count, files };
}

export const head: Command = ({ argv, stdin, session }) => {
  const parsed = countOption("head", argv.slice(1));
  if ("exitCode" in parsed) return parsed;
  const { text, errors } = inputs("head", parsed.files, stdin, reader(session));
  return { stdout: joinLines(lines(text).slice(0, parsed.count)), stderr: errors, exitCode: errors ? 1 : 0 };
};

export const tail: Command = ({ argv, stdin, session }) => {
  const parsed = countOption("tail", argv.slice(1));
  if ("exitCode" in parsed) return parsed;
  const { text, errors } = inputs("tail", parsed.files, stdin, reader(session));
  const all = lines(text);
  return { stdout: joinLines(parsed.count === 0 ? [] : all.slice(-parsed.count)), stderr: errors, exitCode: errors ? 1 : 0 };
};

/** wc: with no option prints lines, words and bytes; with one input from stdin, without a file name. */
export const wc: Command = ({ argv, stdin, session }) => {
  const options = argv.slice(1).filter((a) => a.startsWith("-"));
  const files = argv.slice(1).filter((a) => !a.startsWith("-"));
  const { text, errors } = inputs("wc", files, stdin, reader(session));
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: utf8Length(text),
  };
  const wanted = options.length === 0 ? ["l", "w", "c"] : [...options.join("").replace(/-/g, "")].filter((o) => o in counts);
  const values = wanted.map((o) => counts[o as keyof typeof counts]);
  const suffix = files.length > 0 ? ` ${files.join(" ")}` : "";
  const line = values.length === 1 ? String(values[0]) : values.map((v) => String(v).padStart(7)).join(" ");
  return { stdout: `${line}${suffix}\n`, stderr: errors, exitCode: errors ? 1 : 0 };
};

export const sort: Command = ({ argv, stdin, session }) => {
  const options = new Set(argv.slice(1).filter((a) => a.startsWith("-")).flatMap((a) => [...a.slice(1)]));
  const files = argv.slice(1).filter((a) => !a.startsWith("-"));
  const { text, errors } = inputs("sort", files, stdin, reader(session));
  let result = lines(text).sort((a, b) => (options.has("n") ? parseFloat(a) - parseFloat(b) || compare(a, b) : compare(a, b)));
  if (options.has("r")) result.reverse();
  if (options.has("u")) result = result.filter((l, i) => i === 0 || l !== result[i - 1]);
  return { stdout: joinLines(result), stderr: errors, exitCode: errors ? 2 : 0 };
};

export const uniq: Command = ({ argv, stdin }) => {
  const count = argv.includes("-c");
  const out: string[] = [];
  let previous: string | undefined;
  let run = 0;
  const flush = () => {
    if (previous !== undefined) out.push(count ? `${String(run).padStart(7)} ${previous}` : previous);
  };
  for (const line of lines(stdin)) {
    if (line === previous) run++;
    else {
      flush();
      previous = line;
      run = 1;
    }
  }
  flush();
  return ok(joinLines(out));
};

/** Bytes in UTF-8, as wc -c counts them. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const TEXT_FILTERS: Readonly<Record<string, Command>> = { cat, echo, grep, head, tail, wc, sort, uniq };
