import "server-only";
import path from "node:path";
import { ContentValidationError } from "./content-error";
import { loadCourse, type Course } from "./load-course";

let cached: Course | undefined;

/**
 * The course from content/, validated. Invalid content throws a ContentValidationError listing every
 * `file:line: message`, which fails `next build` (static params are generated from this). Production
 * reads content once; the dev server re-reads it so authors see their edits.
 */
export function getCourse(): Course {
  if (cached && process.env.NODE_ENV === "production") return cached;
  const result = loadCourse(path.join(process.cwd(), "content"));
  if (!result.ok) throw new ContentValidationError(result.errors);
  cached = result.course;
  return cached;
}
