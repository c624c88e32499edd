/**
 * A problem in the course content, pinned to a file and line so an author can jump straight to it.
 * `next build` and `npm run content:check` print these as `file:line: message`, the format editors and CI
 * annotations understand.
 */
export interface ContentError {
  /** Path relative to the project root, e.g. `content/lessons/networking-model/lesson.mdx`. */
  file: string;
  /** 1-based line; 1 when the problem concerns the file as a whole. */
  line: number;
  message: string;
}

export function formatContentError(error: ContentError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

/** Thrown only at the build boundary (generateStaticParams, the content check), never inside the loader. */
export class ContentValidationError extends Error {
  readonly errors: readonly ContentError[];

  constructor(errors: readonly ContentError[]) {
    super(`The course content is invalid:\n${errors.map(formatContentError).join("\n")}`);
    this.name = "ContentValidationError";
    this.errors = errors;
  }
}
