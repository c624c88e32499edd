import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Case } from "./conformance-corpus/corpus-types";
import { buildNetworkPolicyE2ECases } from "./conformance-corpus/network-policy-e2e";
import { buildNetworkPolicyDocsCases } from "./conformance-corpus/network-policy-docs";
import { buildIngressCases } from "./conformance-corpus/ingress";
import { buildEndpointsCases } from "./conformance-corpus/endpoints";
import { buildDnsCases } from "./conformance-corpus/dns";
import { buildValidationCases } from "./conformance-corpus/validation";

/**
 * Writes the conformance corpus (tests/conformance/*.json) from the tables in scripts/conformance-corpus/.
 * Deterministic: running it twice gives byte-identical files. `npx tsx scripts/generate-conformance-corpus.ts`
 */
const FILES: Record<string, () => Case[]> = {
  "network-policy.json": () => [...buildNetworkPolicyE2ECases(), ...buildNetworkPolicyDocsCases()],
  "ingress.json": buildIngressCases,
  "endpoints.json": buildEndpointsCases,
  "dns.json": buildDnsCases,
  "validation.json": buildValidationCases,
};

const outDir = path.resolve(__dirname, "..", "tests", "conformance");
for (const [file, build] of Object.entries(FILES)) {
  const cases = build();
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id} in ${file}`);
    ids.add(c.id);
  }
  writeFileSync(path.join(outDir, file), `${JSON.stringify(cases, null, 2)}\n`);
  const queries = cases.reduce((n, c) => n + c.queries.length, 0);
  console.log(`${file}: ${cases.length} cases, ${queries} queries`);
}
