import { FAILSAFE_SCHEMA, Type, loadAll, type State } from "js-yaml";
import { resolvePlainScalar } from "./resolve-plain-scalar";

/**
 * Where one node of a YAML document starts, for ObjectSource.locate: the offset the yaml package gives as
 * the node's `range[0]`, the nodes inside a collection, and whether it is a block collection (locate then
 * points at the key that holds it rather than at its first line).
 */
export interface PositionNode {
  kind: NodeKind;
  /** Offset (UTF-16 code units into the text) where the node starts. */
  start: number;
  /** A block mapping or sequence, as opposed to a flow one (`{…}`, `[…]`) or a scalar. */
  block: boolean;
  /** Mapping keys as the yaml package compares them to a field path (String(value)), in document order. */
  keys: string[] | null;
  /** Offsets where each key starts. */
  keyStarts: number[] | null;
  /** Mapping values (null: a flow-mapping key written without `:`) or sequence items. */
  children: (PositionNode | null)[] | null;
  /** Mappings and sequences nested inside each other, and nodes in all: what measureYamlNode answers. */
  depth: number;
  nodes: number;
  /** Parse-time only: where composeNode began, where it stopped, and what it read (cleared once used). */
  open: number;
  end: number;
  result: unknown;
}

export type NodeKind = typeof EMPTY | typeof SCALAR | typeof MAPPING | typeof SEQUENCE;
const EMPTY = 0;
const SCALAR = 1;
const MAPPING = 2;
const SEQUENCE = 3;

export function isMappingNode(node: PositionNode): boolean {
  return node.kind === MAPPING;
}

export interface PositionedDocuments {
  /** One value per document of the stream, as loadAll returns them. */
  values: unknown[];
  /** The position tree of each document's root, in the same order. */
  roots: PositionNode[];
}

/**
 * Every untagged plain scalar goes through one implicit type that resolves it as YAML 1.1 does; quoted and
 * block scalars stay strings (the spec's tag resolution, §3.3.2 of YAML 1.1 and 1.2, gives non-plain scalars
 * the non-specific tag `!`; js-yaml and the yaml package both resolve only plain scalars by content). The
 * tag is private to this reader.
 */
const PLAIN_SCALAR = new Type("tag:kubernetes-networking-lab,2024:yaml-1.1-plain", {
  kind: "scalar",
  resolve: () => true,
  construct: (source: string) => resolvePlainScalar(source),
});
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [PLAIN_SCALAR] });

/** Thrown from inside js-yaml's callbacks to stop at the first construct this reader will not vouch for. */
const GIVE_UP = new Error("read-positioned-yaml: not a text for the fast reader");

/**
 * Reads a YAML stream with js-yaml 4 and records where every node starts, for texts where that gives
 * exactly what the yaml package (the reference reader of parseManifests) would: the same values, the same
 * documents and the same node offsets. Returns undefined for everything else, so the caller falls back to
 * the yaml package, which stays the source of every error message: any js-yaml error or warning; anchors,
 * aliases and tags; merge keys, directives and explicit `?` keys; keys that are null or not scalars; pairs
 * inside flow sequences and empty block-sequence items; tabs, lone CRs, NEL/LS/PS and byte-order marks;
 * content after `---` or `...` on its line; implicit keys over 1000 characters; comments glued to a token;
 * block scalars with an indentation indicator or no content; escaped line breaks and `\U` escapes beyond
 * U+10FFFF in double-quoted scalars. Each of these is a place where the two readers were seen to differ, or
 * could, and none is common in a Kubernetes manifest.
 *
 * Positions come from js-yaml's `listener` option: composeNode reports `open` and `close` for every node,
 * properly nested, with the parser state (position, kind, result). The shapes js-yaml reports that are not
 * nodes of the document are folded away here: the key attempt that turns out to be the whole value (a
 * scalar or flow collection on its own line) and the failed key attempt that ends a mapping at `---`.
 */
