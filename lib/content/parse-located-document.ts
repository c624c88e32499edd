import { LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";

/** A parsed YAML or JSON text that can say on which line any value sits. */
export interface LocatedDocument {
  value: unknown;
  /** Syntax errors, with 1-based lines in the enclosing file. */
  syntaxErrors: { line: number; message: string }[];
  /** The line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses YAML (and therefore JSON, a subset of YAML 1.2) keeping source positions, so schema errors can
 * be reported as file:line. `firstLine` is the file line the text starts on (frontmatter starts on line 2).
 */
export function parseLocatedDocument(text: string, firstLine = 1): LocatedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const syntaxErrors = doc.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: error.message.split("\n")[0],
  }));
  return {
    value: syntaxErrors.length > 0 ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const keys = path.slice(0, depth).filter((key): key is string | number => typeof key !== "symbol");
        const node = (depth === 0 ? doc.contents : doc.getIn(keys, true)) as Node | null | undefined;
        if (node?.range) return toFileLine(node.range[0]);
      }
      return firstLine;
    },
  };
}

/** Turns zod issues into `{ line, message }` pairs, naming the offending field the way authors write it. */
export function locateSchemaIssues(
  document: LocatedDocument,
  issues: readonly z.core.$ZodIssue[],
): { line: number; message: string }[] {
  return issues.map((issue) => {
    const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
    const field = issue.path.map(String).join(".");
    return { line: document.lineOf(path), message: field ? `${field}: ${issue.message}` : issue.message };
  });
}
