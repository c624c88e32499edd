import type { Endpoints, EndpointSlice, Ingress, Service } from "@/lib/sim/objects/kinds";
import { formatLabelSelector } from "@/lib/sim/selectors/label-selector";
import { formatAge } from "../format/human-duration";
import { definePrinter, joinLimited, orNone, type PrintContext } from "./table-printer";

const age = (object: { metadata: { creationTimestamp: string } }, context: PrintContext) => formatAge(object.metadata.creationTimestamp, context.now);

/** EXTERNAL-IP as printers.go getServiceExternalIP: `<pending>` for a LoadBalancer still waiting for an address. */
export function formatServiceExternalIP(service: Service): string {
  const external = service.spec?.externalIPs ?? [];
  switch (service.spec?.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return external.length > 0 ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const ingress = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? "").filter(Boolean);
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(",") : "<pending>";
    }
    case "ExternalName":
      return service.spec?.externalName ?? "<none>";
    default:
      return "<unknown>";
  }
}

/** PORT(S) as printers.go makePortString: `80/TCP`, `80:30080/TCP` when a nodePort is allocated. */
export function formatServicePorts(service: Service): string {
  const ports = service.spec?.ports ?? [];
  if (ports.length === 0) return "<none>";
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`).join(",");
}

export function formatServiceClusterIP(service: Service): string {
  if (service.spec?.type === "ExternalName") return "<none>";
  return orNone(service.spec?.clusterIP);
}

export const SERVICE_PRINTER = definePrinter<"Service">({
  headers: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
  wideHeaders: ["SELECTOR"],
  row: (s, context) => [s.metadata.name, s.spec?.type ?? "ClusterIP", formatServiceClusterIP(s), formatServiceExternalIP(s), formatServicePorts(s), age(s, context)],
  wide: (s) => [orNone(Object.entries(s.spec?.selector ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(","))],
});

/**
 * ENDPOINTS as printers.go formatEndpoints: ready `ip:port` pairs, port by port, at most three, then
 * `+ N more...`; `<none>` when the object has no subsets at all.
 */
export function formatEndpointsAddresses(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) list.push(a.ip);
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) list.push(`${a.ip}:${port.port}`);
    }
  }
  if (list.length <= 3) return list.join(",");
  return `${list.slice(0, 3).join(",")} + ${count - 3} more...`;
}

export const ENDPOINTS_PRINTER = definePrinter<"Endpoints">({
  headers: ["NAME", "ENDPOINTS", "AGE"],
  wideHeaders: [],
  row: (e, context) => [e.metadata.name, formatEndpointsAddresses(e), age(e, context)],
  wide: () => [],
});

/** printers.go formatDiscoveryPorts and formatDiscoveryEndpoints: `<unset>` for none. */
function sliceCells(slice: EndpointSlice): { ports: string; endpoints: string } {
  const ports = (slice.ports ?? []).map((p) => String(p.port ?? "")).filter(Boolean);
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
  return {
    ports: ports.length > 0 ? joinLimited(ports) : "<unset>",
    endpoints: addresses.length > 0 ? joinLimited(addresses) : "<unset>",
  };
}

export const ENDPOINT_SLICE_PRINTER = definePrinter<"EndpointSlice">({
  headers: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"],
  wideHeaders: [],
  row: (s, context) => {
    const cells = sliceCells(s);
    return [s.metadata.name, s.addressType ?? "IPv4", cells.ports, cells.endpoints, age(s, context)];
  },
  wide: () => [],
});

/** HOSTS and PORTS of an Ingress (printers.go formatHosts, printIngress: 443 is added when tls is set). */
function ingressCells(ingress: Ingress): { hosts: string; address: string; ports: string } {
  const hosts = (ingress.spec?.rules ?? []).map((r) => r.host ?? "").filter(Boolean);
  const address = (ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? "").filter(Boolean).join(",");
  return { hosts: hosts.length > 0 ? joinLimited(hosts) : "*", address, ports: ingress.spec?.tls?.length ? "80, 443" : "80" };
}

export const INGRESS_PRINTER = definePrinter<"Ingress">({
  headers: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
  wideHeaders: [],
  row: (i, context) => {
    const cells = ingressCells(i);
    return [i.metadata.name, orNone(i.spec?.ingressClassName), cells.hosts, cells.address, cells.ports, age(i, context)];
  },
  wide: () => [],
});

export const INGRESS_CLASS_PRINTER = definePrinter<"IngressClass">({
  headers: ["NAME", "CONTROLLER", "PARAMETERS", "AGE"],
  wideHeaders: [],
  row: (c, context) => {
    const p = c.spec?.parameters;
    return [c.metadata.name, c.spec?.controller ?? "", p ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}` : "<none>", age(c, context)];
  },
  wide: () => [],
});

export const NETWORK_POLICY_PRINTER = definePrinter<"NetworkPolicy">({
  headers: ["NAME", "POD-SELECTOR", "AGE"],
  wideHeaders: [],
  row: (p, context) => [p.metadata.name, orNone(formatLabelSelector(p.spec?.podSelector ?? {})), age(p, context)],
  wide: () => [],
});

/** cert-manager's CRDs declare READY, SECRET and AGE as additionalPrinterColumns (cert-manager deploy/crds). */
function readyCondition(object: { status?: { conditions?: { type?: string; status?: string }[] } }): string {
  return object.status?.conditions?.find((c) => c.type === "Ready")?.status ?? "";
}

export const CERTIFICATE_PRINTER = definePrinter<"Certificate">({
  headers: ["NAME", "READY", "SECRET", "AGE"],
  wideHeaders: ["ISSUER", "STATUS"],
  row: (c, context) => [c.metadata.name, readyCondition(c as never), String((c as { spec?: { secretName?: string } }).spec?.secretName ?? ""), age(c, context)],
  wide: (c) => [String((c as { spec?: { issuerRef?: { name?: string } } }).spec?.issuerRef?.name ?? ""), ""],
});

export const ISSUER_PRINTER = definePrinter<"Issuer">({
  headers: ["NAME", "READY", "AGE"],
  wideHeaders: ["STATUS"],
  row: (i, context) => [i.metadata.name, readyCondition(i as never), age(i, context)],
  wide: () => [""],
});
