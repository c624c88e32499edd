import type { ClusterState } from "../cluster-state";
import { isIPv4 } from "../network/ipv4";
import { NXDOMAIN, NODATA, type DnsRecord, type DnsRecordType, type ZoneAnswer } from "./dns-record";

/**
 * Names the simulated world outside the cluster can resolve, as an upstream resolver would:
 * - the hosts of every Ingress, pointing at the addresses in the Ingress's status.loadBalancer.ingress — what
 *   a DNS record created for it (by hand or by external-dns) would hold
 *   (https://kubernetes.io/docs/concepts/services-networking/ingress/#name-based-virtual-hosting);
 * - `example.com` and `www.example.com`, answering 192.0.2.53, the address the kubernetes/dns specification
 *   uses in its ExternalName example (section 2.5; 192.0.2.0/24 is TEST-NET-1, RFC 5737).
 * Everything else is NXDOMAIN: the simulator has no internet.
 */
const FIXED_NAMES: ReadonlyMap<string, string> = new Map([
  ["example.com", "192.0.2.53"],
  ["www.example.com", "192.0.2.53"],
]);

/** RFC 1034 section 4.3.3: `*.example.com` matches exactly one or more labels in front of the parent. */
function matchesHost(host: string, name: string): boolean {
  if (host.startsWith("*.")) {
    const parent = host.slice(2);
    return name.endsWith(`.${parent}`) && name.length > parent.length + 1;
  }
  return host === name;
}

/** The upstream TTL is not the cluster's; 300 s is a common public-zone default. */
const EXTERNAL_TTL = 300;

export function lookupExternalZone(state: ClusterState, fqdn: string, type: DnsRecordType): ZoneAnswer {
  const addresses = new Set<string>();
  const fixed = FIXED_NAMES.get(fqdn);
  if (fixed) addresses.add(fixed);
  for (const ingress of state.list("Ingress")) {
    const hosts = (ingress.spec?.rules ?? []).map((r) => r.host?.toLowerCase()).filter((h): h is string => !!h);
    if (!hosts.some((h) => matchesHost(h, fqdn))) continue;
    for (const lb of ingress.status?.loadBalancer?.ingress ?? []) {
      if (lb.ip && isIPv4(lb.ip)) addresses.add(lb.ip);
    }
  }
  if (addresses.size === 0) return NXDOMAIN;
  if (type !== "A") return NODATA;
  const answers: DnsRecord[] = [...addresses].sort().map((ip) => ({ name: fqdn, type: "A", ttl: EXTERNAL_TTL, data: ip }));
  return { rcode: "NOERROR", answers };
}
