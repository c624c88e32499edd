import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildPolicy, resolvePolicyTypes } from "@/lib/sim/netpol/build-policy";
import { buildIPBlockMatcher, matchIPBlock, parseCidr } from "@/lib/sim/netpol/ip-block";
import { buildPeerMatcher, matchPeer } from "@/lib/sim/netpol/peer-matcher";
import { buildPodPeer, namespaceLabelsOf } from "@/lib/sim/netpol/policy-peer";
import { buildPortMatcher, matchPortMatcher } from "@/lib/sim/netpol/port-matcher";
import type { NetworkPolicy, Pod } from "@/lib/sim/objects/kinds";

const server = {
  metadata: { name: "server", namespace: "x", uid: "u", resourceVersion: "1", creationTimestamp: "" },
  spec: { containers: [{ name: "c", ports: [{ name: "http", containerPort: 8080 }, { name: "dns", containerPort: 53, protocol: "UDP" }] }] },
} as Pod;

describe("ipBlock (IPBlock in staging/src/k8s.io/api/networking/v1/types.go)", () => {
  test.each([
    { label: "inside the cidr", cidr: "172.17.0.0/16", except: [], ip: "172.17.3.4", want: true },
    { label: "inside an except", cidr: "172.17.0.0/16", except: ["172.17.1.0/24"], ip: "172.17.1.200", want: false },
    { label: "just after the except", cidr: "172.17.0.0/16", except: ["172.17.1.0/24"], ip: "172.17.2.0", want: true },
    { label: "outside", cidr: "10.0.0.0/24", except: [], ip: "10.0.1.1", want: false },
    { label: "a /32", cidr: "10.244.1.5/32", except: [], ip: "10.244.1.5", want: true },
    { label: "0.0.0.0/0 matches everything", cidr: "0.0.0.0/0", except: [], ip: "8.8.8.8", want: true },
    { label: "a host-bits cidr is masked (10.0.0.7/24 is 10.0.0.0/24)", cidr: "10.0.0.7/24", except: [], ip: "10.0.0.200", want: true },
    { label: "an IPv6 block never matches the IPv4 cluster", cidr: "::/0", except: [], ip: "10.0.0.1", want: false },
  ])("$label", ({ cidr, except, ip, want }) => {
    const matcher = buildIPBlockMatcher({ cidr, except });
    expect(matcher).toBeDefined();
    expect(matchIPBlock(matcher!, ip)).toBe(want);
  });

  test.each(["", "10.0.0.0", "10.0.0.0/33", "300.0.0.0/8", "10.0.0/8", "a/b", "10.0.0.0/8/1"])("rejects malformed cidr %j", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  test("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (cidr, ip) => {
      const matcher = buildIPBlockMatcher({ cidr, except: [ip] });
      if (matcher) matchIPBlock(matcher, ip);
    }));
  });
});

describe("ports (NetworkPolicyPort)", () => {
  const base = { destination: server, supportsEndPort: true };
  test.each([
    { label: "no ports: every port and protocol", ports: undefined, port: 9, protocol: "SCTP", want: true },
    { label: "empty list: every port", ports: [], port: 9, protocol: "UDP", want: true },
    { label: "protocol defaults to TCP", ports: [{ port: 80 }], port: 80, protocol: "TCP", want: true },
    { label: "a TCP port does not admit UDP", ports: [{ port: 80 }], port: 80, protocol: "UDP", want: false },
    { label: "protocol only: any port of it", ports: [{ protocol: "UDP" }], port: 5353, protocol: "UDP", want: true },
    { label: "SCTP is not TCP", ports: [{ protocol: "SCTP", port: 81 }], port: 81, protocol: "TCP", want: false },
    { label: "endPort range, inclusive end", ports: [{ port: 32000, endPort: 32768 }], port: 32768, protocol: "TCP", want: true },
    { label: "named port resolves on the destination pod", ports: [{ port: "http" }], port: 8080, protocol: "TCP", want: true },
    { label: "named port: another number is not it", ports: [{ port: "http" }], port: 80, protocol: "TCP", want: false },
    { label: "named port needs the matching protocol", ports: [{ port: "dns", protocol: "UDP" }], port: 53, protocol: "UDP", want: true },
    { label: "named port with the wrong protocol", ports: [{ port: "dns" }], port: 53, protocol: "TCP", want: false },
    { label: "a name the pod does not define", ports: [{ port: "metrics" }], port: 9090, protocol: "TCP", want: false },
  ] as const)("$label", ({ ports, port, protocol, want }) => {
    expect(matchPortMatcher(buildPortMatcher(ports as never), { ...base, port, protocol }) !== -1).toBe(want);
  });

  test("a named port cannot match when the destination is not a pod", () => {
    expect(matchPortMatcher(buildPortMatcher([{ port: "http" }]), { port: 8080, protocol: "TCP", supportsEndPort: true })).toBe(-1);
  });

  test("without endPort support only the single port counts", () => {
    const matcher = buildPortMatcher([{ port: 32000, endPort: 32768 }]);
    expect(matchPortMatcher(matcher, { port: 32000, protocol: "TCP", supportsEndPort: false })).toBe(0);
    expect(matchPortMatcher(matcher, { port: 32001, protocol: "TCP", supportsEndPort: false })).toBe(-1);
  });
});

