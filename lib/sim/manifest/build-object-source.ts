import { isCollection, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { ObjectSource, SourcePosition } from "../source";
import { parseFieldPath, type FieldPathSegment } from "./field-path";

/**
 * An ObjectSource over one YAML (or JSON) document. `prefix` addresses an item of a `kind: List`
 * (`["items", 2]`). locate() answers the position of the field's value; when the value is a block
 * mapping or sequence (which starts on the next line) it answers the position of the field's key, so an
 * error about `spec.ports` points at the line that says `ports:`. When the field is absent it answers for
 * the nearest enclosing field that exists, so "Required value" errors point at the parent.
 */
export function buildObjectSource(
  doc: Document,
  lineCounter: LineCounter,
  options: { file?: string; docIndex: number; prefix?: readonly FieldPathSegment[] },
): ObjectSource {
  const prefix = options.prefix ?? [];
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file: options.file,
    docIndex: options.docIndex,
    locate(fieldPath: string): SourcePosition | undefined {
      const segments = [...prefix, ...parseFieldPath(fieldPath)];
      const found = findDeepest(doc.contents, segments);
      if (found === null) return undefined;
      const { node, key } = found;
      const valueIsBlockCollection = isCollection(node) && !node.flow;
      if ((valueIsBlockCollection || node === null) && key?.range) return toPosition(key.range[0]);
      if (node?.range) return toPosition(node.range[0]);
      if (key?.range) return toPosition(key.range[0]);
      return undefined;
    },
  };
}

interface Found {
  node: Node | null;
  key: Node | null;
}

function findDeepest(root: unknown, segments: readonly FieldPathSegment[]): Found | null {
  if (!isNode(root)) return null;
  let current: Found = { node: root, key: null };
  for (const segment of segments) {
    const next = step(current.node, segment);
    if (next === null) break;
    current = next;
  }
  return current;
}

function step(node: Node | null, segment: FieldPathSegment): Found | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === String(segment)) return { node: isNode(pair.value) ? pair.value : null, key: isNode(key) ? key : null };
    }
    return null;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    return isNode(item) ? { node: item, key: null } : null;
  }
  return null;
}

function isNode(value: unknown): value is Node {
  return isCollection(value) || isScalar(value) || (typeof value === "object" && value !== null && "range" in value);
}
