import { fail, type Command, type CommandResult } from "../session/command";

/**
 * GNU sed's substitute command, the part of sed people use on manifests and as $KUBE_EDITOR:
 * `sed [-n] [-E|-r] [-i[SUFFIX]] [-e SCRIPT]... [SCRIPT] [FILE]...` where the script is `s/RE/REPLACEMENT/FLAGS`
 * commands separated by `;` or newlines, with flags g, p, i/I and a number (GNU sed manual, "The s Command").
 * Regular expressions are POSIX basic ones unless -E; `&` and `\1`…`\9` in the replacement are the match and its
 * groups. Other sed commands are reported as GNU sed reports an unknown command.
 */

interface Substitution {
  regex: RegExp;
  replacement: string;
  global: boolean;
  occurrence: number;
  print: boolean;
}

interface FileAccess {
  readFile(path: string): string | undefined;
  writeFile?(path: string, text: string): boolean;
}

/** The one-letter commands of GNU sed 4.9 (sed/compile.c), besides s. */
const GNU_COMMANDS = "{}=:#aAbcdDeFgGhHiIlLnNpPqQrRtTvwWxXyzZ";

const USAGE = "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n";

/** BRE to JavaScript: `\( \) \{ \} \+ \? \|` are the operators and their bare forms are literals (GNU extensions included). */
function translateBasic(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\" && i + 1 < pattern.length) {
      const next = pattern[++i];
      if ("(){}+?|".includes(next)) out += next;
      else if (next === "n") out += "\\n";
      else if (next === "t") out += "\\t";
      else out += `\\${next}`;
    } else if ("(){}+?|".includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** Reads one s command starting at `start` (the `s`); returns it and where the next command begins. */
function parseSubstitution(script: string, start: number, extended: boolean, expression: number): { command: Substitution; end: number } | { error: string } {
  const delimiter = script[start + 1];
  const unterminated = { error: `sed: -e expression #${expression}, char ${script.length}: unterminated \`s' command\n` };
  if (delimiter === undefined || delimiter === "\n" || delimiter === "\\") return unterminated;
  const parts: string[] = [];
  let index = start + 2;
  let current = "";
  while (parts.length < 2) {
    if (index >= script.length) return unterminated;
    const ch = script[index];
    if (ch === "\\" && index + 1 < script.length) {
      const next = script[index + 1];
      // An escaped delimiter stands for itself; other escapes are kept for the regex or replacement reader.
      current += next === delimiter ? next : `\\${next}`;
      index += 2;
      continue;
    }
    if (ch === delimiter) {
      parts.push(current);
      current = "";
    } else current += ch;
    index++;
  }
  let global = false;
  let print = false;
  let ignoreCase = false;
  let occurrence = 1;
  while (index < script.length && !/[;\n}]/.test(script[index])) {
    const ch = script[index];
    if (ch === "g") global = true;
    else if (ch === "p") print = true;
    else if (ch === "i" || ch === "I") ignoreCase = true;
    else if (/[0-9]/.test(ch)) {
      const digits = /^[0-9]+/.exec(script.slice(index))?.[0] ?? ch;
      occurrence = Number(digits);
      index += digits.length;
      if (occurrence === 0) return { error: `sed: -e expression #${expression}, char ${index}: number option to \`s' command may not be zero\n` };
      continue;
    } else if (ch === " " || ch === "\t") {
      index++;
      continue;
    } else return { error: `sed: -e expression #${expression}, char ${index + 1}: unknown option to \`s'\n` };
    index++;
  }
  const source = extended ? parts[0] : translateBasic(parts[0]);
  let regex: RegExp;
  try {
    regex = new RegExp(source, `g${ignoreCase ? "i" : ""}`);
  } catch {
    return { error: `sed: -e expression #${expression}, char ${index}: Invalid preceding regular expression\n` };
  }
  return { command: { regex, replacement: parts[1], global, occurrence, print }, end: index };
}

function parseScript(script: string, extended: boolean, expression: number): Substitution[] | { error: string } {
  const commands: Substitution[] = [];
  let index = 0;
  while (index < script.length) {
    const ch = script[index];
    if (ch === ";" || ch === "\n" || ch === " " || ch === "\t") {
      index++;
      continue;
    }
    if (ch !== "s") {
      // A command or address GNU sed has but this subset lacks is said so plainly rather than called unknown.
      if (GNU_COMMANDS.includes(ch) || /[0-9/$\\]/.test(ch)) return { error: `sed: -e expression #${expression}, char ${index + 1}: only the s command is available in this terminal's sed\n` };
      return { error: `sed: -e expression #${expression}, char ${index + 1}: unknown command: \`${ch}'\n` };
    }
    const parsed = parseSubstitution(script, index, extended, expression);
    if ("error" in parsed) return parsed;
    commands.push(parsed.command);
    index = parsed.end;
  }
  return commands;
}

