import type { ClusterState } from "../cluster-state";
import { isIPv4 } from "../network/ipv4";
import { buildServiceEndpoints } from "../proxy/build-service-endpoints";
import { CLUSTER_DNS_TTL, NODATA, NXDOMAIN, type DnsRecordType, type ZoneAnswer } from "./dns-record";

/**
 * PTR answers for in-addr.arpa names, as CoreDNS's kubernetes plugin gives them (plugin/kubernetes/reverse.go
 * serviceRecordForIP): a Service's ClusterIP names the Service (spec 2.3.3); an endpoint address of any Service
 * names `<hostname>.<service>.<ns>.svc.<zone>` with the endpoint's hostname or its dashed address (spec 2.4.3).
 * Other addresses fall through to the upstream resolver, which knows none of the cluster's: NXDOMAIN.
 */
export function lookupReverseZone(state: ClusterState, fqdn: string, ip: string, type: DnsRecordType): ZoneAnswer {
  if (!isIPv4(ip)) return NXDOMAIN;
  const zone = state.config.clusterDomain.toLowerCase();
  const services = state.list("Service");
  const ptr = (target: string): ZoneAnswer =>
    type === "PTR" ? { rcode: "NOERROR", answers: [{ name: fqdn, type: "PTR", ttl: CLUSTER_DNS_TTL, data: target }] } : NODATA;
  for (const service of services) {
    const ips = [service.spec?.clusterIP, ...(service.spec?.clusterIPs ?? [])];
    if (ips.includes(ip)) return ptr(`${service.metadata.name}.${service.metadata.namespace}.svc.${zone}`);
  }
  for (const service of services) {
    if (service.spec?.type === "ExternalName") continue;
    const endpoint = buildServiceEndpoints(state, service, undefined).find((e) => e.ip === ip);
    if (endpoint) {
      const label = (endpoint.hostname ?? ip.replace(/\./g, "-")).toLowerCase();
      return ptr(`${label}.${service.metadata.name}.${service.metadata.namespace}.svc.${zone}`);
    }
  }
  return NXDOMAIN;
}
