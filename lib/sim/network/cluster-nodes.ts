import type { ClusterState } from "../cluster-state";
import type { Node } from "../objects/kinds";
import { memoByListing, memoOf, memoSlot, type ListingEntry } from "../state-memo";

/** A node as the data plane sees it: its name, InternalIP and the Node object NetworkPolicy peers carry. */
export interface ClusterNode {
  name: string;
  internalIP: string;
  node: Node;
  controlPlane: boolean;
}

/**
 * The cluster's nodes. The Node objects the store holds are preferred (status.addresses InternalIP, as
 * kube-proxy reads its --bind-address / node IP from them); nodes named only in ClusterConfig get a minimal
 * Node so a state built without the store still has a network to route over.
 */
export function listClusterNodes(state: ClusterState): readonly ClusterNode[] {
  return memoByListing(memoOf(state, NODES), "", state.list("Node"), (stored) => buildClusterNodes(state, stored));
}

/**
 * Every connection asks for the nodes (which node is whose, which address was dialled); they change only with
 * the Node listing, an immutable snapshot until the next Node write, and the state's fixed configuration.
 * Kept by the state (state-memo.ts).
 */
const NODES = memoSlot(() => new Map<string, ListingEntry<readonly Node[], readonly ClusterNode[]>>());

function buildClusterNodes(state: ClusterState, stored: readonly Node[]): ClusterNode[] {
  return state.config.nodes.map((config) => {
    const node = stored.find((n) => n.metadata.name === config.name);
    const internalIP =
      node?.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? config.internalIP;
    return {
      name: config.name,
      internalIP,
      controlPlane: config.controlPlane === true,
      node:
        node ??
        ({
          apiVersion: "v1",
          kind: "Node",
          metadata: {
            name: config.name,
            uid: `node-${config.name}`,
            resourceVersion: "1",
            creationTimestamp: state.config.startTime,
            labels: { "kubernetes.io/hostname": config.name, ...(config.labels ?? {}) },
          },
          spec: { podCIDR: config.podCIDR },
          status: { addresses: [{ type: "InternalIP", address: config.internalIP }] },
        } as Node),
    };
  });
}

export function findClusterNode(state: ClusterState, name: string | undefined): ClusterNode | undefined {
  if (name === undefined) return undefined;
  return listClusterNodes(state).find((n) => n.name === name);
}

export function findClusterNodeByIP(state: ClusterState, ip: string): ClusterNode | undefined {
  return listClusterNodes(state).find((n) => n.internalIP === ip);
}