export function readPositionedYaml(text: string): PositionedDocuments | undefined {
  if (!isPlainText(text)) return undefined;
  const stack: PositionNode[] = [];
  const roots: PositionNode[] = [];

  const close = (state: State): void => {
    const node = stack.pop() as PositionNode;
    node.end = state.position;
    const result: unknown = state.result;
    const kind = kindOf(state.kind);
    const raw = node.children;
    const start = skipSeparation(text, node.open);
    const first = text.charCodeAt(start);
    // An anchor (&), a tag (!) or an alias (*) where the node starts, empty nodes included (`a: &x`).
    if (first === 0x26 || first === 0x21 || first === 0x2a) throw GIVE_UP;
    let settled = node;
    if (raw !== null && raw.length === 1 && raw[0] !== null && raw[0].kind === kind && Object.is(raw[0].result, result)) {
      // readBlockMapping read a key candidate that was not followed by `:` and kept it as this node's value.
      settled = raw[0];
    } else if (kind === EMPTY) {
      if (raw !== null) throw GIVE_UP;
    } else {
      node.kind = kind;
      node.result = result;
      node.start = start;
      // yaml: "Comments must be separated from other tokens by white space characters"; js-yaml reads a `#`
      // right after a closing quote or bracket, or an opening bracket, as a comment ('a: "b"#c', `[#c`).
      // Inside flow collections, settleMapping and settleSequence look after `,` and `:` too.
      if (kind === SCALAR) {
        // Before reading a block scalar in a sequence item, readBlockMapping tries (and fails) to read a key.
        if (raw !== null && (raw.length !== 1 || raw[0] === null || raw[0].kind !== EMPTY)) throw GIVE_UP;
        if (first === 0x22 || first === 0x27) {
          if (text.charCodeAt(node.end) === 0x23) throw GIVE_UP;
          if (first === 0x22 && hasDivergentEscape(text, start, node.end)) throw GIVE_UP;
        } else if ((first === 0x7c || first === 0x3e) && !isPlainBlockScalar(text, start, node.end)) {
          throw GIVE_UP;
        }
      } else {
        const flow = kind === MAPPING ? first === 0x7b : first === 0x5b;
        if (flow && (text.charCodeAt(start + 1) === 0x23 || text.charCodeAt(node.end) === 0x23)) throw GIVE_UP;
        if (kind === MAPPING) settleMapping(text, node, raw, flow);
        else settleSequence(text, node, raw, flow);
      }
    }
    const parent = stack.length > 0 ? stack[stack.length - 1] : null;
    if (parent === null) roots.push(settled);
    else if (parent.children === null) parent.children = [settled];
    else parent.children.push(settled);
  };

  let values: unknown[];
  try {
    values = loadAll(text, null, {
      schema: SCHEMA,
      onWarning: () => {
        // Deficient indentation (which the yaml package refuses), unknown directives, YAML 1.1 line breaks.
        throw GIVE_UP;
      },
      listener: (event, state) => {
        if (event === "open") stack.push(newNode(state.position));
        else close(state);
      },
    });
  } catch {
    return undefined;
  }
  if (roots.length !== values.length) return undefined;
  // The values live on in the documents; the tree keeps only positions.
  for (const root of roots) root.result = null;
  return { values, roots };
}

function newNode(open: number): PositionNode {
  return { kind: EMPTY, start: open, block: false, keys: null, keyStarts: null, children: null, depth: 0, nodes: 1, open, end: open, result: null };
}

function kindOf(kind: string | null): NodeKind {
  switch (kind) {
    case "scalar":
      return SCALAR;
    case "mapping":
      return MAPPING;
    case "sequence":
      return SEQUENCE;
    default:
      return EMPTY;
  }
}

