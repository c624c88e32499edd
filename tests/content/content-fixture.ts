import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const FIXTURE_CONTENT = path.resolve(__dirname, "..", "fixtures", "content");
export const FIXTURE_LESSON = "content/lessons/first-lesson/lesson.mdx";

/** A private copy of tests/fixtures/content as <root>/content, for tests that break it on purpose. */
export function copyFixtureContent(): { rootDir: string; contentDir: string } {
  const rootDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-content-"));
  const contentDir = path.join(rootDir, "content");
  fs.cpSync(FIXTURE_CONTENT, contentDir, { recursive: true });
  return { rootDir, contentDir };
}

export function editFile(contentDir: string, relative: string, edit: (text: string) => string): void {
  const file = path.join(contentDir, relative);
  fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
}

export function writeFile(contentDir: string, relative: string, text: string): void {
  const file = path.join(contentDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export const LESSON_PATH = "lessons/first-lesson/lesson.mdx";

/** A valid frontmatter block (lines 1–9) followed by `body`, whose first line is therefore line 10. */
export function lessonWithBody(body: string): string {
  return [
    "---",
    "id: first-lesson",
    "title: A first lesson",
    "summary: A lesson body under test.",
    "objectives:",
    "  - One",
    "  - Two",
    "estimatedMinutes: 5",
    "---",
    body,
  ].join("\n");
}
