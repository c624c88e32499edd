import { describe, expect, test } from "vitest";
import { lookupHostsFile } from "@/lib/sim/dns/lookup-hosts-file";
import type { Pod } from "@/lib/sim/objects/kinds";
import { articleState, pod } from "@/tests/sim/network/networking-fixture";

const state = articleState();
const web = {
  ...pod("web-0", { namespace: "shop", ip: "10.244.1.40", hostname: "web-0", subdomain: "web" }),
  spec: { ...pod("web-0", { namespace: "shop", ip: "10.244.1.40", hostname: "web-0", subdomain: "web" }).spec as object, hostAliases: [{ ip: "192.0.2.9", hostnames: ["legacy.internal", "old"] }] },
} as unknown as Pod;

// kubernetes/kubernetes pkg/kubelet/kubelet_pods.go managedHostsFileContent; https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/
describe("lookupHostsFile", () => {
  test.each([
    { name: "localhost", want: "127.0.0.1" },
    { name: "LOCALHOST.", want: "127.0.0.1" },
    { name: "web-0", want: "10.244.1.40" },
    { name: "web-0.web.shop.svc.cluster.local", want: "10.244.1.40" },
    { name: "legacy.internal", want: "192.0.2.9" },
    { name: "old", want: "192.0.2.9" },
    { name: "web", want: undefined },
    { name: "__proto__", want: undefined },
  ])("$name → $want", ({ name, want }) => {
    expect(lookupHostsFile(state, web, name)).toBe(want);
  });
});
