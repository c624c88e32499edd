import { displayWidth, offsetToColRow } from "./display-width";
import { History } from "./history";

/** What completing the word at the cursor offers: replace line[start, end) with one of the candidates. */
export interface CompletionResult {
  start: number;
  end: number;
  candidates: readonly string[];
}

export type Completer = (line: string, cursor: number) => CompletionResult;

export type EditorEvent =
  | { type: "output"; text: string }
  /** Enter: the line is done (the editor has already moved to a new terminal line). */
  | { type: "submit"; line: string }
  /** Ctrl-C: the line is abandoned. */
  | { type: "interrupt" }
  /** Ctrl-D on an empty line. */
  | { type: "eof" };

export interface FeedResult {
  events: EditorEvent[];
  /** Input after a submitted line, to feed again once the next prompt is shown (pasted multi-line text). */
  rest: string;
}

const WORD_CHAR = /[A-Za-z0-9_.\-/:=]/;

/**
 * A readline-style line editor over terminal input, with no DOM: it turns key sequences into edits of one line and
 * the escape sequences that redraw it (the controller/pure-helper split of wavesoft/local-echo). Keys follow
 * GNU Readline's emacs mode: arrows, Home/End, Ctrl-A/E/B/F, Ctrl-U/K/W, Alt-B/F, Ctrl-C, Ctrl-D, Ctrl-L, Tab.
 */
export class LineEditor {
  private buffer = "";
  private cursor = 0;
  private prompt = "";
  private startColumn = 0;
  private lastWasTab = false;

  constructor(
    readonly history: History = new History(),
    private readonly completer?: Completer,
    private cols = 80,
  ) {}

  /**
   * Starts reading a new line; returns the prompt to write. `column` is where the terminal's cursor stands: a
   * command whose output does not end in a newline (`kubectl get svc x -o jsonpath='{.spec.clusterIP}'`) leaves
   * the prompt after that output on the same row, as bash does, and redrawing the line must not erase it.
   */
  start(prompt: string, initial = "", column = 0): string {
    this.startColumn = column;
    this.prompt = prompt;
    this.buffer = initial;
    this.cursor = initial.length;
    this.lastWasTab = false;
    return prompt + initial;
  }

  resize(cols: number): void {
    this.cols = Math.max(2, cols);
  }

  line(): string {
    return this.buffer;
  }

  cursorOffset(): number {
    return this.cursor;
  }

  feed(data: string): FeedResult {
    const events: EditorEvent[] = [];
    let i = 0;
    while (i < data.length) {
      const key = readKey(data, i);
      i += key.length;
      const wasTab = this.lastWasTab;
      this.lastWasTab = false;
      const before = { buffer: this.buffer, cursor: this.cursor };
      switch (key) {
        case "\r":
        case "\n": {
          const line = this.buffer;
          events.push({ type: "output", text: this.moveTo(this.buffer.length) + "\r\n" });
          this.history.add(line);
          events.push({ type: "submit", line });
          return { events, rest: data.slice(i + (key === "\r" && data[i] === "\n" ? 1 : 0)) };
        }
        case "\x03":
          events.push({ type: "output", text: this.moveTo(this.buffer.length) + "^C\r\n" });
          events.push({ type: "interrupt" });
          this.buffer = "";
          this.cursor = 0;
          return { events, rest: data.slice(i) };
        case "\x04":
          if (this.buffer.length === 0) {
            events.push({ type: "output", text: "\r\n" }, { type: "eof" });
            return { events, rest: data.slice(i) };
          }
          this.deleteRange(this.cursor, this.cursor + 1);
          break;
        case "\x0c":
          this.startColumn = 0;
          events.push({ type: "output", text: "\x1b[H\x1b[2J" + this.prompt + this.buffer + this.cursorBack(this.buffer.length - this.cursor) });
          continue;
        case "\t":
          events.push(...this.complete(wasTab));
          continue;
        case "\x7f":
        case "\x08":
          this.deleteRange(this.cursor - 1, this.cursor);
          break;
        case "\x1b[3~":
          this.deleteRange(this.cursor, this.cursor + 1);
          break;
        case "\x1b[D":
        case "\x02":
          this.cursor = Math.max(0, this.cursor - 1);
          break;
        case "\x1b[C":
        case "\x06":
          this.cursor = Math.min(this.buffer.length, this.cursor + 1);
          break;
        case "\x1b[H":
        case "\x1bOH":
        case "\x1b[1~":
        case "\x01":
          this.cursor = 0;
          break;
        case "\x1b[F":
        case "\x1bOF":
        case "\x1b[4~":
        case "\x05":
          this.cursor = this.buffer.length;
          break;
        case "\x1bb":
        case "\x1b[1;5D":
        case "\x1b[1;3D":
          this.cursor = previousWordStart(this.buffer, this.cursor);
          break;
        case "\x1bf":
        case "\x1b[1;5C":
        case "\x1b[1;3C":
          this.cursor = nextWordEnd(this.buffer, this.cursor);
          break;
        case "\x15":
          this.deleteRange(0, this.cursor);
          break;
        case "\x0b":
          this.deleteRange(this.cursor, this.buffer.length);
          break;
        case "\x17":
          this.deleteRange(previousShellWordStart(this.buffer, this.cursor), this.cursor);
          break;
        case "\x1b[A": {
          const entry = this.history.previous(this.buffer);
          if (entry !== undefined) this.replaceLine(entry);
          break;
        }
        case "\x1b[B": {
          const entry = this.history.next();
          if (entry !== undefined) this.replaceLine(entry);
          break;
        }
        default:
          if (isPrintable(key)) this.insert(key);
      }
      const redraw = this.render(before);
      if (redraw.length > 0) events.push({ type: "output", text: redraw });
    }
    return { events, rest: "" };
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
  }

