import { describe, expect, test } from "vitest";
import { memoByListing, memoOf, memoSlot, type ListingEntry } from "@/lib/sim/state-memo";
import { Cluster } from "@/lib/sim/store/cluster";
import { connect } from "@/lib/sim/network/connect";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { deployment, service } from "@/tests/sim/store/yaml";
import type { Pod } from "@/lib/sim/objects/kinds";

const denyIngress = {
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "deny-ingress", namespace: "default" },
  spec: { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress"] },
};

function cluster(): Cluster {
  const c = Cluster.create();
  for (const object of [deployment("web", 1), deployment("api", 1), service("api")]) {
    const written = c.apply(object, { namespace: "default" });
    if (!written.ok) throw new Error(written.error.message);
  }
  return c;
}

const podOf = (c: Cluster, app: string): Pod => c.list("Pod", "default").find((p) => p.metadata.labels?.app === app)!;
const webToApi = (c: Cluster) => isTrafficAllowed(c, { source: { kind: "pod", pod: podOf(c, "web") }, destination: { kind: "pod", pod: podOf(c, "api") }, port: 80, protocol: "TCP" }).allowed;

describe("memoByListing", () => {
  test("keeps the answer while the listing is the same array, and derives it again for another", () => {
    const cache = new Map<string, ListingEntry<readonly number[], number>>();
    let derived = 0;
    const sum = (listing: readonly number[]) => (derived++, listing.reduce((a, b) => a + b, 0));
    const first = [1, 2];
    expect(memoByListing(cache, "ns", first, sum)).toBe(3);
    expect(memoByListing(cache, "ns", first, sum)).toBe(3);
    expect(derived).toBe(1);
    expect(memoByListing(cache, "ns", [1, 2, 3], sum)).toBe(6);
    expect(memoByListing(cache, "other", first, sum)).toBe(3);
    expect(derived).toBe(3);
  });
});

describe("StateMemo", () => {
  test("a state without a memo gets an empty cache every time", () => {
    const slot = memoSlot(() => new Map<string, number>());
    const state = staticClusterState([]);
    memoOf(state, slot).set("a", 1);
    expect(memoOf(state, slot).size).toBe(0);
  });

  test("a Cluster keeps one cache per slot; a clone starts with its own, empty one", () => {
    const slot = memoSlot(() => new Map<string, number>());
    const parent = cluster();
    memoOf(parent, slot).set("a", 1);
    expect(memoOf(parent, slot).get("a")).toBe(1);
    const clone = parent.clone();
    expect(memoOf(clone, slot).size).toBe(0);
    memoOf(clone, slot).set("b", 2);
    expect(memoOf(parent, slot).has("b")).toBe(false);
  });

  test("answers kept by one state follow its writes and never reach its clone or its parent", () => {
    const parent = cluster();
    expect(webToApi(parent)).toBe(true);
    const clone = parent.clone();
    expect(clone.apply(denyIngress, { namespace: "default" }).ok).toBe(true);
    expect(webToApi(clone)).toBe(false);
    expect(webToApi(parent)).toBe(true);
    expect(connect(clone, { from: { kind: "pod", pod: podOf(clone, "web") }, host: "api", port: 80 }).outcome).toBe("timeout");
    expect(connect(parent, { from: { kind: "pod", pod: podOf(parent, "web") }, host: "api", port: 80 }).outcome).toBe("connected");
    expect(clone.delete("NetworkPolicy", "deny-ingress", "default").ok).toBe(true);
    expect(webToApi(clone)).toBe(true);
  });
});
