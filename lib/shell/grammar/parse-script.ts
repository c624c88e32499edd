import type { AndOrList, HereDoc, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word } from "./ast";
import { literalText, tokenize, type Token } from "./tokenize";

export type ParseOutcome =
  | { status: "ok"; script: Script }
  /** The input continues on the next line (open quote, here-document, trailing `|` or `&&`): prompt with `> `. */
  | { status: "incomplete"; reason: "quote" | "heredoc" | "continuation" }
  /** bash's wording: `syntax error near unexpected token `|'`. */
  | { status: "error"; message: string };

const NAME_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Parses a command line (possibly several lines, with here-document bodies) into a Script. Never throws. */
export function parseScript(input: string): ParseOutcome {
  const tokenized = tokenize(input);
  if (tokenized.status !== "ok") return tokenized;
  const hereDocBodies = [...tokenized.hereDocBodies];
  const parser = new TokenCursor(tokenized.tokens);
  const lists: AndOrList[] = [];
  for (;;) {
    parser.skipNewlines();
    if (parser.done()) break;
    const list = parseAndOr(parser, hereDocBodies);
    if (list.status !== "ok") return list;
    lists.push(list.value);
    const next = parser.peek();
    if (next === undefined) break;
    if (next.kind === "newline" || (next.kind === "op" && next.op === ";")) {
      parser.next();
      continue;
    }
    if (next.kind === "op" && next.op === "&") {
      list.value.background = true;
      parser.next();
      continue;
    }
    return unexpected(next);
  }
  return { status: "ok", script: { lists } };
}

type Step<T> = { status: "ok"; value: T } | Exclude<ParseOutcome, { status: "ok" }>;

function parseAndOr(parser: TokenCursor, hereDocs: string[][]): Step<AndOrList> {
  const first = parsePipeline(parser, hereDocs);
  if (first.status !== "ok") return first;
  const rest: AndOrList["rest"] = [];
  for (;;) {
    const next = parser.peek();
    if (!(next?.kind === "op" && (next.op === "&&" || next.op === "||"))) break;
    parser.next();
    parser.skipNewlines();
    if (parser.done()) return { status: "incomplete", reason: "continuation" };
    const pipeline = parsePipeline(parser, hereDocs);
    if (pipeline.status !== "ok") return pipeline;
    rest.push({ op: next.op as "&&" | "||", pipeline: pipeline.value });
  }
  return { status: "ok", value: { first: first.value, rest } };
}

function parsePipeline(parser: TokenCursor, hereDocs: string[][]): Step<Pipeline> {
  const commands: SimpleCommand[] = [];
  for (;;) {
    const command = parseSimpleCommand(parser, hereDocs);
    if (command.status !== "ok") return command;
    commands.push(command.value);
    const next = parser.peek();
    if (!(next?.kind === "op" && next.op === "|")) break;
    parser.next();
    parser.skipNewlines();
    if (parser.done()) return { status: "incomplete", reason: "continuation" };
  }
  return { status: "ok", value: { commands } };
}

function parseSimpleCommand(parser: TokenCursor, hereDocs: string[][]): Step<SimpleCommand> {
  const command: SimpleCommand = { assignments: [], words: [], redirects: [] };
  for (;;) {
    const token = parser.peek();
    if (token === undefined || token.kind === "newline") break;
    if (token.kind === "word") {
      parser.next();
      const assignment = command.words.length === 0 ? splitAssignment(token) : undefined;
      if (assignment) command.assignments.push(assignment);
      else command.words.push(token.word);
      continue;
    }
    if (token.op === "<<" || token.op === "<<-") {
      parser.next();
      const delimiter = parser.next();
      if (delimiter?.kind !== "word") return unexpected(delimiter);
      command.hereDoc = buildHereDoc(delimiter.word, token.op === "<<-", hereDocs.shift() ?? []);
      continue;
    }
    if (token.op === ">" || token.op === ">>" || token.op === "<" || token.op === ">&") {
      parser.next();
      const target = parser.next();
      if (target?.kind !== "word") return target === undefined ? unexpectedNewline() : unexpected(target);
      command.redirects.push(buildRedirect(token.op, token.fd, target.word));
      continue;
    }
    break;
  }
  if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0 && !command.hereDoc) {
    return unexpected(parser.peek());
  }
  return { status: "ok", value: command };
}

function buildRedirect(op: RedirectOp, fd: number | undefined, target: Word): Redirect {
  return { fd: fd ?? (op === "<" ? 0 : 1), op, target };
}

function buildHereDoc(delimiter: Word, stripTabs: boolean, lines: string[]): HereDoc {
  const quoted = delimiter.parts.some((p) => p.kind === "literal" && p.quoted);
  return { delimiter: literalText(delimiter), expand: !quoted, stripTabs, body: lines.map((l) => `${l}\n`).join("") };
}

function splitAssignment(token: Extract<Token, { kind: "word" }>): { name: string; value: Word } | undefined {
  const first = token.word.parts[0];
  if (!first || first.kind !== "literal" || first.quoted || !NAME_ASSIGNMENT.test(first.text)) return undefined;
  const eq = first.text.indexOf("=");
  const value: Word = { parts: [{ ...first, text: first.text.slice(eq + 1) }, ...token.word.parts.slice(1)] };
  return { name: first.text.slice(0, eq), value };
}

function unexpected(token: Token | undefined): Exclude<ParseOutcome, { status: "ok" }> {
  if (token === undefined || token.kind === "newline") return unexpectedNewline();
  const text = token.kind === "op" ? token.op : token.raw;
  return { status: "error", message: `syntax error near unexpected token \`${text}'` };
}

function unexpectedNewline(): Exclude<ParseOutcome, { status: "ok" }> {
  return { status: "error", message: "syntax error near unexpected token `newline'" };
}

class TokenCursor {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}
  peek(): Token | undefined {
    return this.tokens[this.index];
  }
  next(): Token | undefined {
    return this.tokens[this.index++];
  }
  done(): boolean {
    return this.index >= this.tokens.length;
  }
  skipNewlines(): void {
    while (this.peek()?.kind === "newline") this.index++;
  }
}
