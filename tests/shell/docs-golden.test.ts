import { describe, expect, test } from "vitest";
import { readDocsGoldenFiles, runDocsCase } from "@/tests/shell/fixtures/docs-golden";

/**
 * Golden files whose expected text is copied from published documentation (tests/golden/docs/README.md lists
 * every page and case). Each case rebuilds the page's cluster, runs the page's command in the simulated
 * terminal, and must print the page's output byte for byte. A documented output the simulator cannot honestly
 * reproduce stays in its file with a `# skip:` reason and is reported as skipped, never rewritten.
 */
const files = readDocsGoldenFiles();

describe("output copied from the documentation", () => {
  test("every page has cases and names its source", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.cases.length, file.name).toBeGreaterThan(0);
      expect(file.header.some((line) => line.startsWith("# Source: ")), file.name).toBe(true);
    }
  });

  for (const file of files) {
    describe(file.name, () => {
      for (const golden of file.cases) {
        const name = golden.id.slice(file.name.length + 1);
        if (golden.skip) test.skip(`${name} (not reproduced: ${golden.skip})`, () => {});
        else test(name, () => expect(runDocsCase(golden)).toBe(golden.expected));
      }
    });
  }
});
