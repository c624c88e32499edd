import { describe, expect, test } from "vitest";
import { checkContent } from "@/lib/content/check-content";
import { formatContentError } from "@/lib/content/content-error";
import { copyFixtureContent, editFile, LESSON_PATH } from "./content-fixture";

describe("checkContent", () => {
  test("the fixture course passes", async () => {
    const { rootDir, contentDir } = copyFixtureContent();
    await expect(checkContent(contentDir, rootDir)).resolves.toEqual({ lessons: 1, exercises: 0, errors: [] });
  });

  test("an <Exercise> that names no exercise is reported at its line", async () => {
    const { rootDir, contentDir } = copyFixtureContent();
    editFile(contentDir, LESSON_PATH, (text) => `${text}\n<Exercise id="no-such-exercise" />\n`);
    const report = await checkContent(contentDir, rootDir);
    expect(report.errors.map(formatContentError)).toEqual([
      'content/lessons/first-lesson/lesson.mdx:34: <Exercise id="no-such-exercise"> names no exercise in content/lessons/*/exercises/',
    ]);
  });

  test("index problems stop the check before compiling", async () => {
    const { rootDir, contentDir } = copyFixtureContent();
    editFile(contentDir, "course.json", (text) => text.replace('"first-lesson"]', '"first-lesson", "missing"]'));
    const report = await checkContent(contentDir, rootDir);
    expect(report.lessons).toBe(0);
    expect(report.errors.map(formatContentError)).toEqual(['content/course.json:10: lesson "missing" has no content/lessons/missing/lesson.mdx']);
  });
});
