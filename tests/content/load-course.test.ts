import { describe, expect, test } from "vitest";
import { formatContentError } from "@/lib/content/content-error";
import { loadCourse } from "@/lib/content/load-course";
import { copyFixtureContent, editFile, LESSON_PATH, writeFile } from "./content-fixture";

const LESSON = "content/lessons/first-lesson/lesson.mdx";
const INDEX = "content/course.json";

describe("loadCourse", () => {
  test("loads the fixture course with its validated frontmatter", () => {
    const { rootDir, contentDir } = copyFixtureContent();
    const result = loadCourse(contentDir, rootDir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.course.modules.map((m) => m.id)).toEqual(["basics"]);
    const [lesson] = result.course.modules[0].lessons;
    expect(lesson).toMatchObject({
      id: "first-lesson",
      moduleId: "basics",
      file: LESSON,
      title: "A first lesson",
      objectives: ["Read a highlighted manifest", "Notice a callout"],
      estimatedMinutes: 5,
    });
    // The body keeps the file's line numbers: frontmatter lines become empty lines.
    expect(lesson.body.split("\n")[10]).toBe("Some **Markdown** text with `inline code`.");
  });

  const setFrontmatter = (from: string, to: string) => (dir: string) => editFile(dir, LESSON_PATH, (t) => t.replace(from, to));
  const setIndex = (edit: (text: string) => string) => (dir: string) => editFile(dir, "course.json", edit);

  test.each([
    { label: "missing title", mutate: setFrontmatter("title: A first lesson\n", ""), expected: `${LESSON}:2: frontmatter title:` },
    { label: "estimatedMinutes out of range", mutate: setFrontmatter("estimatedMinutes: 5", "estimatedMinutes: 0"), expected: `${LESSON}:8: frontmatter estimatedMinutes:` },
    { label: "fractional estimatedMinutes", mutate: setFrontmatter("estimatedMinutes: 5", "estimatedMinutes: 2.5"), expected: `${LESSON}:8: frontmatter estimatedMinutes: must be a whole number of minutes` },
    { label: "a single objective", mutate: setFrontmatter("  - Notice a callout\n", ""), expected: `${LESSON}:6: frontmatter objectives: list 2 to 6 objectives` },
    { label: "an unknown field", mutate: setFrontmatter("estimatedMinutes: 5", "estimatedMinutes: 5\ntags: [a]"), expected: `${LESSON}:9: frontmatter Unrecognized key: "tags"` },
    { label: "draft that is not a boolean", mutate: setFrontmatter("estimatedMinutes: 5", "estimatedMinutes: 5\ndraft: sometimes"), expected: `${LESSON}:9: frontmatter draft:` },
    { label: "id that differs from the folder", mutate: setFrontmatter("id: first-lesson", "id: other-lesson"), expected: `${LESSON}:2: frontmatter id "other-lesson" must equal the folder name "first-lesson"` },
    { label: "id that is not kebab-case", mutate: setFrontmatter("id: first-lesson", "id: First_Lesson"), expected: `${LESSON}:2: frontmatter id: must be kebab-case` },
    { label: "YAML syntax error", mutate: setFrontmatter("title: A first lesson", "title: [unclosed"), expected: `${LESSON}:4: frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]` },
    { label: "no frontmatter at all", mutate: (dir: string) => writeFile(dir, LESSON_PATH, "# Just text\n"), expected: `${LESSON}:1: a lesson must start with YAML frontmatter` },
    { label: "frontmatter never closed", mutate: setFrontmatter("estimatedMinutes: 5\n---", "estimatedMinutes: 5\n"), expected: `${LESSON}:1: the frontmatter opened on line 1 is never closed` },
    { label: "lesson listed twice", mutate: setIndex((t) => t.replace('["first-lesson"]', '["first-lesson",\n "first-lesson"]')), expected: `${INDEX}:11: lesson "first-lesson" is listed twice (first in module "basics")` },
    { label: "listed lesson without a file", mutate: setIndex((t) => t.replace('["first-lesson"]', '["first-lesson", "ghost-lesson"]')), expected: `${INDEX}:10: lesson "ghost-lesson" has no content/lessons/ghost-lesson/lesson.mdx` },
    { label: "lesson folder missing from the index", mutate: (dir: string) => writeFile(dir, "lessons/stray/lesson.mdx", "---\n---\n"), expected: 'content/lessons/stray/lesson.mdx:1: lesson "stray" is not listed in any module of content/course.json' },
    { label: "module without a title", mutate: setIndex((t) => t.replace('"title": "Basics",\n', "")), expected: `${INDEX}:6: modules.0.title:` },
    { label: "module listed twice", mutate: setIndex((t) => t.replace('"modules": [', '"modules": [\n{ "id": "basics", "title": "B", "summary": "S", "lessons": ["other"] },')), expected: `${INDEX}:8: module "basics" is listed twice` },
    { label: "index that is not JSON", mutate: setIndex((t) => t.replace('"title": "Fixture course",', '"title": "Fixture course"')), expected: `${INDEX}:4:` },
    { label: "index without modules", mutate: setIndex(() => '{ "id": "c", "title": "T", "summary": "S", "modules": [] }'), expected: `${INDEX}:1: modules: the course needs at least one module` },
  ])("reports $label as file:line", ({ mutate, expected }) => {
    const { rootDir, contentDir } = copyFixtureContent();
    mutate(contentDir);
    const result = loadCourse(contentDir, rootDir);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map(formatContentError);
    expect(messages.some((message) => message.startsWith(expected)), messages.join("\n")).toBe(true);
  });

  test("reports a missing index instead of throwing", () => {
    const { rootDir } = copyFixtureContent();
    const result = loadCourse(`${rootDir}/nowhere`, rootDir);
    expect(result.ok ? [] : result.errors.map(formatContentError)).toEqual(["nowhere/course.json:1: the course index is missing"]);
  });
});
