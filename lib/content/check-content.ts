import { compileLesson } from "./compile-lesson";
import type { ContentError } from "./content-error";
import { listLessons } from "./course-navigation";
import { loadCourse } from "./load-course";

export interface ContentCheckReport {
  lessons: number;
  errors: ContentError[];
}

/**
 * What `npm run content:check` and `next build` both require of content/: a valid index, valid
 * frontmatter, and every lesson compiling with only the registered components.
 */
export async function checkContent(contentDir: string, rootDir: string = process.cwd()): Promise<ContentCheckReport> {
  const loaded = loadCourse(contentDir, rootDir);
  if (!loaded.ok) return { lessons: 0, errors: loaded.errors };
  const lessons = listLessons(loaded.course);
  const errors: ContentError[] = [];
  for (const lesson of lessons) {
    const compiled = await compileLesson(lesson);
    if (!compiled.ok) errors.push(...compiled.errors);
  }
  return { lessons: lessons.length, errors };
}