describe("peers (NetworkPolicyPeer), the seven combinations of cyclonus podpeermatcher.go", () => {
  const peer = (ns: string, labels: Record<string, string>, nsLabels: Record<string, string> = {}) =>
    buildPodPeer({ metadata: { name: "p", namespace: ns, labels, uid: "u", resourceVersion: "1", creationTimestamp: "" }, status: { podIP: "10.244.1.9" } } as Pod, { ...nsLabels, ...namespaceLabelsOf(ns, undefined) });
  test.each([
    { label: "absent from: all", peers: undefined, p: peer("y", {}), want: true },
    { label: "from: []: all", peers: [], p: peer("y", {}), want: true },
    { label: "podSelector {}: same namespace only", peers: [{ podSelector: {} }], p: peer("y", {}), want: false },
    { label: "podSelector {}: any pod of the policy's namespace", peers: [{ podSelector: {} }], p: peer("x", { a: "b" }), want: true },
    { label: "namespaceSelector {}: every namespace", peers: [{ namespaceSelector: {} }], p: peer("y", {}), want: true },
    { label: "both {}: every pod everywhere", peers: [{ namespaceSelector: {}, podSelector: {} }], p: peer("z", { q: "r" }), want: true },
    { label: "namespaceSelector labels: matching namespace", peers: [{ namespaceSelector: { matchLabels: { team: "a" } } }], p: peer("y", {}, { team: "a" }), want: true },
    { label: "both with labels: AND, pod label missing", peers: [{ namespaceSelector: { matchLabels: { team: "a" } }, podSelector: { matchLabels: { role: "c" } } }], p: peer("y", {}, { team: "a" }), want: false },
    { label: "two peers: OR", peers: [{ namespaceSelector: { matchLabels: { team: "a" } } }, { podSelector: { matchLabels: { role: "c" } } }], p: peer("x", { role: "c" }), want: true },
    { label: "ipBlock matches the pod IP", peers: [{ ipBlock: { cidr: "10.244.1.0/24" } }], p: peer("y", {}), want: true },
    { label: "an empty peer matches nothing", peers: [{}], p: peer("x", {}), want: false },
  ])("$label", ({ peers, p, want }) => {
    expect(matchPeer(buildPeerMatcher(peers as never, "x"), p) !== -1).toBe(want);
  });
});

describe("policyTypes defaulting (pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy)", () => {
  const np = (spec: object) => ({ metadata: { name: "n", namespace: "x" }, spec }) as NetworkPolicy;
  test.each([
    { label: "nothing: Ingress", spec: { podSelector: {} }, want: { ingress: true, egress: false }, defaulted: true },
    { label: "egress rules: Ingress and Egress", spec: { podSelector: {}, egress: [{}] }, want: { ingress: true, egress: true }, defaulted: true },
    { label: "egress: [] is no rule: Ingress only", spec: { podSelector: {}, egress: [] }, want: { ingress: true, egress: false }, defaulted: true },
    { label: "written Egress only", spec: { podSelector: {}, policyTypes: ["Egress"] }, want: { ingress: false, egress: true }, defaulted: false },
  ])("$label", ({ spec, want, defaulted }) => {
    expect(resolvePolicyTypes(np(spec))).toEqual({ types: want, defaulted });
    expect(buildPolicy(np(spec)).policyTypes).toEqual(want);
  });
});