/**
 * Pairs up the nodes js-yaml composed inside a mapping: each key, then its value when the key is followed by
 * `:` (js-yaml always composes a value after `:`, an empty one when nothing follows; the yaml package places
 * an empty value right after the `:` and the spaces that follow it, util-empty-scalar-position.js). A key
 * without `:` only exists in a flow mapping (`{a, b: 1}`), where the yaml package has no value node at all.
 */
function settleMapping(text: string, node: PositionNode, raw: (PositionNode | null)[] | null, flow: boolean): void {
  const keys: string[] = [];
  const keyStarts: number[] = [];
  const values: (PositionNode | null)[] = [];
  let depth = 0;
  let nodes = 1;
  const count = raw === null ? 0 : raw.length;
  for (let i = 0; i < count; ) {
    const key = (raw as PositionNode[])[i];
    if (key.kind !== SCALAR) {
      // A block mapping at column 0 ends at `---` or `...` after js-yaml tried to read one more key there.
      if (key.kind === EMPTY && !flow && i === count - 1) break;
      throw GIVE_UP;
    }
    // A null key is "" to the yaml package but "null" to js-yaml.
    if (key.result === null) throw GIVE_UP;
    let colon = key.end;
    while (text.charCodeAt(colon) === 0x20) colon++;
    let value: PositionNode | null = null;
    if (text.charCodeAt(colon) === 0x3a) {
      // yaml: "The : indicator must be at most 1024 chars after the start of an implicit … key".
      if (colon - key.start > 1000) throw GIVE_UP;
      if (flow && text.charCodeAt(colon + 1) === 0x23) throw GIVE_UP;
      value = (raw as PositionNode[])[i + 1];
      if (value === undefined) throw GIVE_UP;
      if (value.kind === EMPTY) {
        let at = colon + 1;
        while (text.charCodeAt(at) === 0x20) at++;
        value.start = at;
      }
      if (flow && hasGluedCommentAfter(text, value.end)) throw GIVE_UP;
      depth = Math.max(depth, value.depth);
      nodes += 1 + value.nodes;
      value.result = null;
      i += 2;
    } else {
      if (!flow || hasGluedCommentAfter(text, key.end)) throw GIVE_UP;
      nodes += 1;
      i += 1;
    }
    keys.push(String(key.result));
    keyStarts.push(key.start);
    values.push(value);
  }
  // Every pair must have become a property of its own (no merges, no keys that collapsed into one).
  let properties = 0;
  for (const _ in node.result as object) properties++;
  if (properties !== keys.length) throw GIVE_UP;
  node.block = !flow;
  node.keys = keys;
  node.keyStarts = keyStarts;
  node.children = values;
  node.depth = depth + 1;
  node.nodes = nodes;
}

/** Items of a sequence, one composed node each; an empty block item (`-` alone) has no node in js-yaml. */
function settleSequence(text: string, node: PositionNode, raw: (PositionNode | null)[] | null, flow: boolean): void {
  const items = raw ?? [];
  // A flow sequence holding `a: 1` pairs composes two nodes per item; an empty block item composes none.
  if (!Array.isArray(node.result) || items.length !== node.result.length) throw GIVE_UP;
  let depth = 0;
  let nodes = 1;
  for (const item of items) {
    if (item === null || item.kind === EMPTY) throw GIVE_UP;
    if (flow && hasGluedCommentAfter(text, item.end)) throw GIVE_UP;
    depth = Math.max(depth, item.depth);
    nodes += item.nodes;
    item.result = null;
  }
  node.block = !flow;
  node.children = items;
  node.depth = depth + 1;
  node.nodes = nodes;
}

/** A flow entry ending at `end` followed by `,#`: js-yaml reads the `#` as a comment, the yaml package refuses it. */
function hasGluedCommentAfter(text: string, end: number): boolean {
  let at = end;
  while (text.charCodeAt(at) === 0x20) at++;
  return text.charCodeAt(at) === 0x2c && text.charCodeAt(at + 1) === 0x23;
}

