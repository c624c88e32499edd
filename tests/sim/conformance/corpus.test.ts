import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { QUERY_SCHEMAS, conformanceCaseSchema, formatSchemaIssues, type QueryType } from "@/lib/sim/conformance/conformance-case";
import { buildNetworkPolicyE2ECases } from "@/scripts/conformance-corpus/network-policy-e2e";
import { buildNetworkPolicyDocsCases } from "@/scripts/conformance-corpus/network-policy-docs";
import { buildIngressCases } from "@/scripts/conformance-corpus/ingress";
import { buildEndpointsCases } from "@/scripts/conformance-corpus/endpoints";
import { buildDnsCases } from "@/scripts/conformance-corpus/dns";
import { buildValidationCases } from "@/scripts/conformance-corpus/validation";

const DIR = path.resolve(__dirname, "../../conformance");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const corpus = files.map((file) => ({ file, cases: JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as unknown[] }));

describe("the project's conformance corpus", () => {
  test("has the five topic files", () => {
    expect(files).toEqual(["dns.json", "endpoints.json", "ingress.json", "network-policy.json", "validation.json"]);
  });

  test.each(corpus.map((c) => [c.file, c.cases] as const))("%s: every case and query is well-formed", (_file, cases) => {
    for (const raw of cases) {
      const parsed = conformanceCaseSchema.safeParse(raw);
      expect(parsed.success, parsed.success ? "" : formatSchemaIssues(parsed.error)).toBe(true);
      if (!parsed.success) continue;
      for (const query of parsed.data.queries) {
        const type = (query as { type: QueryType }).type;
        const result = QUERY_SCHEMAS[type].safeParse(query);
        expect(result.success, `${parsed.data.id}: ${result.success ? "" : formatSchemaIssues(result.error)}`).toBe(true);
      }
    }
  });

  test("every case cites its upstream source with a quote", () => {
    for (const { cases } of corpus) {
      for (const c of cases as { id: string; source?: string }[]) {
        expect(c.source, c.id).toMatch(/[\w.-]+\/[\w.-]+ [\w./-]+|the course article/);
        expect(c.source, c.id).toMatch(/"[^"]+"/);
      }
    }
  });

  test("case ids are unique across files", () => {
    const ids = corpus.flatMap(({ cases }) => (cases as { id: string }[]).map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("covers every query type, at least 300 queries in all", () => {
    const counts: Record<string, number> = {};
    for (const { cases } of corpus) for (const c of cases as { queries: { type: string }[] }[]) for (const q of c.queries) counts[q.type] = (counts[q.type] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(["connect", "dns", "endpoints", "ingress", "validate"]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300);
    expect(counts.connect).toBeGreaterThanOrEqual(120);
    expect(counts.ingress).toBeGreaterThanOrEqual(60);
    expect(counts.validate).toBeGreaterThanOrEqual(60);
    expect(counts.dns).toBeGreaterThanOrEqual(40);
    expect(counts.endpoints).toBeGreaterThanOrEqual(30);
  });

  test("the committed JSON is what scripts/generate-conformance-corpus.ts writes", () => {
    const generated: Record<string, unknown> = {
      "network-policy.json": [...buildNetworkPolicyE2ECases(), ...buildNetworkPolicyDocsCases()],
      "ingress.json": buildIngressCases(),
      "endpoints.json": buildEndpointsCases(),
      "dns.json": buildDnsCases(),
      "validation.json": buildValidationCases(),
    };
    for (const { file, cases } of corpus) expect(cases, file).toEqual(JSON.parse(JSON.stringify(generated[file])));
  });
});
