import type { ClusterState } from "../cluster-state";
import type { ConformanceSimulator, DnsAnswer } from "./conformance-simulator";
import type { DnsQuery } from "./conformance-case";
import { expectEqual, type QueryVerdict } from "./query-result";

export function formatDnsSummary(query: DnsQuery): string {
  return `dns ${query.name} from ${query.fromNamespace}`;
}

/** DNS names compare case-insensitively and with or without the root dot (RFC 4343; RFC 1034 §3.1). */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

function formatExpected(expect: DnsQuery["expect"]): string {
  if (expect === "NXDOMAIN") return "NXDOMAIN";
  if (Array.isArray(expect)) return `[${[...expect].sort().join(", ")}]`;
  return `CNAME ${normalizeName(expect.cname)}`;
}

/**
 * What the query's expectation can be compared with: NXDOMAIN, the first CNAME of an ExternalName answer
 * (kubernetes/dns docs/specification.md §2.4 "ExternalName"), or the A records of the answer.
 */
function formatAnswer(expect: DnsQuery["expect"], result: DnsAnswer): string {
  if (result.rcode === "NXDOMAIN") return "NXDOMAIN";
  const cname = result.answers.find((a) => a.type === "CNAME");
  if (!Array.isArray(expect) && expect !== "NXDOMAIN" && cname) return `CNAME ${normalizeName(cname.data)}`;
  const ips = result.answers.filter((a) => a.type === "A").map((a) => a.data);
  if (ips.length === 0 && cname) return `CNAME ${normalizeName(cname.data)}`;
  return `[${ips.sort().join(", ")}]`;
}

export function expectDns(sim: ConformanceSimulator, state: ClusterState, query: DnsQuery): QueryVerdict {
  const result = sim.resolveDns(state, { name: query.name, type: "A", fromNamespace: query.fromNamespace });
  return expectEqual(formatExpected(query.expect), formatAnswer(query.expect, result));
}