/**
 * Escapes of the double-quoted scalar text[start, end) that the readers decode differently (both know the
 * same escape letters, YAML 1.2 §5.7): a backslash before a line break (followed by a blank line it folds
 * differently, `"x\\⏎⏎y"`), and `\U` beyond U+10FFFF (js-yaml builds a broken surrogate pair, the yaml
 * package refuses it).
 */
function hasDivergentEscape(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    const next = text.charCodeAt(++i);
    if (next === 0x0a || next === 0x0d) return true;
    if (next === 0x55 && parseInt(text.slice(i + 1, i + 9), 16) > 0x10ffff) return true;
  }
  return false;
}

/** A block scalar text[start, end) with no indentation indicator and at least one line of content. */
function isPlainBlockScalar(text: string, start: number, end: number): boolean {
  let at = start + 1;
  for (let ch = text.charCodeAt(at); ch === 0x2b || ch === 0x2d || (ch >= 0x30 && ch <= 0x39); ch = text.charCodeAt(++at)) {
    if (ch !== 0x2b && ch !== 0x2d) return false;
  }
  const body = text.indexOf("\n", at);
  if (body === -1) return false;
  // js-yaml reads a text as if it ended with a line break: `end` may be one past the text.
  for (let i = body + 1; i < Math.min(end, text.length); i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d) return true;
  }
  return false;
}

/** js-yaml's skipSeparationSpace: spaces, tabs, comments and line breaks before a node's first character. */
function skipSeparation(text: string, at: number): number {
  let position = at;
  for (;;) {
    let ch = text.charCodeAt(position);
    while (ch === 0x20 || ch === 0x09) ch = text.charCodeAt(++position);
    if (ch === 0x23) {
      while (ch !== 0x0a && ch !== 0x0d && position < text.length) ch = text.charCodeAt(++position);
    }
    if (ch === 0x0a) position++;
    else if (ch === 0x0d) position += text.charCodeAt(position + 1) === 0x0a ? 2 : 1;
    else return position;
  }
}

/**
 * Characters and lines the two readers treat differently, refused before parsing: tabs (the yaml package's
 * TAB_AS_INDENT rules), a CR not followed by LF, NEL/LS/PS (line breaks in YAML 1.1, content to js-yaml),
 * byte-order marks, directives (`%` at the start of a line), merge keys (`<<`), explicit keys (`?` followed
 * by a space, a line break or a flow indicator) and content after `---` or `...` on the same line.
 */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    switch (ch) {
      case 0x09:
      case 0x85:
      case 0x2028:
      case 0x2029:
      case 0xfeff:
        return false;
      case 0x0d:
        if (text.charCodeAt(i + 1) !== 0x0a) return false;
        break;
      case 0x3c:
        if (text.charCodeAt(i + 1) === 0x3c) return false;
        break;
      case 0x3f: {
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x2c || next === 0x5b || next === 0x5d || next === 0x7b || next === 0x7d) return false;
        break;
      }
      case 0x0a:
        if (!isPlainLineStart(text, i + 1)) return false;
        break;
    }
  }
  return isPlainLineStart(text, 0);
}

function isPlainLineStart(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (first === 0x25) return false;
  if ((first !== 0x2d && first !== 0x2e) || text.charCodeAt(at + 1) !== first || text.charCodeAt(at + 2) !== first) return true;
  // js-yaml takes `---` at the start of a document as a marker whatever follows it (`---x`); the yaml package
  // only when a space or line break does. After a marker, only spaces and a comment may follow on its line.
  let i = at + 3;
  const after = text.charCodeAt(i);
  if (!Number.isNaN(after) && after !== 0x20 && after !== 0x0a && after !== 0x0d) return first === 0x2e;
  while (text.charCodeAt(i) === 0x20) i++;
  const rest = text.charCodeAt(i);
  return Number.isNaN(rest) || rest === 0x0a || rest === 0x0d || rest === 0x23;
}
