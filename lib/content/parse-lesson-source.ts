import type { ContentError } from "./content-error";
import { locateSchemaIssues, parseLocatedDocument } from "./parse-located-document";
import { LessonFrontmatterSchema, type LessonFrontmatter } from "./schema";

export interface LessonSource {
  frontmatter: LessonFrontmatter;
  /**
   * The MDX body with the frontmatter replaced by as many empty lines, so every line number the MDX
   * compiler reports is a line number in the file the author edits.
   */
  body: string;
  /** The file line of a frontmatter field, for errors found after parsing (e.g. id ≠ folder). */
  lineOf(path: readonly PropertyKey[]): number;
}

export type LessonSourceResult = { ok: true; lesson: LessonSource } | { ok: false; errors: ContentError[] };

const FENCE = /^---\s*$/;

/** Splits a lesson.mdx into validated frontmatter and body; every problem comes back with its line. */
export function parseLessonSource(file: string, text: string): LessonSourceResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) {
    return fail(file, 1, "a lesson must start with YAML frontmatter between two `---` lines");
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) return fail(file, 1, "the frontmatter opened on line 1 is never closed with `---`");

  const document = parseLocatedDocument(lines.slice(1, closing).join("\n"), 2);
  if (document.syntaxErrors.length > 0) {
    return { ok: false, errors: document.syntaxErrors.map((e) => ({ file, line: e.line, message: `frontmatter: ${e.message}` })) };
  }
  const parsed = LessonFrontmatterSchema.safeParse(document.value ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      errors: locateSchemaIssues(document, parsed.error.issues).map((e) => ({ file, ...e, message: `frontmatter ${e.message}` })),
    };
  }
  const body = "\n".repeat(closing + 1) + lines.slice(closing + 1).join("\n");
  return { ok: true, lesson: { frontmatter: parsed.data, body, lineOf: document.lineOf } };
}

function fail(file: string, line: number, message: string): LessonSourceResult {
  return { ok: false, errors: [{ file, line, message }] };
}
