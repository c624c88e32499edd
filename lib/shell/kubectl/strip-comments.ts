import { parseAllDocuments } from "yaml";

/**
 * Drops comment lines the way kubectl's cmdutil.ManualStrip does (k8s.io/kubectl pkg/cmd/util/helpers.go): a line
 * whose first non-blank character is `#` goes, unless it starts `#!`; every other line is kept as typed.
 */
export function manualStrip(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("#") && !trimmed.startsWith("#!")) return;
    kept.push(index < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join("");
}

/**
 * cmdutil.StripComments: the text as JSON (sigs.k8s.io/yaml ToJSON, which reads the first document and loses
 * comments and layout), or the manually stripped text when it does not parse. kubectl compares two buffers
 * through it, so an edit that only touches comments, indentation or quoting counts as no change.
 */
export function stripComments(text: string): string {
  try {
    const [first] = parseAllDocuments(text, { version: "1.1", uniqueKeys: true });
    if (!first) return "null";
    if (!("errors" in first) || first.errors.length > 0) return manualStrip(text);
    return JSON.stringify(first.toJS({ maxAliasCount: 100 }) ?? null);
  } catch {
    return manualStrip(text);
  }
}

/**
 * editoptions.go hasLines: whether any line holds something other than blanks and comments. A buffer without
 * one is an empty file, which aborts the edit.
 */
export function hasLines(text: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const trimmed = line.trim();
    return trimmed.length > 0 && !trimmed.startsWith("#");
  });
}
