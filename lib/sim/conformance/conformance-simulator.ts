import type { ClusterConfig } from "../config";
import type { ClusterState } from "../cluster-state";
import type { Result } from "../result";
import type { StatusError } from "../api/status-error";
import type { ManifestObject } from "../objects/meta";
import type { PolicyVerdict, Traffic } from "../network/trace";

/**
 * The simulator's entry points the conformance runner drives, as narrow structural types. The runner
 * takes them as a parameter so it can be exercised on its own; `defaultConformanceSimulator` wires the real
 * modules.
 */
export interface ConformanceCluster {
  readonly state: ClusterState;
  load(objects: ManifestObject[]): Result<unknown, StatusError>[];
}

export interface IngressRouteAnswer {
  backend: {
    service?: { namespace: string; name: string; port: number | string };
    resource?: { apiGroup?: string; kind: string; name: string };
  };
  isDefaultBackend: boolean;
}

export interface DnsAnswer {
  rcode: "NOERROR" | "NXDOMAIN";
  answers: readonly { name: string; type: string; data: string }[];
}

export type ConformanceAddon = "ingress-nginx" | "cert-manager";

export interface ConformanceSimulator {
  /** A fresh cluster: the control plane and CoreDNS, plus the addons a case asks for. */
  createCluster(config: Partial<ClusterConfig>, addons: readonly ConformanceAddon[]): ConformanceCluster;
  isTrafficAllowed(state: ClusterState, traffic: Traffic): PolicyVerdict;
  routeIngress(state: ClusterState, request: { host: string | null; path: string; scheme?: "http" | "https" }): IngressRouteAnswer | null;
  resolveDns(state: ClusterState, query: { name: string; type?: "A"; fromNamespace: string }): DnsAnswer;
  admitObject(object: ManifestObject, options: { operation: "create"; config: ClusterConfig }): Result<unknown, StatusError>;
}
