import type { SourcePosition } from "../source";

/** UTF-8 length without TextEncoder (the pure core has neither DOM nor Node typings). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** 1-based line and column of a UTF-16 offset. */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The first character YAML forbids in a stream (YAML 1.2 §5.1 c-printable: tab, LF, CR, 0x20-0x7E, NEL,
 * 0xA0-0xD7FF, 0xE000-0xFFFD and paired surrogates). go-yaml, which kubectl uses, rejects the same set with
 * "control characters are not allowed". Binary junk and NUL bytes land here.
 */
export function findForbiddenCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13) continue;
    if (code < 0x20 || code === 0x7f) return i;
    if (code >= 0x80 && code <= 0x9f && code !== 0x85) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return i;
    if (code === 0xfffe || code === 0xffff) return i;
  }
  return -1;
}

/**
 * A cheap upper-bound estimate of how deeply the text nests, taken before the YAML parser runs: the parser
 * recurses once per level and needs about a second to give up on 100 000 nested brackets. Counts flow
 * brackets outside quotes and comments plus block indentation levels (each compact `- ` counts as one).
 * Returns the offset where the estimate first exceeds `limit`, or -1.
 */
export function findExcessiveNesting(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    if (flow === 0 && i < lineEnd && text[i] !== "#") {
      const column = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
      let dash = i;
      while (text[dash] === "-" && text[dash + 1] === " ") {
        dash += 2;
        while (text[dash] === " ") dash++;
        indents.push(dash - lineStart);
      }
    }
    let quote: string | null = null;
    for (let j = i; j < lineEnd; j++) {
      const ch = text[j];
      if (quote !== null) {
        if (ch === "\\" && quote === '"') j++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === "#" && (j === lineStart || text[j - 1] === " ")) break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "[" || ch === "{") {
        flow++;
        if (flow + indents.length > limit) return j;
      } else if ((ch === "]" || ch === "}") && flow > 0) flow--;
    }
    if (indents.length + flow > limit) return i;
    lineStart = lineEnd + 1;
  }
  return -1;
}