  private deleteRange(from: number, to: number): void {
    const start = Math.max(0, from);
    const end = Math.min(this.buffer.length, to);
    if (start >= end) return;
    this.buffer = this.buffer.slice(0, start) + this.buffer.slice(end);
    this.cursor = start;
  }

  private replaceLine(line: string): void {
    this.buffer = line;
    this.cursor = line.length;
  }

  /**
   * Tab: one candidate is inserted (with a trailing space when it is a whole word); several extend the word to
   * their common prefix, and a second Tab lists them, as bash does.
   */
  private complete(secondTab: boolean): EditorEvent[] {
    if (!this.completer) return [];
    const before = { buffer: this.buffer, cursor: this.cursor };
    const { start, end, candidates } = this.completer(this.buffer, this.cursor);
    if (candidates.length === 0) return [{ type: "output", text: "\x07" }];
    const current = this.buffer.slice(start, end);
    const common = commonPrefix(candidates);
    if (candidates.length === 1) {
      const suffix = common.endsWith("/") || common.endsWith("=") ? "" : " ";
      this.buffer = this.buffer.slice(0, start) + common + suffix + this.buffer.slice(end);
      this.cursor = start + common.length + suffix.length;
      return [{ type: "output", text: this.render(before) }];
    }
    if (common.length > current.length) {
      this.buffer = this.buffer.slice(0, start) + common + this.buffer.slice(end);
      this.cursor = start + common.length;
      this.lastWasTab = true;
      return [{ type: "output", text: this.render(before) }];
    }
    this.lastWasTab = true;
    if (!secondTab) return [{ type: "output", text: "\x07" }];
    const listing = formatColumns([...candidates].sort(), this.cols);
    const toEnd = this.moveTo(this.buffer.length);
    this.startColumn = 0;
    return [{ type: "output", text: toEnd + "\r\n" + listing + this.prompt + this.buffer + this.cursorBack(this.buffer.length - this.cursor) }];
  }

  /** Redraws the line after an edit, from where the terminal cursor was (`before.cursor`). */
  private render(before: { buffer: string; cursor: number }): string {
    if (before.buffer === this.buffer && before.cursor === this.cursor) return "";
    const promptWidth = this.promptWidth();
    if (before.buffer === this.buffer) return this.moveBetween(promptWidth, before.cursor, this.cursor);
    const up = offsetToColRow(promptWidth, before.cursor, this.cols).row;
    const toPrompt = "\r" + (this.startColumn > 0 ? `\x1b[${this.startColumn}C` : "");
    let out = (up > 0 ? `\x1b[${up}A` : "") + toPrompt + "\x1b[J" + this.prompt + this.buffer;
    const endOffset = this.buffer.length;
    if ((promptWidth + endOffset) % this.cols === 0 && promptWidth + endOffset > 0) out += "\r\n";
    return out + this.moveBetween(promptWidth, endOffset, this.cursor);
  }

  private moveTo(offset: number): string {
    return this.moveBetween(this.promptWidth(), this.cursor, offset);
  }

  /** Columns before the first character of the line: the output the prompt follows, and the prompt. */
  private promptWidth(): number {
    return this.startColumn + displayWidth(this.prompt);
  }

  private cursorBack(count: number): string {
    return count > 0 ? `\x1b[${count}D` : "";
  }

  private moveBetween(promptWidth: number, from: number, to: number): string {
    const a = offsetToColRow(promptWidth, from, this.cols);
    const b = offsetToColRow(promptWidth, to, this.cols);
    let out = "";
    if (b.row < a.row) out += `\x1b[${a.row - b.row}A`;
    if (b.row > a.row) out += `\x1b[${b.row - a.row}B`;
    if (b.col < a.col) out += `\x1b[${a.col - b.col}D`;
    if (b.col > a.col) out += `\x1b[${b.col - a.col}C`;
    return out;
  }
}

/** One key: an escape sequence (CSI or SS3 or Alt+key) or one character. */
function readKey(data: string, i: number): string {
  if (data[i] !== "\x1b") return data[i];
  const csi = /^\x1b\[[0-9;]*[A-Za-z~]/.exec(data.slice(i, i + 12));
  if (csi) return csi[0];
  if (data[i + 1] === "O" && i + 2 < data.length) return data.slice(i, i + 3);
  return i + 1 < data.length ? data.slice(i, i + 2) : "\x1b";
}

function isPrintable(key: string): boolean {
  return key.length === 1 ? key >= " " && key !== "\x7f" : !key.startsWith("\x1b");
}

function previousWordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !WORD_CHAR.test(text[i - 1])) i--;
  while (i > 0 && WORD_CHAR.test(text[i - 1])) i--;
  return i;
}

/** Ctrl-W deletes back to the previous whitespace (readline's unix-word-rubout). */
function previousShellWordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && text[i - 1] === " ") i--;
  while (i > 0 && text[i - 1] !== " ") i--;
  return i;
}

function nextWordEnd(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !WORD_CHAR.test(text[i])) i++;
  while (i < text.length && WORD_CHAR.test(text[i])) i++;
  return i;
}

export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return "";
  let prefix = values[0];
  for (const v of values) while (!v.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Lists completion candidates in columns, as bash does after a second Tab. */
export function formatColumns(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  let out = "";
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) cells.push(item.padEnd(width));
    }
    out += cells.join("").trimEnd() + "\r\n";
  }
  return out;
}
