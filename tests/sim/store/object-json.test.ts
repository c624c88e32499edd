import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { copyJson } from "@/lib/sim/store/object-json";

/** What copyJson promises: the value as encoding to JSON and decoding again gives it. */
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("copyJson", () => {
  test("gives what the JSON round trip gives, member order included, for any value JSON can encode", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withDate: true, withMap: true, withSet: true }),
        (value) => {
          if (JSON.stringify(value) === undefined) return;
          expect(JSON.stringify(copyJson(value))).toBe(JSON.stringify(roundTrip(value)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test.each([
    { label: "undefined members are dropped", value: { a: 1, b: undefined }, expected: { a: 1 } },
    { label: "undefined array elements become null", value: [1, undefined], expected: [1, null] },
    { label: "NaN and Infinity become null", value: { a: Number.NaN, b: [Infinity] }, expected: { a: null, b: [null] } },
    { label: "a Date becomes its ISO text", value: { at: new Date(0) }, expected: { at: "1970-01-01T00:00:00.000Z" } },
  ])("$label", ({ value, expected }) => {
    expect(copyJson(value)).toEqual(expected);
  });

  test("-0 is written as 0", () => {
    expect(Object.is(copyJson({ n: -0 }).n, 0)).toBe(true);
  });

  test("a __proto__ member stays a member, as JSON.parse keeps it", () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;
    const copy = copyJson(value);
    expect(Object.keys(copy)).toEqual(["__proto__", "y"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  test("the copy shares nothing with the original", () => {
    const value = { spec: { ports: [{ port: 80 }] } };
    const copy = copyJson(value);
    copy.spec.ports[0].port = 81;
    expect(value.spec.ports[0].port).toBe(80);
  });

  test("a cycle throws JSON's TypeError", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => copyJson(cyclic)).toThrow(TypeError);
  });
});
