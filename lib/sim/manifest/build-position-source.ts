import type { ObjectSource, SourcePosition } from "../source";
import { parseFieldPath, type FieldPathSegment } from "./field-path";
import type { PositionNode } from "./read-positioned-yaml";

/**
 * Line starts of a text, found on the first locate() and shared by every document of the text. Lines end at
 * LF only, as the yaml package's LineCounter counts them (a CRLF's CR is the last column of its line).
 */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  /** LineCounter.linePos: the 1-based line and column of an offset. */
  position(offset: number): SourcePosition {
    const starts = this.starts ?? this.index();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, column: 1 };
    return { line: low, column: offset - starts[low - 1] + 1 };
  }

  private index(): number[] {
    const starts = [0];
    for (let at = this.text.indexOf("\n"); at !== -1; at = this.text.indexOf("\n", at + 1)) starts.push(at + 1);
    this.starts = starts;
    return starts;
  }
}

/**
 * buildObjectSource (build-object-source.ts) over a position tree from readPositionedYaml: the same answers
 * for every field path — the value's position; the key's for a block mapping or sequence and for a flow key
 * written without a value; the nearest existing field's when the path goes further than the document.
 */
export function buildPositionSource(
  root: PositionNode,
  lines: LineIndex,
  options: { file?: string; docIndex: number; prefix?: readonly FieldPathSegment[] },
): ObjectSource {
  const prefix = options.prefix ?? [];
  return {
    file: options.file,
    docIndex: options.docIndex,
    locate(fieldPath: string): SourcePosition | undefined {
      let node: PositionNode | null = root;
      let keyStart = -1;
      for (const segment of prefix.length > 0 ? [...prefix, ...parseFieldPath(fieldPath)] : parseFieldPath(fieldPath)) {
        if (node === null) break;
        if (node.keys !== null) {
          const index = node.keys.indexOf(String(segment));
          if (index === -1) break;
          keyStart = (node.keyStarts as number[])[index];
          node = (node.children as (PositionNode | null)[])[index];
        } else if (node.children !== null && typeof segment === "number") {
          const item: PositionNode | null | undefined = node.children[segment];
          if (item === undefined || item === null) break;
          keyStart = -1;
          node = item;
        } else {
          break;
        }
      }
      if ((node === null || node.block) && keyStart !== -1) return lines.position(keyStart);
      if (node !== null) return lines.position(node.start);
      return undefined;
    },
  };
}
