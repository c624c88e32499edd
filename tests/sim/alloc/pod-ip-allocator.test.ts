import { describe, expect, test } from "vitest";
import { PodIPAllocator } from "@/lib/sim/alloc/pod-ip-allocator";
import { VPC_CNI_NODES } from "@/lib/sim/bootstrap/resolve-cluster-config";
import { DEFAULT_CLUSTER_CONFIG } from "@/lib/sim/config";
import { isIPv4InCIDR } from "@/lib/sim/network/ipv4";

describe("PodIPAllocator", () => {
  test("node-pod-cidr: host-local style, from .2 of the node's podCIDR, in order", () => {
    const allocator = new PodIPAllocator(DEFAULT_CLUSTER_CONFIG.nodes, "node-pod-cidr");
    expect([allocator.allocate("worker-1"), allocator.allocate("worker-1"), allocator.allocate("worker-2")]).toEqual(["10.244.1.2", "10.244.1.3", "10.244.2.2"]);
  });

  test("an address is not handed out again while taken; after release the walk continues round-robin", () => {
    const allocator = new PodIPAllocator(DEFAULT_CLUSTER_CONFIG.nodes, "node-pod-cidr");
    const first = allocator.allocate("worker-1")!;
    allocator.reserve("10.244.1.3");
    expect(allocator.allocate("worker-1")).toBe("10.244.1.4");
    allocator.release(first);
    expect(allocator.allocate("worker-1")).toBe("10.244.1.5");
  });

  test("a full node range answers undefined; an unknown node too", () => {
    const allocator = new PodIPAllocator([{ name: "tiny", internalIP: "172.18.0.9", podCIDR: "10.9.0.0/30" }], "node-pod-cidr");
    expect(allocator.allocate("tiny")).toBe("10.9.0.2");
    expect(allocator.allocate("tiny")).toBeUndefined();
    expect(allocator.allocate("nope")).toBeUndefined();
  });

  test("vpc-subnet: pod IPs come from the node's VPC subnet, skipping AWS-reserved addresses and node IPs", () => {
    const allocator = new PodIPAllocator(VPC_CNI_NODES, "vpc-subnet");
    const ips = Array.from({ length: 8 }, () => allocator.allocate("worker-1")!);
    expect(ips[0]).toBe("192.168.32.4");
    expect(ips).not.toContain("192.168.32.10");
    for (const ip of ips) expect(isIPv4InCIDR(ip, "192.168.32.0/19")).toBe(true);
    expect(new Set(ips).size).toBe(ips.length);
  });
});
