import type { Word, WordPart } from "./ast";

export type Token =
  | { kind: "word"; word: Word; raw: string }
  | { kind: "op"; op: Operator; fd?: number }
  | { kind: "newline" };

export type Operator = "|" | "||" | "&&" | ";" | "&" | ">" | ">>" | "<" | ">&" | "<<" | "<<-" | "(" | ")";

export type TokenizeOutcome =
  | { status: "ok"; tokens: Token[]; hereDocBodies: string[][] }
  | { status: "incomplete"; reason: "quote" | "heredoc" | "continuation" }
  | { status: "error"; message: string };

const OPERATORS: readonly Operator[] = ["<<-", "&&", "||", ">>", ">&", "<<", "|", ";", "&", ">", "<", "(", ")"];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Splits input into words and operators, POSIX-style (Shell Command Language §2.3 Token Recognition):
 * quotes and backslashes are kept as quoting on word parts, `#` starts a comment at the start of a word,
 * and here-document bodies are collected from the lines after the one that opened them (§2.7.4).
 */
export function tokenize(input: string): TokenizeOutcome {
  const tokens: Token[] = [];
  const pendingHereDocs: { delimiter: string; stripTabs: boolean }[] = [];
  const hereDocBodies: string[][] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === "\n") {
      tokens.push({ kind: "newline" });
      i++;
      if (pendingHereDocs.length > 0) {
        const collected = collectHereDocs(input, i, pendingHereDocs);
        if (collected === undefined) return { status: "incomplete", reason: "heredoc" };
        hereDocBodies.push(...collected.bodies);
        pendingHereDocs.length = 0;
        i = collected.end;
      }
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === "\\" && input[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (ch === "\\" && i + 1 === input.length) return { status: "incomplete", reason: "continuation" };
    if (ch === "#") {
      while (i < input.length && input[i] !== "\n") i++;
      continue;
    }
    const fdRedirect = /^([0-9])(>>|>&|>|<)/.exec(input.slice(i));
    if (fdRedirect) {
      tokens.push({ kind: "op", op: fdRedirect[2] as Operator, fd: Number(fdRedirect[1]) });
      i += fdRedirect[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "op", op });
      i += op.length;
      if (op === "<<" || op === "<<-") {
        const delim = readWord(input, skipBlanks(input, i));
        if (delim.status !== "ok") return delim.status === "incomplete" ? delim : { status: "error", message: "syntax error near unexpected token `newline'" };
        if (delim.raw.length === 0) return { status: "error", message: "syntax error near unexpected token `newline'" };
        tokens.push({ kind: "word", word: delim.word, raw: delim.raw });
        pendingHereDocs.push({ delimiter: literalText(delim.word), stripTabs: op === "<<-" });
        i = delim.end;
      }
      continue;
    }
    const word = readWord(input, i);
    if (word.status !== "ok") return word;
    tokens.push({ kind: "word", word: word.word, raw: word.raw });
    i = word.end;
  }
  if (pendingHereDocs.length > 0) return { status: "incomplete", reason: "heredoc" };
  return { status: "ok", tokens, hereDocBodies };
}

function skipBlanks(input: string, i: number): number {
  while (input[i] === " " || input[i] === "\t") i++;
  return i;
}

/** The delimiter of a here-document is its word with quotes removed (§2.7.4). */
export function literalText(word: Word): string {
  return word.parts.map((p) => (p.kind === "literal" ? p.text : p.kind === "variable" ? `$${p.name}` : `$(${p.script})`)).join("");
}

/** The characters readWord treats specially inside a word: escape, quotes and expansion. */
const STARTS_QUOTING = "\\'\"$";

function isWordEnd(ch: string | undefined): boolean {
  return ch === undefined || " \t\r\n|&;<>()".includes(ch);
}

type WordOutcome =
  | { status: "ok"; word: Word; raw: string; end: number }
  | { status: "incomplete"; reason: "quote" | "continuation" }
  | { status: "error"; message: string };

