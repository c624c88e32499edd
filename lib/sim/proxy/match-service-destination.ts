import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { ClusterState } from "../cluster-state";
import type { Service } from "../objects/kinds";
import type { Protocol } from "../network/trace";
import { findClusterNodeByIP } from "../network/cluster-nodes";

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
  const services = state.list("Service").filter((s) => !isHeadless(s) && (s.spec?.type ?? "ClusterIP") !== "ExternalName");
  for (const service of services) {
    const clusterIPs = [service.spec?.clusterIP, ...(service.spec?.clusterIPs ?? [])].filter((x): x is string => typeof x === "string");
    if (clusterIPs.includes(ip)) return { service, via: "cluster-ip", ...findPort(service, port, protocol, "port") };
  }
  for (const service of services) {
    if ((service.spec?.externalIPs ?? []).includes(ip)) return { service, via: "external-ip", ...findPort(service, port, protocol, "port") };
  }
  for (const service of services) {
    const ingress = service.spec?.type === "LoadBalancer" ? (service.status?.loadBalancer?.ingress ?? []) : [];
    if (ingress.some((i) => i.ip === ip)) return { service, via: "load-balancer", ...findPort(service, port, protocol, "port") };
  }
  const node = findClusterNodeByIP(state, ip);
  if (node) {
    for (const service of services) {
      if (!hasNodePorts(service)) continue;
      const match = findPort(service, port, protocol, "nodePort");
      if (match.servicePort) return { service, via: "node-port", nodeName: node.name, ...match };
    }
  }
  return undefined;
}
