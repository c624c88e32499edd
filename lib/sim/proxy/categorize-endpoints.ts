import type { Service } from "../objects/kinds";
import type { ProxyEndpoint } from "./build-service-endpoints";

export interface CategorizedEndpoints {
  /** Endpoints for "Cluster" traffic policy: ready ones, or serving-terminating ones when none is ready. */
  clusterEndpoints: ProxyEndpoint[];
  /** Endpoints on the receiving node, by the same rule, for "Local" policies. */
  localEndpoints: ProxyEndpoint[];
  /** Whether the Service has any usable endpoint anywhere; false means kube-proxy installs REJECT rules. */
  hasAnyEndpoints: boolean;
}

export function isExternalPolicyLocal(service: Service): boolean {
  const type = service.spec?.type ?? "ClusterIP";
  return (type === "NodePort" || type === "LoadBalancer" || (service.spec?.externalIPs?.length ?? 0) > 0) &&
    service.spec?.externalTrafficPolicy === "Local";
}

export function isInternalPolicyLocal(service: Service): boolean {
  return service.spec?.internalTrafficPolicy === "Local";
}

/**
 * kubernetes/kubernetes pkg/proxy/topology.go CategorizeEndpoints: ready endpoints are used; only when none is
 * ready do serving-and-terminating endpoints take their place (KEP-1669, ProxyTerminatingEndpoints, GA in 1.28),
 * so connections drain to pods that are shutting down gracefully instead of failing. The same fallback applies
 * separately to the node-local set used by the "Local" traffic policies.
 */
export function categorizeEndpoints(endpoints: readonly ProxyEndpoint[], nodeName: string | undefined): CategorizedEndpoints {
  const pick = (candidates: readonly ProxyEndpoint[]) => {
    const ready = candidates.filter((e) => e.ready);
    return ready.length > 0 ? ready : candidates.filter((e) => e.serving && e.terminating);
  };
  const clusterEndpoints = pick(endpoints);
  const localEndpoints = nodeName === undefined ? [] : pick(endpoints.filter((e) => e.nodeName === nodeName));
  return { clusterEndpoints, localEndpoints, hasAnyEndpoints: clusterEndpoints.length > 0 };
}
