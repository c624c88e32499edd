import { describe, expect, test } from "vitest";
import { formatTrace } from "@/lib/sim/network/format-trace";

describe("formatTrace", () => {
  test.each([
    { label: "pass without a source", hops: [{ kind: "dns" as const, outcome: "pass" as const, summary: "web → 10.96.0.20" }], want: "✓ dns       web → 10.96.0.20" },
    {
      label: "fail pointing at a YAML line",
      hops: [{ kind: "service" as const, outcome: "fail" as const, summary: "no endpoints", object: { kind: "Service", name: "web", namespace: "shop" }, field: "spec.selector", position: { line: 8, column: 5 } }],
      want: "✗ service   no endpoints  [Service shop/web, spec.selector, line 8]",
    },
    { label: "info", hops: [{ kind: "policy" as const, outcome: "info" as const, summary: "not enforced" }], want: "· policy    not enforced" },
  ])("$label", ({ hops, want }) => {
    expect(formatTrace(hops)).toBe(want);
  });
  test("one line per hop", () => {
    expect(formatTrace([{ kind: "dns", outcome: "pass", summary: "a" }, { kind: "node", outcome: "pass", summary: "b" }]).split("\n")).toHaveLength(2);
  });
});
