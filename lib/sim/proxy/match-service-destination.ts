import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { ClusterState } from "../cluster-state";
import type { Service } from "../objects/kinds";
import type { Protocol } from "../network/trace";
import { findClusterNodeByIP } from "../network/cluster-nodes";
import { memoByListing, memoOf, memoSlot, type ListingEntry } from "../state-memo";

/** Which of a Service's addresses a packet was sent to: the kube-proxy capture rule that matches it. */
export type ServiceAddressKind = "cluster-ip" | "node-port" | "load-balancer" | "external-ip";

export interface ServiceDestination {
  service: Service;
  via: ServiceAddressKind;
  /** The Service port that matched; absent when the address is the Service's but the port is not one of its ports. */
  servicePort?: IServicePort;
  servicePortIndex?: number;
  /** For node-port: the node whose address was dialled. */
  nodeName?: string;
}

function isHeadless(service: Service): boolean {
  return service.spec?.clusterIP === "None";
}

function hasNodePorts(service: Service): boolean {
  const type = service.spec?.type ?? "ClusterIP";
  return type === "NodePort" || type === "LoadBalancer";
}

function findPort(service: Service, port: number, protocol: Protocol, field: "port" | "nodePort") {
  const ports = service.spec?.ports ?? [];
  const index = ports.findIndex((p) => p[field] === port && (p.protocol ?? "TCP") === protocol);
  return index === -1 ? {} : { servicePort: ports[index], servicePortIndex: index };
}

/**
 * The capture rules kube-proxy writes into KUBE-SERVICES and KUBE-NODEPORTS
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier.go syncProxyRules): a packet to clusterIP:port, to
 * externalIPs[]:port, to status.loadBalancer.ingress[].ip:port, or to any node's address on a nodePort, is a
 * Service packet. Headless Services (clusterIP None) get no rules at all: there is no virtual IP
 * (https://kubernetes.io/docs/concepts/services-networking/service/#headless-services). ExternalName Services
 * get none either: they exist only in DNS.
 */
export function matchServiceDestination(state: ClusterState, ip: string, port: number, protocol: Protocol = "TCP"): ServiceDestination | undefined {
  const index = memoByListing(memoOf(state, INDEXES), "", state.list("Service"), indexServiceAddresses);
  for (const [via, byAddress] of index.byAddress) {
    const service = byAddress.get(ip);
    if (service) return { service, via, ...findPort(service, port, protocol, "port") };
  }
  const node = findClusterNodeByIP(state, ip);
  if (node) {
    for (const service of index.withNodePorts) {
      const match = findPort(service, port, protocol, "nodePort");
      if (match.servicePort) return { service, via: "node-port", nodeName: node.name, ...match };
    }
  }
  return undefined;
}

interface ServiceAddressIndex {
  /** The address rules in the order they are tried: ClusterIPs, then externalIPs, then load-balancer IPs. */
  byAddress: [Exclude<ServiceAddressKind, "node-port">, Map<string, Service>][];
  withNodePorts: Service[];
}

/**
 * Every capture address of a Service listing, the first Service in listing order winning an address as the
 * linear scan did. A listing is an immutable snapshot (the store hands out the same array until the next
 * Service write), so the index is built once per snapshot, kept by the state (state-memo.ts), and every
 * connection after it is a map lookup.
 */
const INDEXES = memoSlot(() => new Map<string, ListingEntry<readonly Service[], ServiceAddressIndex>>());

function indexServiceAddresses(listing: readonly Service[]): ServiceAddressIndex {
  const services = listing.filter((s) => !isHeadless(s) && (s.spec?.type ?? "ClusterIP") !== "ExternalName");
  const clusterIPs = new Map<string, Service>();
  const externalIPs = new Map<string, Service>();
  const loadBalancerIPs = new Map<string, Service>();
  const claim = (map: Map<string, Service>, address: unknown, service: Service) => {
    if (typeof address === "string" && !map.has(address)) map.set(address, service);
  };
  for (const service of services) {
    claim(clusterIPs, service.spec?.clusterIP, service);
    for (const address of service.spec?.clusterIPs ?? []) claim(clusterIPs, address, service);
    for (const address of service.spec?.externalIPs ?? []) claim(externalIPs, address, service);
    if (service.spec?.type === "LoadBalancer") for (const ingress of service.status?.loadBalancer?.ingress ?? []) claim(loadBalancerIPs, ingress.ip, service);
  }
  return {
    byAddress: [
      ["cluster-ip", clusterIPs],
      ["external-ip", externalIPs],
      ["load-balancer", loadBalancerIPs],
    ],
    withNodePorts: services.filter(hasNodePorts),
  };
}
