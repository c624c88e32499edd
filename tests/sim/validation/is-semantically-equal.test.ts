import { expect, test } from "vitest";
import { isSemanticallyEqual } from "@/lib/sim/validation/is-semantically-equal";

test.each([
  { label: "maps in another key order", a: { app: "web", tier: "front" }, b: { tier: "front", app: "web" }, equal: true },
  { label: "nested maps", a: { matchLabels: { a: "1", b: "2" } }, b: { matchLabels: { b: "2", a: "1" } }, equal: true },
  { label: "lists keep their order", a: ["a", "b"], b: ["b", "a"], equal: false },
  { label: "a missing key", a: { a: 1 }, b: { a: 1, b: 2 }, equal: false },
  { label: "an undefined key is absent", a: { a: 1, b: undefined }, b: { a: 1 }, equal: true },
  { label: "a list is not a map", a: [], b: {}, equal: false },
  { label: "null and an empty map differ", a: null, b: {}, equal: false },
])("$label → $equal", ({ a, b, equal }) => {
  expect(isSemanticallyEqual(a, b)).toBe(equal);
  expect(isSemanticallyEqual(b, a)).toBe(equal);
});
