import { formatLabelSelector, type Labels } from "../selectors/label-selector";
import { findExcept, isAddressInCidr, parseIPv4Address } from "./ip-block";
import type { NamespaceMatcher, PeerItem, PeerMatcher, PodMatcher } from "./peer-matcher";
import { formatPolicyPeer, NAMESPACE_NAME_LABEL, type PolicyPeer } from "./policy-peer";
import { formatPortItem, type PortMatcher } from "./port-matcher";

/**
 * Plain-English renderings of a rule's peers and ports, worded so the classic traps show: `{}` versus an absent
 * selector, and one peer holding both selectors (AND) versus two peers (OR), as
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 * and `kubectl describe networkpolicy` spell them out.
 */
export function formatPeerItem(item: PeerItem): string {
  switch (item.kind) {
    case "none":
      return "nothing (a peer with no selector and no ipBlock)";
    case "ip-block": {
      const except = item.block.except.map((c) => c.text);
      return `addresses in ${item.block.cidr.text}${except.length > 0 ? ` except ${except.join(", ")}` : ""}`;
    }
    case "pod":
      return `${formatPodMatcher(item.pod)} ${formatNamespaceMatcher(item.namespace)}`;
  }
}

function formatPodMatcher(matcher: PodMatcher): string {
  return matcher.kind === "all" ? "any pod" : `pods with ${formatLabelSelector(matcher.selector)}`;
}

function formatNamespaceMatcher(matcher: NamespaceMatcher): string {
  switch (matcher.kind) {
    case "same":
      return `in namespace ${matcher.namespace}`;
    case "all":
      return "in any namespace";
    case "labels": {
      const name = matcher.selector.matchLabels?.[NAMESPACE_NAME_LABEL];
      const onlyName = name !== undefined && Object.keys(matcher.selector.matchLabels ?? {}).length === 1 && !(matcher.selector.matchExpressions ?? []).length;
      return onlyName ? `in namespace ${name}` : `in namespaces with ${formatLabelSelector(matcher.selector)}`;
    }
  }
}

export function formatPeerMatcher(matcher: PeerMatcher): string {
  if (matcher.kind === "all") return "every source and destination";
  return matcher.items.map(formatPeerItem).join(", or ");
}

export function formatPortMatcher(matcher: PortMatcher): string {
  if (matcher.kind === "all") return "any port";
  return matcher.items.map(formatPortItem).join(", ");
}

export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? "no labels" : entries.map(([k, v]) => `${k}=${v}`).join(",");
}

/**
 * What the rule saw of the other side: `the source production/web has app=frontend`, plus the namespace's
 * labels when the rule selects namespaces by label (the ones a namespaceSelector is matched against).
 */
export function formatPeerFacts(peer: PolicyPeer, role: "source" | "destination", matcher?: PeerMatcher): string {
  if (peer.kind === "pod") {
    const byNamespaceLabels = matcher?.kind === "peers" && matcher.items.some((i) => i.kind === "pod" && i.namespace.kind === "labels");
    const namespace = byNamespaceLabels ? ` and its namespace ${peer.namespace} has ${formatLabels(peer.namespaceLabels)}` : "";
    return `the ${role} ${formatPolicyPeer(peer)} has ${formatLabels(peer.labels)}${namespace}`;
  }
  if (peer.kind === "host") return `the ${role} is ${formatPolicyPeer(peer)}, which only an ipBlock can match`;
  return `the ${role} is ${formatPolicyPeer(peer)}, outside the cluster, which only an ipBlock can match`;
}

/**
 * A note for rules whose peer list mixes a namespaceSelector-only peer with a podSelector-only peer: the
 * items are ORed, which is the docs' "be careful to use correct YAML syntax" example.
 */
export function formatAndOrNote(matcher: PeerMatcher): string | undefined {
  if (matcher.kind === "all") return undefined;
  const pods = matcher.items.filter((i): i is Extract<PeerItem, { kind: "pod" }> => i.kind === "pod");
  const nsOnly = pods.some((i) => i.namespace.kind !== "same" && i.pod.kind === "all");
  const podOnly = pods.some((i) => i.namespace.kind === "same");
  if (nsOnly && podOnly) return "these are separate `from`/`to` items, so either one is enough (OR); put namespaceSelector and podSelector in one item to require both (AND)";
  const both = pods.some((i) => i.namespace.kind !== "same" && i.pod.kind !== "all");
  return both ? "namespaceSelector and podSelector sit in one item, so the peer must match both (AND)" : undefined;
}

/** For an address inside an ipBlock's cidr but cut out by `except`: which except range removed it. */
export function formatExceptNote(matcher: PeerMatcher, peer: PolicyPeer): string | undefined {
  if (matcher.kind === "all") return undefined;
  for (const item of matcher.items) {
    if (item.kind !== "ip-block") continue;
    for (const ip of peer.ips) {
      const address = parseIPv4Address(ip);
      const except = address === undefined || !isAddressInCidr(address, item.block.cidr) ? undefined : findExcept(item.block, ip);
      if (except) return `${ip} is inside ${item.block.cidr.text} but excluded by except ${except.text}`;
    }
  }
  return undefined;
}
