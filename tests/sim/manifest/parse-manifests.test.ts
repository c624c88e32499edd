import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseManifests, type ManifestEngine } from "@/lib/sim/manifest/parse-manifests";

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
`;

/** Both readers: the fast one (the default, for texts it vouches for) and the yaml package. */
const ENGINES: { engine: ManifestEngine }[] = [{ engine: "auto" }, { engine: "yaml" }];

describe.each(ENGINES)("parseManifests ($engine): documents", ({ engine }) => {
  test.each([
    { label: "one YAML document", text: SERVICE, kinds: ["Service"] },
    { label: "documents separated by ---, empty and comment-only ones skipped like kubectl", text: `---\n# nothing\n---\n${SERVICE}---\n\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n`, kinds: ["Service", "Namespace"] },
    { label: "one JSON object", text: '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}', kinds: ["Namespace"] },
    { label: "a JSON kind: List, applied item by item", text: '{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "b"}}]}', kinds: ["Namespace", "Namespace"] },
    { label: "a YAML kind: List", text: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\n", kinds: ["Namespace"] },
    { label: "an empty text", text: "", kinds: [] },
  ])("$label", ({ text, kinds }) => {
    const result = parseManifests(text, { engine });
    expect(result.errors).toEqual([]);
    expect(result.documents.map((d) => d.object.kind)).toEqual(kinds);
    expect(result.documents.map((d) => d.index)).toEqual(kinds.map((_, i) => i));
  });

  test("YAML 1.1 scalars are read as go-yaml v2 reads them: yes/on/y are booleans, 0755 is octal; timestamps and base-60 stay strings", () => {
    const [doc] = parseManifests("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  enabled: yes\n  tls: on\n  answer: y\n  mode: 0755\n  since: 2024-01-02\n  opens: 10:30\n  ratio: 1:30.5\n", { engine }).documents;
    expect(doc.object.data).toEqual({ enabled: true, tls: true, answer: true, mode: 493, since: "2024-01-02", opens: "10:30", ratio: "1:30.5" });
  });
});

describe.each(ENGINES)("parseManifests ($engine): ObjectSource.locate", ({ engine }) => {
  const [doc] = parseManifests(SERVICE, { file: "web.yaml", engine }).documents;
  test.each([
    { label: "a scalar field points at its value", field: "spec.ports[0].port", at: { line: 10, column: 11 } },
    { label: "a field inside a list item", field: "spec.ports[0].name", at: { line: 9, column: 11 } },
    { label: "a block mapping points at its key's line", field: "spec.selector", at: { line: 6, column: 3 } },
    { label: "an absent field points at the nearest enclosing field", field: "spec.ports[0].protocol", at: { line: 9, column: 5 } },
    { label: "an absent branch points at the deepest field that exists", field: "spec.sessionAffinityConfig.clientIP", at: { line: 5, column: 1 } },
    { label: "a map key in brackets", field: "spec.selector[app]", at: { line: 7, column: 10 } },
  ])("$label", ({ field, at }) => {
    expect(doc.source.locate(field)).toEqual(at);
    expect(doc.source.file).toBe("web.yaml");
  });

  test("items of a List locate inside their item", () => {
    const text = '{"apiVersion":"v1","kind":"List","items":[{"kind":"Namespace"},\n{"kind":"Service","spec":{"type":"X"}}]}';
    const { documents } = parseManifests(text, { engine });
    expect(documents[1].source.locate("spec.type")).toEqual({ line: 2, column: 34 });
  });

  test("positions of later documents count lines from the top of the text", () => {
    const { documents } = parseManifests(`${SERVICE}---\n${SERVICE}`, { engine });
    expect(documents[1].source.locate("metadata.name")).toEqual({ line: 15, column: 9 });
    expect(documents[1].source.docIndex).toBe(1);
  });
});

describe("parseManifests: errors", () => {
  test.each([
    {
      label: "a tab used as indentation (go-yaml's wording)",
      text: "apiVersion: v1\nkind: Service\nmetadata:\n\tname: a\n",
      message: "error parsing STDIN: error converting YAML to JSON: yaml: line 4: found character that cannot start any token",
      line: 4,
    },
    {
      label: "a duplicate key",
      text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n",
      message: 'error parsing STDIN: error converting YAML to JSON: yaml: line 5: key "name" already set in map',
      line: 5,
    },
    {
      label: "an alias to an anchor that does not exist (kubectl: yaml: unknown anchor 'x' referenced)",
      text: "apiVersion: v1\nkind: ConfigMap\ndata: *x\n",
      message: "error parsing STDIN: error converting YAML to JSON: yaml: unknown anchor 'x' referenced",
      line: 1,
    },
    {
      label: "a merge key whose value is not a map (go-yaml's failWantMap)",
      text: "metadata:\n  <<: 1\n",
      message: "error parsing STDIN: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value",
      line: 1,
    },
    {
      label: "a scalar document (kubectl: invalid object to validate)",
      text: "hello\n",
      message: 'error validating "STDIN": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
      line: 1,
    },
    {
      label: "a list document",
      text: "- a\n- b\n",
      message: 'error validating "STDIN": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
      line: 1,
    },
    {
      label: "a NUL byte",
      text: "apiVersion: v1\nkind: \u0000\n",
      message: "error parsing STDIN: error converting YAML to JSON: yaml: line 2: control characters are not allowed",
      line: 2,
    },
    {
      label: "binary junk",
      text: "\u0089PNG\r\n\u001a\n\u0000\u0000",
      message: "error parsing STDIN: error converting YAML to JSON: yaml: line 1: control characters are not allowed",
      line: 1,
    },
  ])("$label", ({ text, message, line }) => {
    const result = parseManifests(text);
    expect(result.documents).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toBe(message);
    expect(result.errors[0].position?.line).toBe(line);
  });

  test("an error in one document does not hide the others", () => {
    const result = parseManifests(`${SERVICE}---\nkey: [unclosed\n---\n${SERVICE}`);
    expect(result.documents).toHaveLength(2);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].docIndex).toBe(1);
  });

  test("the file label names the text in messages", () => {
    const result = parseManifests("- a\n", { file: "exercise.yaml" });
    expect(result.errors[0].message).toMatch(/^error validating "exercise.yaml":/);
  });
});

