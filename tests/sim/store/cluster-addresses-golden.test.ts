import { expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { deployment, service } from "./yaml";

/**
 * The addresses and names a fresh default cluster hands out are part of what lessons and golden terminal
 * transcripts print; they follow from the seed alone. A change here is a change learners will see.
 */
test("a fresh cluster's first workload gets the same names and addresses on every run", () => {
  const cluster = Cluster.create();
  cluster.apply(deployment("web", 2));
  cluster.apply(service("web", { type: "NodePort" }));
  const svc = cluster.get("Service", "web", "default")!;
  expect({
    clusterIP: svc.spec?.clusterIP,
    nodePort: svc.spec?.ports?.[0].nodePort,
    replicaSets: cluster.list("ReplicaSet", "default").map((r) => r.metadata.name),
    pods: cluster.list("Pod", "default").map((p) => [p.metadata.name, p.spec?.nodeName, p.status?.podIP]),
    coredns: cluster.list("Pod", "kube-system").map((p) => [p.metadata.name, p.spec?.nodeName, p.status?.podIP]),
  }).toEqual({
    clusterIP: "10.111.1.69",
    nodePort: 31179,
    replicaSets: ["web-659f4ff567"],
    pods: [
      ["web-659f4ff567-bsmmg", "worker-1", "10.244.1.2"],
      ["web-659f4ff567-x9fgr", "worker-2", "10.244.2.2"],
    ],
    coredns: [
      ["coredns-5d88c989f6-kwfhn", "control-plane", "10.244.0.2"],
      ["coredns-5d88c989f6-s7q5f", "control-plane", "10.244.0.3"],
    ],
  });
});

test("another seed gives other random draws but the same sequential addresses", () => {
  const cluster = Cluster.create({ config: { seed: 2 } });
  cluster.apply(service("web"));
  expect(cluster.get("Service", "web", "default")?.spec?.clusterIP).not.toBe("10.111.1.69");
  expect(cluster.list("Pod", "kube-system").map((p) => p.status?.podIP)).toEqual(["10.244.0.2", "10.244.0.3"]);
});
