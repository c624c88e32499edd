import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { evaluateConformanceCase, evaluateConformanceFile } from "@/lib/sim/conformance/evaluate-conformance-case";
import { buildFakeSimulator } from "./fake-conformance-simulator";

const sim = buildFakeSimulator();

/** Query-shaped values: a known or unknown type with arbitrary fields, so schemas are exercised, not just skipped. */
const queryLike = fc.record(
  {
    type: fc.oneof(fc.constantFrom("connect", "ingress", "endpoints", "dns", "validate"), fc.string()),
    from: fc.oneof(fc.record({ pod: fc.string() }), fc.record({ ip: fc.string() }), fc.jsonValue()),
    to: fc.oneof(fc.record({ pod: fc.string() }), fc.jsonValue()),
    port: fc.oneof(fc.integer(), fc.string()),
    host: fc.oneof(fc.string(), fc.constant(null)),
    path: fc.string(),
    service: fc.string(),
    fromNamespace: fc.string(),
    name: fc.string(),
    object: fc.jsonValue(),
    expect: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const caseLike = fc.record(
  {
    id: fc.oneof(fc.string(), fc.jsonValue()),
    source: fc.string(),
    cluster: fc.oneof(fc.record({ cni: fc.constantFrom("calico", "flannel", "weave") }), fc.jsonValue()),
    manifests: fc.oneof(fc.array(fc.dictionary(fc.string(), fc.jsonValue())), fc.jsonValue()),
    queries: fc.oneof(fc.array(queryLike, { maxLength: 4 }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe("the runner on untrusted case files", () => {
  test("never throws and accounts for every query, whatever the case holds", () => {
    fc.assert(
      fc.property(caseLike, (raw) => {
        const results = evaluateConformanceCase(sim, raw);
        expect(results.length).toBeGreaterThanOrEqual(1);
        for (const r of results) {
          expect(typeof r.caseId).toBe("string");
          expect(typeof r.summary).toBe("string");
          expect(typeof r.expected).toBe("string");
          expect(typeof r.got).toBe("string");
          expect(r.passed ? r.expected === r.got : true).toBe(true);
        }
        const queries = (raw as { queries?: unknown }).queries;
        if (results[0].index >= 0 && Array.isArray(queries)) expect(results).toHaveLength(queries.length);
      }),
      { numRuns: 300 },
    );
  });

  test("never throws on any JSON value as a file", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(evaluateConformanceFile(sim, json, "f.json").length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