describe("parseManifests: limits on untrusted input", () => {
  test("text over the byte limit is refused before parsing", () => {
    const result = parseManifests(SERVICE, { limits: { maxBytes: 64 } });
    expect(result.documents).toEqual([]);
    expect(result.errors[0].message).toBe(`error parsing STDIN: the text is ${SERVICE.length} bytes; at most 64 bytes are accepted`);
  });

  test("the byte limit counts UTF-8 bytes, not characters", () => {
    expect(parseManifests("a: é\n", { limits: { maxBytes: 6 } }).errors).toEqual([]);
    expect(parseManifests("a: é\n", { limits: { maxBytes: 5 } }).errors).toHaveLength(1);
  });

  test("callers may tighten the limits but not loosen them", () => {
    const text = Array.from({ length: 101 }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n${i}\n`).join("---\n");
    const result = parseManifests(text, { limits: { maxDocuments: 1000 } });
    expect(result.documents).toHaveLength(100);
    expect(result.errors[0].message).toBe("error parsing STDIN: at most 100 objects are accepted in one text");
  });

  test("at most maxDocuments objects", () => {
    const text = Array.from({ length: 5 }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n${i}\n`).join("---\n");
    const result = parseManifests(text, { limits: { maxDocuments: 3 } });
    expect(result.documents).toHaveLength(3);
    expect(result.errors[0].message).toBe("error parsing STDIN: at most 3 objects are accepted in one text");
  });

  test.each([
    { label: "nested flow sequences", text: `a: ${"[".repeat(70)}1${"]".repeat(70)}\n` },
    { label: "nested block sequences", text: `${"- ".repeat(70)}x\n` },
    { label: "100 000 unclosed brackets", text: `a: ${"[".repeat(100_000)}` },
    { label: "nested block mappings", text: Array.from({ length: 80 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " v\n" },
  ])("nesting deeper than 64 levels is refused: $label", ({ text }) => {
    const result = parseManifests(text);
    expect(result.documents).toEqual([]);
    expect(result.errors[0].message).toBe("error parsing STDIN: objects may be nested at most 64 levels deep");
  });

  test("nesting of exactly 64 levels is accepted", () => {
    const text = `a: ${"[".repeat(63)}1${"]".repeat(63)}\n`;
    expect(parseManifests(text).errors).toEqual([]);
  });

  test("a billion-laughs alias bomb is refused before it expands", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const started = performance.now();
    const result = parseManifests(`${levels.join("\n")}\n`);
    expect(result.documents).toEqual([]);
    expect(result.errors[0].message).toBe("error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test("ordinary anchors and merge keys still work", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &l {app: web}\n  annotations: *l\n";
    expect(parseManifests(text).documents[0].object.metadata).toEqual({ name: "a", labels: { app: "web" }, annotations: { app: "web" } });
  });
});

describe("parseManifests: never throws, always answers with values", () => {
  test("arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const result = parseManifests(text);
        expect(Array.isArray(result.documents)).toBe(true);
        for (const error of result.errors) expect(typeof error.message).toBe("string");
      }),
      { numRuns: 400 },
    );
  });

  test("YAML-ish fragments", () => {
    const token = fc.constantFrom("- ", "a: ", "[", "]", "{", "}", "&x ", "*x ", "<<: ", "\n", "  ", "\t", "'", '"', "#", "---\n", "? ", "|\n", ">-\n", "!!str ", ",", "80", "null", "~");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const result = parseManifests(tokens.join(""));
        expect(result.documents.length + result.errors.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  test("arbitrary JSON values serialised as JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const result = parseManifests(JSON.stringify(value));
        const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
        if (isObject && (value as { kind?: unknown }).kind !== "List") {
          expect(result.errors).toEqual([]);
          expect(result.documents[0].object).toEqual(JSON.parse(JSON.stringify(value)));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("deep nesting of any shape", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom("[", "{a: ", "- ", "a:\n "), (depth, opener) => {
        const result = parseManifests(opener.repeat(depth));
        expect(result.documents.length <= 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
