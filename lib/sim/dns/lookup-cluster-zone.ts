import type { ClusterState } from "../cluster-state";
import type { Service } from "../objects/kinds";
import { isIPv4 } from "../network/ipv4";
import { buildServiceEndpoints, type ProxyEndpoint } from "../proxy/build-service-endpoints";
import { CLUSTER_DNS_TTL, NODATA, NXDOMAIN, type DnsRecord, type DnsRecordType, type ZoneAnswer } from "./dns-record";
import { labelsBelowZone } from "./dns-name";

/**
 * Answers for names in the cluster domain, per kubernetes/dns docs/specification.md (schema 1.0.1) as CoreDNS's
 * kubernetes plugin implements it (coredns/coredns plugin/kubernetes). `fqdn` is absolute and lower case.
 */
export function lookupClusterZone(state: ClusterState, fqdn: string, type: DnsRecordType): ZoneAnswer {
  const zone = state.config.clusterDomain.toLowerCase();
  const labels = labelsBelowZone(fqdn, zone);
  if (labels.length === 0) return NODATA;
  const kindIndex = labels.length - 1;
  if (labels[kindIndex] === "svc") return lookupServiceName(state, fqdn, labels.slice(0, kindIndex), type);
  if (labels[kindIndex] === "pod") return lookupPodName(state, fqdn, labels.slice(0, kindIndex), type);
  return NXDOMAIN;
}

function namespaceExists(state: ClusterState, namespace: string): boolean {
  return state.get("Namespace", namespace) !== undefined || state.list("Service", namespace).length > 0 || state.list("Pod", namespace).length > 0;
}

function findService(state: ClusterState, namespace: string, name: string): Service | undefined {
  // Object names are lower-case DNS labels already; the query was lower-cased, so a plain lookup is exact.
  return state.get("Service", name, namespace);
}

/**
 * DNS-visible endpoints of a headless Service: the ready ones (spec 2.1 "ready"), every one with
 * publishNotReadyAddresses. An endpoint without a hostname is named by its dashed address, the identifier
 * CoreDNS assigns (plugin/kubernetes/kubernetes.go endpointHostname).
 */
function headlessEndpoints(state: ClusterState, service: Service): (ProxyEndpoint & { label: string })[] {
  return buildServiceEndpoints(state, service, undefined)
    .filter((e) => e.ready && isIPv4(e.ip))
    .map((e) => ({ ...e, label: (e.hostname ?? e.ip.replace(/\./g, "-")).toLowerCase() }))
    .sort((a, b) => a.ip.localeCompare(b.ip));
}

function serviceFqdn(service: Service, zone: string): string {
  return `${service.metadata.name}.${service.metadata.namespace ?? "default"}.svc.${zone}`;
}

