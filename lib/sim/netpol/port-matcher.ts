import type { INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import type { Pod } from "../objects/kinds";
import type { Protocol } from "../network/trace";

/**
 * Which ports a rule admits (staging/src/k8s.io/api/networking/v1/types.go NetworkPolicyPort, and
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports):
 * - `ports` absent or empty → every port and protocol ("If this field is empty or missing, this rule matches all ports");
 * - protocol defaults to TCP (pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicyPort); a port entry
 *   admits only its own protocol, so `protocol: SCTP` never admits TCP (e2e "should not mistakenly treat
 *   'protocol: SCTP' as 'protocol: TCP'");
 * - `port` absent → every port of that protocol;
 * - a numeric `port` with `endPort` → the inclusive range; a plugin without endPort support applies the policy
 *   "only for the single port field" (the docs' note under "Targeting a range of ports");
 * - a named `port` → "a named port on the destination pod": the containerPort with that name and protocol.
 *   Policy ports are the pod's ports, after Service translation: a Service's `port` never matches here, its
 *   `targetPort` does.
 */
export type PortItem =
  | { kind: "protocol"; index: number; protocol: Protocol }
  | { kind: "number"; index: number; protocol: Protocol; port: number; endPort?: number }
  | { kind: "named"; index: number; protocol: Protocol; name: string };

export type PortMatcher = { kind: "all" } | { kind: "ports"; items: PortItem[] };

export interface PortQuery {
  port: number;
  protocol: Protocol;
  /** The pod the connection goes to, for named ports; undefined when the destination is not a pod. */
  destination?: Pod;
  /** Whether the enforcing plugin honours endPort. */
  supportsEndPort: boolean;
}

export function buildPortMatcher(ports: readonly INetworkPolicyPort[] | undefined): PortMatcher {
  if (ports === undefined || ports.length === 0) return { kind: "all" };
  return { kind: "ports", items: ports.map(buildPortItem) };
}

function buildPortItem(port: INetworkPolicyPort, index: number): PortItem {
  const protocol: Protocol = port.protocol ?? "TCP";
  if (port.port === undefined || port.port === null) return { kind: "protocol", index, protocol };
  if (typeof port.port === "string") {
    // An IntOrString written as "8080" in JSON is still a name to the API; only integers are numbers.
    return { kind: "named", index, protocol, name: port.port };
  }
  return { kind: "number", index, protocol, port: port.port, endPort: port.endPort };
}

/** The index of the first port entry that admits the query, `"all"` when the rule admits every port, or -1. */
export function matchPortMatcher(matcher: PortMatcher, query: PortQuery): number | "all" {
  if (matcher.kind === "all") return "all";
  return matcher.items.findIndex((item) => matchPortItem(item, query));
}

export function matchPortItem(item: PortItem, query: PortQuery): boolean {
  if (item.protocol !== query.protocol) return false;
  switch (item.kind) {
    case "protocol":
      return true;
    case "number": {
      const end = query.supportsEndPort && item.endPort !== undefined ? item.endPort : item.port;
      return query.port >= item.port && query.port <= end;
    }
    case "named":
      return resolveNamedPort(query.destination, item.name, item.protocol) === query.port;
  }
}

/** The number a named port stands for on a pod: the containerPort of that name and protocol in spec.containers. */
export function resolveNamedPort(pod: Pod | undefined, name: string, protocol: Protocol): number | undefined {
  if (pod === undefined) return undefined;
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) {
      if (port.name === name && (port.protocol ?? "TCP") === protocol) return port.containerPort;
    }
  }
  return undefined;
}

export function formatPortItem(item: PortItem): string {
  switch (item.kind) {
    case "protocol":
      return `any ${item.protocol} port`;
    case "number":
      return item.endPort !== undefined ? `${item.protocol} ${item.port}-${item.endPort}` : `${item.protocol} ${item.port}`;
    case "named":
      return `${item.protocol} port named "${item.name}"`;
  }
}
