import { describe, expect, test } from "vitest";
import { pingHost } from "@/lib/sim/network/ping-host";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { ClusterState } from "@/lib/sim/cluster-state";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import { articleState } from "@/tests/sim/network/networking-fixture";

const netshoot = (s: ClusterState): TrafficPeer => ({ kind: "pod", pod: s.get("Pod", "netshoot", "default") as Pod });
const policy = (name: string, ingress: unknown[] | undefined) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace: "production" },
  spec: { podSelector: {}, policyTypes: ["Ingress"], ...(ingress ? { ingress } : {}) },
});
const fromAll = [{ from: [{ namespaceSelector: {} }] }];
const fromAllTcp80 = [{ from: [{ namespaceSelector: {} }], ports: [{ protocol: "TCP", port: 80 }] }];

describe("pingHost", () => {
  test.each([
    { label: "a pod answers", host: "10.244.2.7", policies: [], cni: "calico", want: "reply" },
    { label: "a ClusterIP never answers ICMP (iptables mode)", host: "my-backend-api.production", policies: [], cni: "calico", want: "no-reply" },
    { label: "a node answers", host: "172.18.0.4", policies: [], cni: "calico", want: "reply" },
    { label: "unknown name", host: "nope", policies: [], cni: "calico", want: "unknown-host" },
    { label: "default-deny drops ICMP (Calico)", host: "10.244.2.7", policies: [policy("deny", undefined)], cni: "calico", want: "no-reply" },
    { label: "a rule without ports admits ICMP", host: "10.244.2.7", policies: [policy("all", fromAll)], cni: "calico", want: "reply" },
    { label: "a rule with only TCP 80 does not admit ICMP", host: "10.244.2.7", policies: [policy("tcp80", fromAllTcp80)], cni: "calico", want: "no-reply" },
    { label: "Flannel enforces nothing", host: "10.244.2.7", policies: [policy("deny", undefined)], cni: "flannel", want: "reply" },
  ])("$label", ({ host, policies, cni, want }) => {
    const state = articleState(policies, { cni: cni as "calico" });
    expect(pingHost(state, { from: netshoot(state), host }).outcome).toBe(want);
  });

  test("from outside, pod addresses are not routed", () => {
    const state = articleState();
    expect(pingHost(state, { from: { kind: "external", ip: "198.51.100.7" }, host: "10.244.2.7" }).outcome).toBe("no-reply");
  });
});
