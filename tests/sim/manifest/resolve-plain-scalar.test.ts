import fc from "fast-check";
import { isMap, isScalar, parseDocument } from "yaml";
import { describe, expect, test } from "vitest";
import { resolvePlainScalar } from "@/lib/sim/manifest/resolve-plain-scalar";

/** What the yaml package, configured as parseManifests configures it, makes of `source` as a plain value. */
function resolvedByYaml(source: string): { value: unknown } | undefined {
  const doc = parseDocument(`a: ${source}\n`, {
    version: "1.1",
    customTags: (tags) => tags.filter((tag) => typeof tag === "string" || (tag.tag !== "tag:yaml.org,2002:timestamp" && tag.format !== "TIME")),
  });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const value = doc.contents.items[0]?.value;
  if (!isScalar(value) || value.type !== "PLAIN" || value.source !== source) return undefined;
  return { value: value.value };
}

describe("resolvePlainScalar: YAML 1.1 plain scalars as go-yaml v2 resolves them (go-yaml/yaml v2 resolve.go, yaml.org/type)", () => {
  test.each([
    // https://yaml.org/type/bool.html: y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
    { source: "yes", value: true },
    { source: "Y", value: true },
    { source: "On", value: true },
    { source: "no", value: false },
    { source: "n", value: false },
    { source: "OFF", value: false },
    { source: "yEs", value: "yEs" },
    // https://yaml.org/type/null.html
    { source: "~", value: null },
    { source: "Null", value: null },
    { source: "nULL", value: "nULL" },
    // https://yaml.org/type/int.html: octal with a leading 0, hex, binary, underscores
    { source: "0755", value: 0o755 },
    { source: "-0755", value: -0o755 },
    { source: "08", value: 8 },
    { source: "0x1F", value: 31 },
    { source: "0b101", value: 5 },
    { source: "1_000", value: 1000 },
    { source: "-0", value: -0 },
    { source: "0o17", value: "0o17" },
    // https://yaml.org/type/float.html
    { source: ".inf", value: Infinity },
    { source: "-.Inf", value: -Infinity },
    { source: ".NaN", value: NaN },
    { source: "1e3", value: 1000 },
    { source: "1.50", value: 1.5 },
    { source: ".5", value: 0.5 },
    // Timestamps and base-60 numbers are not decoded by go-yaml (go-yaml/yaml#293): they stay strings.
    { source: "2024-01-02", value: "2024-01-02" },
    { source: "10:30", value: "10:30" },
    { source: "1:30.5", value: "1:30.5" },
    { source: "web", value: "web" },
  ])("$source", ({ source, value }) => {
    expect(resolvePlainScalar(source)).toStrictEqual(value);
    expect(resolvedByYaml(source)).toStrictEqual({ value });
  });

  test("agrees with the yaml package on any plain scalar made of number-ish and word characters", () => {
    const source = fc.stringMatching(/^[-+.]?[0-9a-zA-Z._+\-~:]{0,8}$/);
    fc.assert(
      fc.property(source, (text) => {
        const reference = resolvedByYaml(text);
        // Object.is: NaN is NaN, and -0 is not 0.
        if (reference) expect(Object.is(resolvePlainScalar(text), reference.value), `${text} → ${String(resolvePlainScalar(text))}, yaml: ${String(reference.value)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
