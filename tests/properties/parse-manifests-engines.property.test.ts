import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadAllExercises } from "@/lib/content/exercise-files";
import type { ManifestLimits } from "@/lib/sim/manifest/manifest-limits";
import { parseManifests, type ParseManifestsResult } from "@/lib/sim/manifest/parse-manifests";
import { readPositionedYaml } from "@/lib/sim/manifest/read-positioned-yaml";
import { yamlStream } from "./fixtures/yaml-stream";

/**
 * parseManifests has two readers: the yaml package (the reference, and the source of every error message) and a
 * fast one built on js-yaml that handles the texts it can read exactly the same way. These properties pin "exactly
 * the same": for any text, the default reader and `engine: "yaml"` give deep-equal documents (values down to
 * key order and negative zero), indices, document numbers and errors, and every field path — each leaf, each
 * intermediate node, and paths that go past the document — locates to the same line and column.
 */

/** A value with what toEqual would overlook made visible: key order, -0 and prototypes. */
function exact(value: unknown): unknown {
  if (typeof value === "number") return Object.is(value, -0) ? "number:-0" : `number:${value}`;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return { array: value.map(exact), length: value.length };
  return { prototype: Object.getPrototypeOf(value) === Object.prototype, entries: Object.entries(value).map(([k, v]) => [k, exact(v)]) };
}

/** Every path into a value in field-path notation, plus paths just past it (absent fields and items). */
function fieldPaths(value: unknown, prefix = "", out: string[] = []): string[] {
  out.push(prefix);
  if (value === null || typeof value !== "object") {
    out.push(prefix === "" ? "absent" : `${prefix}.absent`);
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => fieldPaths(item, `${prefix}[${i}]`, out));
    out.push(`${prefix}[${value.length}]`, `${prefix}.absent`);
    return out;
  }
  for (const key of Object.keys(value)) {
    const child = /^[^.[\]]+$/.test(key) ? (prefix === "" ? key : `${prefix}.${key}`) : `${prefix}[${key}]`;
    fieldPaths((value as Record<string, unknown>)[key], child, out);
  }
  out.push(prefix === "" ? "absent.deeper" : `${prefix}.absent.deeper`, `${prefix}[0]`);
  return out;
}

function expectSameReading(text: string, limits?: Partial<ManifestLimits>): ParseManifestsResult {
  const reference = parseManifests(text, { file: "a.yaml", limits, engine: "yaml" });
  const result = parseManifests(text, { file: "a.yaml", limits });
  expect(result.errors).toEqual(reference.errors);
  expect(result.documents.length).toBe(reference.documents.length);
  reference.documents.forEach((expected, i) => {
    const actual = result.documents[i];
    expect(exact(actual.object)).toEqual(exact(expected.object));
    expect([actual.index, actual.source.file, actual.source.docIndex]).toEqual([expected.index, expected.source.file, expected.source.docIndex]);
    for (const path of fieldPaths(expected.object)) {
      expect(actual.source.locate(path), `locate(${JSON.stringify(path)}) in document ${i}`).toEqual(expected.source.locate(path));
    }
  });
  return reference;
}

/** Whether the fast reader took the text (and the text needs no error): the properties must not be vacuous. */
function readFast(text: string, reference: ParseManifestsResult): boolean {
  return reference.errors.length === 0 && readPositionedYaml(text) !== undefined;
}