function readWord(input: string, start: number): WordOutcome {
  const parts: WordPart[] = [];
  const push = (text: string, quoted: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === "literal" && last.quoted === quoted) last.text += text;
    else parts.push({ kind: "literal", text, quoted });
  };
  let i = start;
  while (!isWordEnd(input[i])) {
    const ch = input[i];
    if (ch === "\\") {
      if (i + 1 >= input.length) return { status: "incomplete", reason: "continuation" };
      if (input[i + 1] !== "\n") push(input[i + 1], true);
      i += 2;
    } else if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) return { status: "incomplete", reason: "quote" };
      push(input.slice(i + 1, close), true);
      if (close === i + 1) push("", true);
      i = close + 1;
    } else if (ch === '"') {
      const inner = readDoubleQuoted(input, i + 1, parts);
      if (inner === undefined) return { status: "incomplete", reason: "quote" };
      i = inner;
    } else if (ch === "$" && input[i + 1] === "(") {
      const close = findSubstitutionEnd(input, i + 2);
      if (close === undefined) return { status: "incomplete", reason: "quote" };
      parts.push({ kind: "command", script: input.slice(i + 2, close), quoted: false });
      i = close + 1;
    } else if (ch === "$") {
      const variable = readVariable(input, i + 1);
      if (variable) {
        parts.push({ kind: "variable", name: variable.name, quoted: false });
        i = variable.end;
      } else {
        push("$", false);
        i++;
      }
    } else {
      // A run of ordinary characters is one literal: take it whole rather than a character at a time.
      let end = i + 1;
      while (!isWordEnd(input[end]) && !STARTS_QUOTING.includes(input[end])) end++;
      push(input.slice(i, end), false);
      i = end;
    }
  }
  return { status: "ok", word: { parts }, raw: input.slice(start, i), end: i };
}

/** Inside double quotes, `\` escapes only $ ` " \ and newline; `$NAME` still expands (§2.2.3). */
function readDoubleQuoted(input: string, start: number, parts: WordPart[]): number | undefined {
  let text = "";
  const flush = () => {
    parts.push({ kind: "literal", text, quoted: true });
    text = "";
  };
  let i = start;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"') {
      flush();
      return i + 1;
    }
    if (ch === "\\" && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1])) {
      if (input[i + 1] !== "\n") text += input[i + 1];
      i += 2;
    } else if (ch === "$" && input[i + 1] === "(") {
      const close = findSubstitutionEnd(input, i + 2);
      if (close === undefined) return undefined;
      flush();
      parts.push({ kind: "command", script: input.slice(i + 2, close), quoted: true });
      i = close + 1;
    } else if (ch === "$") {
      const variable = readVariable(input, i + 1);
      if (variable) {
        flush();
        parts.push({ kind: "variable", name: variable.name, quoted: true });
        i = variable.end;
      } else {
        text += "$";
        i++;
      }
    } else {
      text += ch;
      i++;
    }
  }
  return undefined;
}

/** The `)` closing a `$(`, skipping quoted text and nested parentheses; undefined when the input ends first. */
function findSubstitutionEnd(input: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < input.length; i++) {
    const ch = input[i];
    if (ch === "\\") i++;
    else if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (ch === '"') {
      for (i++; i < input.length && input[i] !== '"'; i++) if (input[i] === "\\") i++;
      if (i >= input.length) return undefined;
    } else if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function readVariable(input: string, start: number): { name: string; end: number } | undefined {
  if (input[start] === "{") {
    const close = input.indexOf("}", start);
    const name = close > start ? input.slice(start + 1, close) : "";
    return NAME.test(name) || /^[?#0-9]$/.test(name) ? { name, end: close + 1 } : undefined;
  }
  if (input[start] === "?" || input[start] === "#" || /[0-9]/.test(input[start] ?? "")) return { name: input[start], end: start + 1 };
  const match = NAME.exec(input.slice(start));
  return match ? { name: match[0], end: start + match[0].length } : undefined;
}

function collectHereDocs(
  input: string,
  start: number,
  pending: readonly { delimiter: string; stripTabs: boolean }[],
): { bodies: string[][]; end: number } | undefined {
  const bodies: string[][] = [];
  let i = start;
  for (const doc of pending) {
    const lines: string[] = [];
    for (;;) {
      if (i >= input.length) return undefined;
      const newline = input.indexOf("\n", i);
      const rawLine = newline < 0 ? input.slice(i) : input.slice(i, newline);
      const line = doc.stripTabs ? rawLine.replace(/^\t+/, "") : rawLine;
      i = newline < 0 ? input.length : newline + 1;
      if (line === doc.delimiter) break;
      if (newline < 0) return undefined;
      lines.push(line);
    }
    bodies.push(lines);
  }
  return { bodies, end: i };
}
