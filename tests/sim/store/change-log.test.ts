import { describe, expect, test } from "vitest";
import { ChangeLog, MAX_CHANGES } from "@/lib/sim/store/change-log";
import type { AnyObject } from "@/lib/sim/objects/kinds";
import { Cluster } from "@/lib/sim/store/cluster";

const pod = (name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: name } }) as unknown as AnyObject;

describe("ChangeLog", () => {
  test("returns the changes after a resourceVersion, oldest first", () => {
    const log = ChangeLog.empty();
    log.record("ADDED", pod("a"), 3);
    log.record("MODIFIED", pod("a"), 4);
    log.record("DELETED", pod("a"), 7);
    expect(log.since(3)?.map((c) => [c.type, c.resourceVersion])).toEqual([["MODIFIED", 4], ["DELETED", 7]]);
    expect(log.since(0)).toHaveLength(3);
    expect(log.since(7)).toEqual([]);
  });

  test("keeps a window of recent changes; older resourceVersions are too old to resume from", () => {
    const log = ChangeLog.empty();
    for (let rv = 1; rv <= MAX_CHANGES + 201; rv++) log.record("MODIFIED", pod("a"), rv);
    expect(log.since(0)).toBeUndefined();
    expect(log.since(201)).toHaveLength(MAX_CHANGES);
    expect(log.since(MAX_CHANGES + 200)).toHaveLength(1);
  });

  test("a clone goes on independently", () => {
    const log = ChangeLog.empty();
    log.record("ADDED", pod("a"), 1);
    const copy = log.clone();
    copy.record("ADDED", pod("b"), 2);
    expect(log.since(0)).toHaveLength(1);
    expect(copy.since(0)).toHaveLength(2);
  });
});

describe("Cluster.changesSince", () => {
  test("a scaled Deployment's new pod is ADDED Pending, bound by the scheduler, then started by the kubelet", () => {
    const cluster = Cluster.create();
    cluster.applyText("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n");
    const before = cluster.resourceVersion;
    expect(cluster.scale("Deployment", "web", "default", 2).ok).toBe(true);
    const pods = (cluster.changesSince(before) ?? []).filter((c) => c.object.kind === "Pod");
    expect(pods.map((c) => [c.type, (c.object as { spec?: { nodeName?: string } }).spec?.nodeName !== undefined, (c.object as { status?: { phase?: string } }).status?.phase ?? "Pending"])).toEqual([
      ["ADDED", false, "Pending"],
      ["MODIFIED", true, "Pending"],
      ["MODIFIED", true, "Running"],
    ]);
    expect(pods.every((c, i) => i === 0 || c.resourceVersion > pods[i - 1].resourceVersion)).toBe(true);
    expect(String(pods[pods.length - 1].resourceVersion)).toBe(pods[pods.length - 1].object.metadata.resourceVersion);
  });

  test("a delete is DELETED with the object as it was, and a clone keeps the history", () => {
    const cluster = Cluster.create();
    cluster.applyText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n");
    const before = cluster.resourceVersion;
    const copy = cluster.clone();
    expect(cluster.delete("ConfigMap", "settings", "default").ok).toBe(true);
    expect(cluster.changesSince(before)?.map((c) => [c.type, c.object.metadata.name])).toEqual([["DELETED", "settings"]]);
    expect(copy.changesSince(before)).toEqual([]);
  });
});
