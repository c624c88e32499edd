import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, test } from "vitest";
import { DEFAULT_MANIFEST_LIMITS } from "@/lib/sim/manifest/manifest-limits";
import { parseManifests, type ParseManifestsResult } from "@/lib/sim/manifest/parse-manifests";

/**
 * Every message parseManifests can give, by shape: go-yaml's conversion errors, the limits, and kubectl's
 * client-side "invalid object" validation. A message of any other shape is an exception the parser caught
 * from itself (`error parsing STDIN: Cannot read properties of undefined`), which is a crash in disguise.
 */
const KNOWN_MESSAGES = [
  /^error parsing STDIN: error converting YAML to JSON: yaml: /,
  /^error parsing STDIN: the text is \d+ bytes; at most \d+ bytes are accepted$/,
  /^error parsing STDIN: objects may be nested at most \d+ levels deep$/,
  /^error parsing STDIN: at most \d+ objects are accepted in one text$/,
  /^error validating "STDIN": error validating data: invalid object to validate; /,
];

function expectWellFormed(text: string, result: ParseManifestsResult): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  expect(result.documents.length).toBeLessThanOrEqual(DEFAULT_MANIFEST_LIMITS.maxDocuments);
  for (const error of result.errors) {
    expect(KNOWN_MESSAGES.some((shape) => shape.test(error.message)), error.message).toBe(true);
    if (error.position) {
      expect(error.position.line).toBeGreaterThanOrEqual(1);
      expect(error.position.line).toBeLessThanOrEqual(lines);
      expect(error.position.column).toBeGreaterThanOrEqual(1);
    }
  }
  result.documents.forEach((document, index) => {
    expect(document.index).toBe(index);
    expect(typeof document.object).toBe("object");
    expect(Array.isArray(document.object)).toBe(false);
  });
}

const yamlish = fc.array(
  fc.oneof(
    fc.constantFrom("---\n", "- ", ": ", "  ", "\n", "&a ", "*a ", "!!str ", "!!binary ", "? ", "[", "]", "{", "}", ",", "'", '"', "|\n", ">-\n", "#", "<<: *a\n", "%YAML 1.1\n", "...\n", "kind: List\nitems:\n", "apiVersion: v1\nkind: Pod\n", "\t", "\\", "\u00a0", "\ufeff", "\u2028"),
    fc.string({ maxLength: 8 }),
  ),
  { maxLength: 40 },
).map((parts) => parts.join(""));

/**
 * JSON-compatible values with no floats: YAML 1.1 spells some doubles (`1e+21`) as strings, which is not the point
 * here. `<<` keys only where they are quoted (JSON): the yaml package's stringify writes a `<<` key plainly, which
 * YAML 1.1 then reads as a merge key.
 */
function buildJsonish(keys: fc.Arbitrary<string>): { value: fc.Arbitrary<unknown>; top: fc.Arbitrary<Record<string, unknown>> } {
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(keys, tie("value"), { maxKeys: 5 }),
  })).value;
  const top = fc.dictionary(fc.oneof(keys, fc.constantFrom("apiVersion", "metadata", "spec")), value, { minKeys: 1, maxKeys: 6 }).filter((object) => object.kind !== "List");
  return { value, top };
}

const plainKeys = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "kind", "items", "yes", "on", "0755", "1:30", "~", "=", "null"));
const forJson = buildJsonish(fc.oneof(plainKeys, fc.constant("<<")));
const forYaml = buildJsonish(plainKeys);
const jsonish = forJson.value;

