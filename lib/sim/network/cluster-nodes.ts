import type { ClusterState } from "../cluster-state";
import type { Node } from "../objects/kinds";

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
  const stored = state.list("Node");
  const cached = nodesByListing.get(stored);
  if (cached && cached.config === state.config) return cached.nodes;
  const nodes = buildClusterNodes(state, stored);
  nodesByListing.set(stored, { config: state.config, nodes });
  return nodes;
}

/**
 * Every connection asks for the nodes (which node is whose, which address was dialled); they change only with
 * the Node listing, an immutable snapshot until the next Node write, and the state's fixed configuration.
 */
const nodesByListing = new WeakMap<readonly Node[], { config: ClusterState["config"]; nodes: readonly ClusterNode[] }>();

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
