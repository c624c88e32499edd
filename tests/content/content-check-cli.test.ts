import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { copyFixtureContent, editFile, LESSON_PATH } from "./content-fixture";

const ROOT = path.resolve(__dirname, "..", "..");

function runContentCheck(rootDir: string) {
  return spawnSync(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["--tsconfig", path.join(ROOT, "tsconfig.json"), path.join(ROOT, "scripts", "content-check.ts"), "content"],
    { cwd: rootDir, encoding: "utf8", env: { ...process.env, NODE_ENV: "test" } },
  );
}

describe("npm run content:check", () => {
  test("passes a valid course and says how many lessons it checked", () => {
    const { rootDir } = copyFixtureContent();
    const result = runContentCheck(rootDir);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^content: 1 lessons and 0 exercises checked, 0 problems/m);
    expect(result.status).toBe(0);
  });

  test("fails with one file:line line per problem", () => {
    const { rootDir, contentDir } = copyFixtureContent();
    editFile(contentDir, LESSON_PATH, (text) => text.replace("<Callout type=\"tip\"", "<Callout type=\"hint\""));
    const result = runContentCheck(rootDir);
    expect(result.stderr.trim().split("\n")).toEqual([
      'content/lessons/first-lesson/lesson.mdx:24: <Callout type="hint"> is not one of note, tip, warning, danger',
    ]);
    expect(result.stdout).toMatch(/1 problems/);
    expect(result.status).toBe(1);
  });
});
