import { describe, expect, test } from "vitest";
import { compileLesson } from "@/lib/content/compile-lesson";
import { formatContentError } from "@/lib/content/content-error";
import { loadCourse } from "@/lib/content/load-course";
import { parseLessonSource } from "@/lib/content/parse-lesson-source";
import { copyFixtureContent, lessonWithBody } from "./content-fixture";

const FILE = "content/lessons/first-lesson/lesson.mdx";

function compileBody(body: string) {
  const parsed = parseLessonSource(FILE, lessonWithBody(body));
  if (!parsed.ok) throw new Error("fixture frontmatter must be valid");
  return compileLesson({ file: FILE, body: parsed.lesson.body });
}

describe("compileLesson", () => {
  test("compiles the fixture: headings with unique ids, highlighted code with both themes, tables", async () => {
    const { rootDir, contentDir } = copyFixtureContent();
    const loaded = loadCourse(contentDir, rootDir);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatContentError).join("\n"));
    const result = await compileLesson(loaded.course.modules[0].lessons[0]);
    if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
    expect(result.lesson.headings).toEqual([
      { depth: 2, id: "a-service", text: "A Service" },
      { depth: 3, id: "same-name-twice", text: "Same name twice" },
      { depth: 2, id: "a-service-1", text: "A Service" },
    ]);
    const { code } = result.lesson;
    expect(code).toContain("--shiki-light");
    expect(code).toContain("--shiki-dark");
    expect(code).toContain("data-rehype-pretty-code-title");
    expect(code).toContain("service.yaml");
    expect(code).toMatch(/"table"/);
  });

  test("returns the cached result for an unchanged lesson", async () => {
    const body = lessonWithBody("Plain text.");
    const first = compileLesson({ file: FILE, body });
    expect(compileLesson({ file: FILE, body })).toBe(first);
  });

  test.each([
    { label: "an unclosed component", body: "Intro.\n\n<Callout type=\"note\">\n\nnever closed\n", expected: `${FILE}:12: MDX: Expected a closing tag for \`<Callout>\`` },
    { label: "an unclosed expression", body: "Intro.\n\nText {oops\n", expected: `${FILE}:12: MDX: Unexpected end of file in expression` },
    { label: "an unknown component", body: "Intro.\n\n<Quiz />\n", expected: `${FILE}:12: unknown component <Quiz>; lessons may use <Callout>, <Exercise>, <Terminal>` },
    { label: "a misspelt component inline", body: "Intro with <Calout type=\"note\">x</Calout>.\n", expected: `${FILE}:10: unknown component <Calout>` },
    { label: "a Callout of an unknown type", body: "Intro.\n\n<Callout type=\"info\">x</Callout>\n", expected: `${FILE}:12: <Callout type="info"> is not one of note, tip, warning, danger` },
    { label: "a Callout without a type", body: "<Callout>x</Callout>\n", expected: `${FILE}:10: <Callout> needs a type="…" attribute` },
    { label: "an Exercise without an id", body: "<Exercise />\n", expected: `${FILE}:10: <Exercise> needs a id="…" attribute` },
    { label: "an import", body: "Intro.\n\nimport x from 'y'\n", expected: `${FILE}:12: lessons may not use import or export` },
  ])("reports $label as file:line", async ({ body, expected }) => {
    const result = await compileBody(body);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map(formatContentError);
    expect(messages.some((message) => message.startsWith(expected)), messages.join("\n")).toBe(true);
  });
});
