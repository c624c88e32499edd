import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import { createBitset, fullBitset, orInto, setBit, type Bitset } from "./bitset";
import { isAddressInCidr, parseIPv4Address } from "./ip-block";
import { matchNamespace, matchPod, type PeerItem, type PeerMatcher } from "./peer-matcher";
import { buildPodPeer, namespaceLabelsOf, type PolicyPeer } from "./policy-peer";
import type { Target } from "./target";

/**
 * A fixed list of pods with everything set-based evaluation needs precomputed: their policy peers, parsed IPv4
 * addresses, namespaces and node numbers. Selections over it are bitsets indexed like `peers`.
 */
export interface PodIndex {
  peers: PolicyPeer[];
  size: number;
  byNamespace: Map<string, number[]>;
  namespaceLabels: Map<string, Record<string, string>>;
  addresses: number[][];
  /** A number per node name (-1 when unscheduled), so same-node checks compare integers. */
  nodeIds: Int32Array;
  /** 1 for pod-network pods, 0 for hostNetwork pods (which policies neither select nor match by selector). */
  onPodNetwork: Uint8Array;
  /** Memo of peer-item selections shared by rules that repeat the same selector. */
  itemCache: Map<string, Bitset>;
}

export function buildPodIndex(state: ClusterState, pods: readonly Pod[]): PodIndex {
  const namespaceLabels = new Map<string, Record<string, string>>();
  const byNamespace = new Map<string, number[]>();
  const nodes = new Map<string, number>();
  const peers = pods.map((pod, i) => {
    const ns = pod.metadata.namespace ?? "default";
    if (!namespaceLabels.has(ns)) namespaceLabels.set(ns, namespaceLabelsOf(ns, state.get("Namespace", ns)));
    const list = byNamespace.get(ns) ?? [];
    list.push(i);
    byNamespace.set(ns, list);
    return buildPodPeer(pod, namespaceLabels.get(ns) ?? {});
  });
  const nodeIds = Int32Array.from(peers, (p) => {
    const name = p.kind === "external" ? undefined : p.nodeName;
    if (name === undefined) return -1;
    if (!nodes.has(name)) nodes.set(name, nodes.size);
    return nodes.get(name) ?? -1;
  });
  return {
    peers,
    size: peers.length,
    byNamespace,
    namespaceLabels,
    addresses: peers.map((p) => p.ips.map(parseIPv4Address).filter((a): a is number => a !== undefined)),
    nodeIds,
    onPodNetwork: Uint8Array.from(peers, (p) => (p.kind === "pod" ? 1 : 0)),
    itemCache: new Map(),
  };
}

/** The pods a policy's spec.podSelector selects (same namespace, pod network only). */
export function selectTargetPods(index: PodIndex, target: Target): number[] {
  return (index.byNamespace.get(target.namespace) ?? []).filter((i) => {
    const peer = index.peers[i];
    return peer.kind === "pod" && matchPod(target.pod, peer.labels);
  });
}

/** The pods a rule's peer list admits, as a bitset: the OR of its items (matchPeer over every pod at once). */
export function selectPeerPods(index: PodIndex, matcher: PeerMatcher): Bitset {
  if (matcher.kind === "all") return fullBitset(index.size);
  const bits = createBitset(index.size);
  for (const item of matcher.items) orInto(bits, selectPeerItem(index, item));
  return bits;
}

function selectPeerItem(index: PodIndex, item: PeerItem): Bitset {
  const key = JSON.stringify({ ...item, index: 0 });
  const cached = index.itemCache.get(key);
  if (cached) return cached;
  const bits = createBitset(index.size);
  if (item.kind === "ip-block") {
    index.addresses.forEach((addresses, i) => {
      if (addresses.some((a) => isAddressInCidr(a, item.block.cidr) && !item.block.except.some((c) => isAddressInCidr(a, c)))) setBit(bits, i);
    });
  } else if (item.kind === "pod") {
    for (const [ns, members] of index.byNamespace) {
      if (!matchNamespace(item.namespace, ns, index.namespaceLabels.get(ns) ?? {})) continue;
      for (const i of members) {
        const peer = index.peers[i];
        if (peer.kind === "pod" && matchPod(item.pod, peer.labels)) setBit(bits, i);
      }
    }
  }
  index.itemCache.set(key, bits);
  return bits;
}