function lookupServiceName(state: ClusterState, fqdn: string, labels: string[], type: DnsRecordType): ZoneAnswer {
  const zone = state.config.clusterDomain.toLowerCase();
  if (labels.length === 0) return NODATA;
  const namespace = labels[labels.length - 1];
  if (labels.length === 1) return namespaceExists(state, namespace) ? NODATA : NXDOMAIN;
  const service = findService(state, namespace, labels[labels.length - 2]);
  if (!service) return NXDOMAIN;
  const rest = labels.slice(0, -2);
  const headless = service.spec?.clusterIP === "None";
  const record = (data: string, recordType: DnsRecordType = "A"): DnsRecord => ({ name: fqdn, type: recordType, ttl: CLUSTER_DNS_TTL, data });

  const bareSrv = rest.length === 0 && type === "SRV" && service.spec?.type !== "ExternalName";
  if (rest.length === 0 && !bareSrv) {
    if (service.spec?.type === "ExternalName") {
      // Spec 2.5: a CNAME to spec.externalName; the resolver (or CoreDNS, for targets it can answer) follows it.
      const target = (service.spec.externalName ?? "").toLowerCase().replace(/\.$/, "");
      return { rcode: "NOERROR", answers: type === "PTR" || type === "SRV" ? [] : [record(target, "CNAME")] };
    }
    if (headless) {
      // Spec 2.4.1: one A per ready endpoint; none ready → NXDOMAIN.
      const endpoints = headlessEndpoints(state, service);
      if (endpoints.length === 0) return NXDOMAIN;
      return { rcode: "NOERROR", answers: type === "A" ? endpoints.map((e) => record(e.ip)) : [] };
    }
    const clusterIP = service.spec?.clusterIP;
    // Spec 2.3.1; a Service the allocator has not given an address yet has no record.
    if (!clusterIP || !isIPv4(clusterIP)) return NXDOMAIN;
    return { rcode: "NOERROR", answers: type === "A" ? [record(clusterIP)] : [] };
  }

  if (bareSrv || (rest.length === 2 && rest[0].startsWith("_") && rest[1].startsWith("_"))) {
    // Spec 2.3.2 / 2.4.2: `_<port>._<proto>` for each named port. CoreDNS also answers an SRV question for the
    // bare Service name with every port, as if both labels were wildcards (plugin/kubernetes/parse.go
    // parseRequest sets port and protocol to "*"). Priority and weight are CoreDNS's: priority 0, the weight
    // 100 split evenly across the records (plugin/backend_lookup.go SRV).
    const portName = bareSrv ? "*" : rest[0].slice(1);
    const proto = bareSrv ? "*" : rest[1].slice(1);
    const ports = (service.spec?.ports ?? []).filter(
      (p) => (portName === "*" || (p.name !== undefined && p.name.toLowerCase() === portName)) && (proto === "*" || (p.protocol ?? "TCP").toLowerCase() === proto),
    );
    if (ports.length === 0) return bareSrv ? NODATA : NXDOMAIN;
    const targets = headless
      ? headlessEndpoints(state, service).map((e) => `${e.label}.${serviceFqdn(service, zone)}`)
      : [serviceFqdn(service, zone)];
    if (targets.length === 0) return NXDOMAIN;
    if (type !== "SRV") return NODATA;
    const records = ports.flatMap((port) => targets.map((target) => ({ port: port.port, target })));
    const weight = Math.floor(100 / records.length);
    return {
      rcode: "NOERROR",
      answers: records.map(({ port, target }) => ({
        name: fqdn,
        type: "SRV",
        ttl: CLUSTER_DNS_TTL,
        data: `0 ${weight} ${port} ${target}.`,
        srv: { priority: 0, weight, port, target },
      })),
    };
  }

  if (rest.length === 1 && headless) {
    // Spec 2.4.1: `<hostname>.<service>.<ns>.svc.<zone>` for each ready endpoint (pods with hostname and a
    // subdomain naming the Service: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-hostname-and-subdomain-field).
    const matches = headlessEndpoints(state, service).filter((e) => e.label === rest[0]);
    if (matches.length === 0) return NXDOMAIN;
    return { rcode: "NOERROR", answers: type === "A" ? matches.map((e) => record(e.ip)) : [] };
  }
  return NXDOMAIN;
}

/**
 * Spec 2.6: `<a>-<b>-<c>-<d>.<ns>.pod.<zone>` answers the address it spells. kubeadm's Corefile runs the
 * kubernetes plugin with `pods insecure`, which answers without checking that such a pod exists
 * (https://coredns.io/plugins/kubernetes/ "pods insecure").
 */
function lookupPodName(state: ClusterState, fqdn: string, labels: string[], type: DnsRecordType): ZoneAnswer {
  if (labels.length === 0) return NODATA;
  if (labels.length === 1) return namespaceExists(state, labels[0]) ? NODATA : NXDOMAIN;
  if (labels.length !== 2) return NXDOMAIN;
  const ip = labels[0].replace(/-/g, ".");
  if (!/^[0-9]+(-[0-9]+){3}$/.test(labels[0]) || !isIPv4(ip)) return NXDOMAIN;
  return { rcode: "NOERROR", answers: type === "A" ? [{ name: fqdn, type: "A", ttl: CLUSTER_DNS_TTL, data: ip }] : [] };
}