describe("parseManifests reads every text the same with either reader", () => {
  test("generated YAML streams: every scalar style, block and flow collections, comments, documents, CRLF, mutations", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(yamlStream, (text) => {
        runs++;
        if (readFast(text, expectSameReading(text))) fast++;
      }),
      { numRuns: 1500 },
    );
    // About two texts in five take the fast reader (the rest have errors or exotic constructs and prove the
    // fallback); the property says nothing about the fast reader if that share collapses.
    expect(fast / runs).toBeGreaterThan(0.25);
  });

  test("generated YAML streams under tightened limits: depth, expanded nodes and documents give up at the same point", () => {
    const limits = fc.record({ maxDepth: fc.integer({ min: 0, max: 5 }), maxExpandedNodes: fc.integer({ min: 0, max: 40 }), maxDocuments: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(yamlStream, limits, (text, tightened) => {
        expectSameReading(text, tightened);
      }),
      { numRuns: 500 },
    );
  });

  test("JSON and YAML serialisations of arbitrary objects", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { minKeys: 1, maxKeys: 6 }), fc.boolean(), (value, pretty) => {
        const json = JSON.stringify(value, null, pretty ? 2 : undefined);
        expectSameReading(json);
        expectSameReading(json.replace(/\n/g, "\r\n"));
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    { label: "values on a key's line and below it", text: "a:\nb: 1\nc:   \n  # c\nd:\n  e: 1\nf:\n- x\n-   y\n" },
    { label: "empty values in flow mappings", text: "a: {b, c: , d:}\n" },
    { label: "block scalars after a sequence dash", text: "a:\n  - >\n     x\n  - |-\n    y\n\n  - |+\n    z\n\n" },
    { label: "a mapping ended by a document marker", text: "a: 1\n---\nb: 2\n...\n" },
    { label: "scalars and flow collections on the line after their key", text: "a:\n  b\nc:\n  [1, 2]\nd:\n  {e: f}\n" },
    { label: "multi-line quoted and plain scalars", text: "a: 'x\n  y'\nb: \"x\n\n  y\\ty\"\nc: x\n  y\n" },
    { label: "comments after quoted scalars and inside flow collections", text: "a: \"#x\" # c\nb: [1, # c\n  2]\nc: {d: '#e' } # f\n" },
    { label: "a kind: List", text: "apiVersion: v1\nkind: List\nitems:\n- kind: Service\n  spec:\n    type: X\n- {kind: Pod}\n" },
    { label: "negative zero, NaN and infinities as keys and values", text: "-0: -0\n.nan: .nan\n.inf: -.inf\n0x10: 0b11\n" },
  ])("$label", ({ text }) => {
    const reference = expectSameReading(text);
    expect(readFast(text, reference)).toBe(true);
  });

  test.each([
    { label: "an anchor and an alias", text: "a: &x 1\nb: *x\n" },
    { label: "a tag", text: "a: !!str 1\n" },
    { label: "a merge key", text: "a: &x {b: 1}\nc:\n  <<: *x\n" },
    { label: "a directive", text: "%YAML 1.1\n---\na: 1\n" },
    { label: "an explicit key", text: "? a\n: 1\n" },
    { label: "a null key", text: "~: 1\n" },
    { label: "a flow-sequence pair", text: "a: [b: 1]\n" },
    { label: "an empty sequence item", text: "a:\n-\n- b\n" },
    { label: "a block scalar with an indentation indicator", text: "a: |2\n   x\n" },
    { label: "a double-quoted scalar with an escaped line break", text: 'a: "x\\\n\n  y"\n' },
    { label: "a code point beyond U+10FFFF", text: 'a: "\\U00110000"\n' },
    { label: "a tab", text: "a:\tb\n" },
    { label: "a comment glued to a quoted scalar", text: 'a: "b"#c\n' },
    { label: "a comment glued to a flow indicator", text: "a: [b,#c\n  ]\n" },
    { label: "js-yaml's `---x` document start", text: "---x: 1\n" },
    { label: "content on a document-marker line", text: "--- a: 1\n" },
    { label: "an insufficiently indented flow collection", text: "a: {\n  b: 1\n}\n" },
  ])("texts the fast reader leaves to the yaml package read the same: $label", ({ text }) => {
    const reference = expectSameReading(text);
    expect(readFast(text, reference)).toBe(false);
  });
});

describe("parseManifests reads the project's own YAML the same with either reader", () => {
  const exercises = [...loadAllExercises(path.join(process.cwd(), "content")).values()];
  const texts = exercises.flatMap((exercise) => [
    { name: `${exercise.id} scenario`, text: exercise.scenario.manifests },
    ...(exercise.workspace === "editor"
      ? [
          { name: `${exercise.id} solution`, text: exercise.solution },
          { name: `${exercise.id} starter`, text: exercise.starter },
          ...exercise.wrongAnswers.map((wrong) => ({ name: `${exercise.id} wrong answer "${wrong.name}"`, text: wrong.yaml })),
        ]
      : []),
  ]);
  const files = ["content", "tests"].flatMap((dir) => yamlFiles(path.join(process.cwd(), dir)));

  test.each(texts)("$name", ({ text }) => {
    expectSameReading(text);
  });

  test.each(files.map((file) => ({ file: path.relative(process.cwd(), file) })))("$file", ({ file }) => {
    expectSameReading(fs.readFileSync(file, "utf8"));
  });

  // Grading latency rests on this: the reference solutions and starters are what the benchmark and most grades read.
  test("every editor exercise's solution, starter and scenario takes the fast reader", () => {
    const slow = texts.filter(({ name, text }) => !/wrong answer/.test(name) && text.trim() !== "" && !readFast(text, parseManifests(text, { engine: "yaml" })));
    expect(slow.map(({ name }) => name)).toEqual([]);
  });
});

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}
