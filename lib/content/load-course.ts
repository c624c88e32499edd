import fs from "node:fs";
import path from "node:path";
import type { ContentError } from "./content-error";
import { parseLessonSource } from "./parse-lesson-source";
import { locateSchemaIssues, parseLocatedDocument } from "./parse-located-document";
import { CourseIndexSchema, type LessonFrontmatter } from "./schema";

export interface Lesson extends LessonFrontmatter {
  moduleId: string;
  /** Path of lesson.mdx relative to the project root, used in error messages. */
  file: string;
  /** MDX body, line-aligned with the file (see parseLessonSource). */
  body: string;
}

export interface CourseModule {
  id: string;
  title: string;
  summary: string;
  lessons: Lesson[];
}

export interface Course {
  id: string;
  title: string;
  summary: string;
  modules: CourseModule[];
}

export type CourseLoadResult = { ok: true; course: Course } | { ok: false; errors: ContentError[] };

const LESSON_FILE = "lesson.mdx";

/**
 * Reads content/course.json and every lesson it lists, validating the index, each lesson's frontmatter,
 * and the links between them (id equals folder, every lesson listed exactly once). All problems are
 * returned together so an author fixes them in one pass.
 */
export function loadCourse(contentDir: string, rootDir: string = process.cwd()): CourseLoadResult {
  const relative = (absolute: string) => path.relative(rootDir, absolute).split(path.sep).join("/");
  const indexPath = path.join(contentDir, "course.json");
  const indexFile = relative(indexPath);
  if (!fs.existsSync(indexPath)) return { ok: false, errors: [{ file: indexFile, line: 1, message: "the course index is missing" }] };

  const document = parseLocatedDocument(fs.readFileSync(indexPath, "utf8"));
  if (document.syntaxErrors.length > 0) {
    return { ok: false, errors: document.syntaxErrors.map((e) => ({ file: indexFile, ...e })) };
  }
  const index = CourseIndexSchema.safeParse(document.value);
  if (!index.success) {
    return { ok: false, errors: locateSchemaIssues(document, index.error.issues).map((e) => ({ file: indexFile, ...e })) };
  }

  const errors: ContentError[] = [];
  const seenModules = new Set<string>();
  const seenLessons = new Map<string, string>();
  const modules: CourseModule[] = [];
  index.data.modules.forEach((module, moduleIndex) => {
    if (seenModules.has(module.id)) {
      errors.push({ file: indexFile, line: document.lineOf(["modules", moduleIndex, "id"]), message: `module "${module.id}" is listed twice` });
    }
    seenModules.add(module.id);
    const lessons: Lesson[] = [];
    module.lessons.forEach((lessonId, lessonIndex) => {
      const line = document.lineOf(["modules", moduleIndex, "lessons", lessonIndex]);
      const firstModule = seenLessons.get(lessonId);
      if (firstModule !== undefined) {
        errors.push({ file: indexFile, line, message: `lesson "${lessonId}" is listed twice (first in module "${firstModule}")` });
        return;
      }
      seenLessons.set(lessonId, module.id);
      const lessonPath = path.join(contentDir, "lessons", lessonId, LESSON_FILE);
      const file = relative(lessonPath);
      if (!fs.existsSync(lessonPath)) {
        errors.push({ file: indexFile, line, message: `lesson "${lessonId}" has no ${file}` });
        return;
      }
      const parsed = parseLessonSource(file, fs.readFileSync(lessonPath, "utf8"));
      if (!parsed.ok) {
        errors.push(...parsed.errors);
        return;
      }
      const { frontmatter, body, lineOf } = parsed.lesson;
      if (frontmatter.id !== lessonId) {
        errors.push({ file, line: lineOf(["id"]), message: `frontmatter id "${frontmatter.id}" must equal the folder name "${lessonId}"` });
        return;
      }
      lessons.push({ ...frontmatter, moduleId: module.id, file, body });
    });
    modules.push({ id: module.id, title: module.title, summary: module.summary, lessons });
  });
  errors.push(...findUnlistedLessons(contentDir, seenLessons, relative));

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, course: { id: index.data.id, title: index.data.title, summary: index.data.summary, modules } };
}

function findUnlistedLessons(contentDir: string, listed: ReadonlyMap<string, string>, relative: (p: string) => string): ContentError[] {
  const lessonsDir = path.join(contentDir, "lessons");
  if (!fs.existsSync(lessonsDir)) return [];
  return fs
    .readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !listed.has(entry.name))
    .filter((entry) => fs.existsSync(path.join(lessonsDir, entry.name, LESSON_FILE)))
    .map((entry) => ({
      file: relative(path.join(lessonsDir, entry.name, LESSON_FILE)),
      line: 1,
      message: `lesson "${entry.name}" is not listed in any module of content/course.json`,
    }));
}