describe("parseManifests never crashes and reports every problem as a known message", () => {
  test("arbitrary strings, from any Unicode code unit", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 100 })), (text) => {
        expectWellFormed(text, parseManifests(text));
      }),
      { numRuns: 300 },
    );
  });

  test("YAML-shaped fragments: anchors, tags, merge keys, flow and block collections, directives", () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        expectWellFormed(text, parseManifests(text));
      }),
      { numRuns: 400 },
    );
  });

  test("any non-text value handed in by mistake is an error, not a crash", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.object()), (value) => {
        const result = parseManifests(value as unknown as string);
        expect(Array.isArray(result.documents)).toBe(true);
        expect(Array.isArray(result.errors)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe("parseManifests reads JSON and YAML serialisations of any object back to the same object", () => {
  test("JSON text", () => {
    fc.assert(
      fc.property(forJson.top, (value) => {
        const text = JSON.stringify(value);
        const result = parseManifests(text);
        expectWellFormed(text, result);
        expect(result.errors).toEqual([]);
        expect(result.documents.map((d) => d.object)).toEqual([value]);
      }),
      { numRuns: 150 },
    );
  });

  test("YAML 1.1 text", () => {
    fc.assert(
      fc.property(forYaml.top, (value) => {
        const text = stringify(value, { version: "1.1" });
        const result = parseManifests(text);
        expectWellFormed(text, result);
        expect(result.errors).toEqual([]);
        expect(result.documents.map((d) => d.object)).toEqual([value]);
      }),
      { numRuns: 150 },
    );
  });

  test("non-object documents (scalars, sequences, null-free) are refused with kubectl's invalid-object message", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.boolean(), fc.array(jsonish, { minLength: 1, maxLength: 3 })), (value) => {
        const text = JSON.stringify(value);
        const result = parseManifests(text);
        expectWellFormed(text, result);
        expect(result.documents).toEqual([]);
        expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe("parseManifests enforces its limits exactly", () => {
  test("nesting: depth up to the limit is read, one level more is refused (flow and block)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1200 }), fc.constantFrom("flow-seq", "flow-map", "block-seq"), (levels, style) => {
        // `a: ` adds the root mapping: the document is levels + 1 deep.
        const text =
          style === "flow-seq" ? `a: ${"[".repeat(levels)}${"]".repeat(levels)}` : style === "flow-map" ? `a: ${"{b: ".repeat(levels)}1${"}".repeat(levels)}` : `a:\n${"- ".repeat(levels)}x`;
        const depth = style === "flow-map" ? levels + 1 : levels + 1;
        const result = parseManifests(text);
        expectWellFormed(text, result);
        if (depth > DEFAULT_MANIFEST_LIMITS.maxDepth) {
          expect(result.errors.map((e) => e.message)).toEqual(["error parsing STDIN: objects may be nested at most 64 levels deep"]);
          expect(result.documents).toEqual([]);
        } else {
          expect(result.errors).toEqual([]);
          expect(result.documents).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("alias bombs are refused before they expand", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 9 }), (width, levels) => {
        const lines = [`l0: &l0 [${Array(width).fill("x").join(", ")}]`];
        for (let level = 1; level <= levels; level++) lines.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(", ")}]`);
        const text = lines.join("\n");
        const result = parseManifests(text);
        expectWellFormed(text, result);
        if (width ** (levels + 1) > 2 * DEFAULT_MANIFEST_LIMITS.maxExpandedNodes) {
          expect(result.errors.map((e) => e.message)).toEqual(["error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing"]);
        }
        if (result.errors.length === 0) expect(result.documents).toHaveLength(1);
      }),
      { numRuns: 80 },
    );
  });

  test("huge scalars: over the byte limit is refused by size, under it is read", () => {
    fc.assert(
      fc.property(fc.integer({ min: 200_000, max: 300_000 }), fc.constantFrom("x", "é", "😀"), (count, unit) => {
        const text = `data: ${unit.repeat(Math.floor(count / new TextEncoder().encode(unit).length))}`;
        const bytes = new TextEncoder().encode(text).length;
        const result = parseManifests(text);
        expectWellFormed(text, result);
        if (bytes > DEFAULT_MANIFEST_LIMITS.maxBytes) expect(result.errors[0].message).toBe(`error parsing STDIN: the text is ${bytes} bytes; at most ${DEFAULT_MANIFEST_LIMITS.maxBytes} bytes are accepted`);
        else expect(result.documents).toHaveLength(1);
      }),
      { numRuns: 20 },
    );
  });

  test("documents: up to the limit are read, more are cut at the limit with an error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 }), fc.boolean(), (count, asList) => {
        const objects = Array.from({ length: count }, (_, i) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}` } }));
        const text = asList ? JSON.stringify({ apiVersion: "v1", kind: "List", items: objects }) : objects.map((o) => JSON.stringify(o)).join("\n---\n");
        const result = parseManifests(text);
        expectWellFormed(text, result);
        expect(result.documents).toHaveLength(Math.min(count, DEFAULT_MANIFEST_LIMITS.maxDocuments));
        expect(result.errors.length > 0).toBe(count > DEFAULT_MANIFEST_LIMITS.maxDocuments);
      }),
      { numRuns: 25 },
    );
  });
});

describe("parseManifests words a merge-key mistake as go-yaml does", () => {
  // go-yaml v2 decode.go failWantMap: "map merge requires map or sequence of maps as the value", not an alias
  // bomb the learner never wrote (which the submission route would refuse as a limit).
  test.each([
    { label: "a scalar", text: 'a:\n  <<: ""\n' },
    { label: "a number", text: "<<: 1\n" },
    { label: "a sequence of scalars", text: "<<: [x, y]\n" },
  ])("merging $label", ({ text }) => {
    expect(parseManifests(text).errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^error parsing STDIN: error converting YAML to JSON: yaml: (line \d+: )?map merge requires map or sequence of maps as the value$/),
    ]);
  });
});