/** The replacement text for one match: `&` the whole match, `\N` group N, `\n` a newline, `\&` a literal `&`. */
function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === "\\" && i + 1 < replacement.length) {
      const next = replacement[++i];
      if (/[0-9]/.test(next)) out += match[Number(next)] ?? "";
      else if (next === "n") out += "\n";
      else if (next === "t") out += "\t";
      else out += next;
    } else if (ch === "&") out += match[0];
    else out += ch;
  }
  return out;
}

function substitute(line: string, command: Substitution): { line: string; replaced: boolean } {
  const regex = new RegExp(command.regex.source, command.regex.flags);
  let out = "";
  let last = 0;
  let count = 0;
  let replaced = false;
  for (let match = regex.exec(line); match; match = regex.exec(line)) {
    count++;
    if (count >= command.occurrence && (command.global || count === command.occurrence)) {
      out += line.slice(last, match.index) + expandReplacement(command.replacement, match);
      last = match.index + match[0].length;
      replaced = true;
      if (!command.global) break;
    }
    if (match[0].length === 0) regex.lastIndex++;
  }
  return { line: out + line.slice(last), replaced };
}

/** Runs the commands over every line of `text`, as sed's cycle does; `quiet` is -n. */
function runCommands(text: string, commands: readonly Substitution[], quiet: boolean): string {
  if (text === "") return "";
  const endsWithNewline = text.endsWith("\n");
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split("\n");
  let out = "";
  lines.forEach((original, index) => {
    let line = original;
    const newline = index < lines.length - 1 || endsWithNewline ? "\n" : "";
    for (const command of commands) {
      const result = substitute(line, command);
      line = result.line;
      if (result.replaced && command.print) out += `${line}\n`;
    }
    if (!quiet) out += line + newline;
  });
  return out;
}

export const sed: Command = ({ argv, stdin, session }) => {
  const args = argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let inPlace = false;
  let quiet = false;
  let extended = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-e" || arg === "--expression") {
      if (i + 1 >= args.length) return fail(`sed: option requires an argument -- 'e'\n${USAGE}`, 1);
      scripts.push(args[++i]);
    } else if (arg.startsWith("--expression=")) scripts.push(arg.slice("--expression=".length));
    else if (arg === "-i" || arg.startsWith("-i") || arg === "--in-place" || arg.startsWith("--in-place=")) inPlace = true;
    else if (arg === "-n" || arg === "--quiet" || arg === "--silent") quiet = true;
    else if (arg === "-E" || arg === "-r" || arg === "--regexp-extended") extended = true;
    else if (/^-[nEr]+$/.test(arg)) {
      if (arg.includes("n")) quiet = true;
      if (/[Er]/.test(arg)) extended = true;
    } else if (arg.startsWith("-") && arg !== "-") return fail(`sed: invalid option -- '${arg.slice(1, 2)}'\n${USAGE}`, 1);
    else if (scripts.length === 0 && files.length === 0 && !args.slice(0, i).some((a) => a === "-e" || a.startsWith("--expression"))) scripts.push(arg);
    else files.push(arg);
  }
  if (scripts.length === 0) return fail(USAGE, 1);
  const commands: Substitution[] = [];
  for (const [index, script] of scripts.entries()) {
    const parsed = parseScript(script, extended, index + 1);
    if ("error" in parsed) return fail(parsed.error, 1);
    commands.push(...parsed);
  }
  const access = session as Partial<FileAccess> | undefined;
  if (inPlace) {
    if (files.length === 0) return fail("sed: no input files\n", 4);
    let stderr = "";
    for (const file of files) {
      const text = access?.readFile?.(file);
      if (text === undefined) {
        stderr += `sed: can't read ${file}: No such file or directory\n`;
        continue;
      }
      if (!access?.writeFile?.(file, runCommands(text, commands, quiet))) stderr += `sed: couldn't open temporary file ${file.replace(/[^/]*$/, "")}sedXXXXXX: Read-only file system\n`;
    }
    return { stdout: "", stderr, exitCode: stderr ? (stderr.includes("can't read") ? 2 : 4) : 0 };
  }
  if (files.length === 0) return { stdout: runCommands(stdin, commands, quiet), stderr: "", exitCode: 0 };
  let stdout = "";
  let stderr = "";
  for (const file of files) {
    const text = file === "-" ? stdin : access?.readFile?.(file);
    if (text === undefined) stderr += `sed: can't read ${file}: No such file or directory\n`;
    else stdout += runCommands(text, commands, quiet);
  }
  const result: CommandResult = { stdout, stderr, exitCode: stderr ? 2 : 0 };
  return result;
};
