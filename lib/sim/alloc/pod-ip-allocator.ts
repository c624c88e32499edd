import type { CniProfile } from "../cni/cni-profile";
import type { NodeConfig } from "../config";
import { addressAt, parseIPv4Range } from "./ipv4-range";

/**
 * Pod IPs, as the CNI's IPAM hands them out on each node. Every profile keeps the networking model's first
 * rule: each pod gets its own IP, unique in the cluster, never handed to another pod while it exists
 * (https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model).
 * - node-pod-cidr (Calico, Cilium, Flannel with host-local IPAM): addresses from the node's spec.podCIDR;
 *   the first host address is the bridge gateway, so pods start at .2, and allocation walks round-robin
 *   from the last address handed out (containernetworking/plugins plugins/ipam/host-local/backend/allocator).
 * - vpc-subnet (Amazon VPC CNI): secondary addresses of the node's ENIs, in the node's own VPC subnet, so
 *   pod IPs look like node IPs; AWS reserves the first four and the last address of every subnet
 *   (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html) and node addresses are taken.
 */
export class PodIPAllocator {
  private readonly used: Set<string>;
  private readonly cursor: Map<string, number>;
  private readonly nodeIPs: Set<string>;

  constructor(
    private readonly nodes: readonly NodeConfig[],
    private readonly addressing: CniProfile["podAddressing"],
    used?: Set<string>,
    cursor?: Map<string, number>,
  ) {
    this.used = used ?? new Set();
    this.cursor = cursor ?? new Map();
    this.nodeIPs = new Set(nodes.map((n) => n.internalIP));
  }

  has(ip: string): boolean {
    return this.used.has(ip);
  }

  /** The next free address for a pod on `nodeName`, or undefined when the node is unknown or its range is full. */
  allocate(nodeName: string): string | undefined {
    const node = this.nodes.find((n) => n.name === nodeName);
    const range = node ? parseIPv4Range(node.podCIDR) : undefined;
    if (!node || !range || range.size < 4) return undefined;
    const first = this.addressing === "vpc-subnet" ? Math.min(4, range.size - 2) : 2;
    const last = range.size - 2;
    const span = last - first + 1;
    const previous = this.cursor.get(nodeName);
    const start = previous === undefined ? 0 : (previous - first + 1) % span;
    for (let i = 0; i < span; i++) {
      const offset = first + ((start + i) % span);
      const ip = addressAt(range, offset);
      if (this.used.has(ip) || this.nodeIPs.has(ip)) continue;
      this.used.add(ip);
      this.cursor.set(nodeName, offset);
      return ip;
    }
    return undefined;
  }

  /** Marks an address a snapshot already holds as taken. */
  reserve(ip: string): void {
    this.used.add(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }

  clone(): PodIPAllocator {
    return new PodIPAllocator(this.nodes, this.addressing, new Set(this.used), new Map(this.cursor));
  }
}
