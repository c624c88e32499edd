import { describe, expect, test } from "vitest";
import { formatResolvConf } from "@/lib/sim/dns/format-resolv-conf";
import { buildResolvConf } from "@/lib/sim/dns/build-resolv-conf";
import { resolverLibraryForImage } from "@/lib/sim/dns/resolver-library";
import { articleState, pod, type PodOptions } from "@/tests/sim/network/networking-fixture";
import type { Pod } from "@/lib/sim/objects/kinds";

const state = articleState();
const asPod = (o: PodOptions) => pod("p", o) as unknown as Pod;

// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy and #pod-dns-config
describe("formatResolvConf", () => {
  test.each([
    {
      label: "ClusterFirst (default) in production",
      pod: { namespace: "production" },
      want: "search production.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    },
    {
      label: "Default: the node's resolver",
      pod: { dnsPolicy: "Default" },
      want: "nameserver 172.18.0.1\n",
    },
    {
      label: "hostNetwork with ClusterFirst falls back to Default",
      pod: { hostNetwork: true },
      want: "nameserver 172.18.0.1\n",
    },
    {
      label: "ClusterFirstWithHostNet keeps cluster DNS for a hostNetwork pod",
      pod: { hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet" },
      want: "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    },
    {
      label: "None with dnsConfig (the docs' example)",
      pod: {
        dnsPolicy: "None",
        dnsConfig: { nameservers: ["192.0.2.1"], searches: ["ns1.svc.cluster-domain.example", "my.dns.search.suffix"], options: [{ name: "ndots", value: "2" }, { name: "edns0" }] },
      },
      want: "search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n",
    },
    {
      label: "ClusterFirst merged with dnsConfig: options override by name",
      pod: { dnsConfig: { searches: ["corp.example"], options: [{ name: "ndots", value: "1" }] } },
      want: "search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:1\n",
    },
  ])("$label", ({ pod: options, want }) => {
    expect(formatResolvConf(state, asPod(options))).toBe(want);
  });

  test("ndots is read back as a number for the resolver", () => {
    expect(buildResolvConf(state, asPod({ dnsConfig: { options: [{ name: "ndots", value: "2" }] } })).ndots).toBe(2);
    expect(buildResolvConf(state, asPod({ dnsPolicy: "Default" })).ndots).toBe(1);
  });
});

describe("resolverLibraryForImage", () => {
  test.each([
    { image: "nicolaka/netshoot", want: "musl" },
    { image: "curlimages/curl:8.10.1", want: "musl" },
    { image: "nginx:1.27-alpine", want: "musl" },
    { image: "nginx:1.27", want: "glibc" },
    { image: "busybox", want: "glibc" },
  ])("$image → $want", ({ image, want }) => {
    expect(resolverLibraryForImage(image)).toBe(want);
  });
});
