import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import { matchLabelSelector, type LabelSelector } from "../selectors/label-selector";
import { buildIPBlockMatcher, matchIPBlock, type IPBlockMatcher } from "./ip-block";
import type { PolicyPeer } from "./policy-peer";

/**
 * Which peers (sources for ingress, destinations for egress) a rule admits, after cyclonus pkg/matcher
 * (peermatcher.go, podpeermatcher.go, ippeermatcher.go), as a discriminated union.
 *
 * The seven selector combinations of a NetworkPolicyPeer
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors,
 * staging/src/k8s.io/api/networking/v1/types.go NetworkPolicyPeer):
 *   podSelector only            → pods matching it in the policy's own namespace (`{}`: every pod there)
 *   namespaceSelector only      → every pod in matching namespaces (`{}`: every namespace)
 *   both, in ONE peer           → pods matching podSelector inside namespaces matching namespaceSelector (AND)
 *   ipBlock                     → addresses in cidr and not in except (may not be combined with selectors)
 *   separate peers in the list  → OR of each
 *   `from`/`to` absent or empty → every peer ("If this field is empty or missing, this rule matches all sources")
 *   a peer with no field set    → rejected by validation ("must specify a peer"); if loaded anyway it matches nothing
 */
export type NamespaceMatcher =
  | { kind: "same"; namespace: string }
  | { kind: "all" }
  | { kind: "labels"; selector: LabelSelector };

export type PodMatcher = { kind: "all" } | { kind: "labels"; selector: LabelSelector };

export type PeerItem =
  | { kind: "ip-block"; index: number; block: IPBlockMatcher }
  | { kind: "pod"; index: number; namespace: NamespaceMatcher; pod: PodMatcher }
  | { kind: "none"; index: number };

export type PeerMatcher = { kind: "all" } | { kind: "peers"; items: PeerItem[] };

export function buildPeerMatcher(peers: readonly INetworkPolicyPeer[] | undefined, policyNamespace: string): PeerMatcher {
  if (peers === undefined || peers.length === 0) return { kind: "all" };
  return { kind: "peers", items: peers.map((peer, index) => buildPeerItem(peer, index, policyNamespace)) };
}

function buildPeerItem(peer: INetworkPolicyPeer, index: number, policyNamespace: string): PeerItem {
  if (peer.ipBlock) {
    const block = buildIPBlockMatcher(peer.ipBlock);
    return block ? { kind: "ip-block", index, block } : { kind: "none", index };
  }
  if (!peer.podSelector && !peer.namespaceSelector) return { kind: "none", index };
  const namespace: NamespaceMatcher = !peer.namespaceSelector
    ? { kind: "same", namespace: policyNamespace }
    : isEmptySelector(peer.namespaceSelector)
      ? { kind: "all" }
      : { kind: "labels", selector: peer.namespaceSelector };
  const pod: PodMatcher = !peer.podSelector || isEmptySelector(peer.podSelector) ? { kind: "all" } : { kind: "labels", selector: peer.podSelector };
  return { kind: "pod", index, namespace, pod };
}

/** `{}` (no matchLabels entries and no matchExpressions) selects everything (apimachinery LabelSelectorAsSelector). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** The index of the first peer item that admits `peer`, `"all"` when the rule admits everyone, or -1. */
export function matchPeer(matcher: PeerMatcher, peer: PolicyPeer): number | "all" {
  if (matcher.kind === "all") return "all";
  return matcher.items.findIndex((item) => matchPeerItem(item, peer));
}

export function matchPeerItem(item: PeerItem, peer: PolicyPeer): boolean {
  switch (item.kind) {
    case "none":
      return false;
    case "ip-block":
      // The docs say ipBlocks "should be cluster-external IPs" and leave pod IPs open. The simulator takes
      // Calico's behaviour for every profile: an ipBlock matches pod (and node) IPs too (projectcalico/calico
      // issue 6634), which the e2e suite also expects ("should allow egress access to server in CIDR block"
      // builds the CIDR from a pod IP). Cilium long ignored pod IPs here (cilium/cilium issue 9209).
      return peer.ips.some((ip) => matchIPBlock(item.block, ip));
    case "pod":
      return peer.kind === "pod" && matchNamespace(item.namespace, peer.namespace, peer.namespaceLabels) && matchPod(item.pod, peer.labels);
  }
}

export function matchNamespace(matcher: NamespaceMatcher, namespace: string, labels: Record<string, string>): boolean {
  switch (matcher.kind) {
    case "same":
      return matcher.namespace === namespace;
    case "all":
      return true;
    case "labels":
      return matchLabelSelector(matcher.selector, labels);
  }
}

export function matchPod(matcher: PodMatcher, labels: Record<string, string>): boolean {
  return matcher.kind === "all" || matchLabelSelector(matcher.selector, labels);
}
