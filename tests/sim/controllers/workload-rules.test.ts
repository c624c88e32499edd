import { describe, expect, test } from "vitest";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import { computePodTemplateHash, isSameTemplate } from "@/lib/sim/controllers/pod-template-hash";
import { computeQOSClass, preparePodForCreate } from "@/lib/sim/controllers/prepare-pod";
import { formatFitError, toleratesTaint } from "@/lib/sim/controllers/scheduler";
import { isProbeSatisfiable } from "@/lib/sim/controllers/kubelet";
import { KUBE_NAME_ALPHABET, safeEncodeString } from "@/lib/sim/alloc/generate-name";

const template = (image: string, labels: Record<string, string> = { app: "web" }) => ({ metadata: { labels }, spec: { containers: [{ name: "c", image }] } });

describe("pod-template-hash (pkg/controller/controller_utils.go ComputeHash)", () => {
  test("equal templates hash equally, in the kube alphabet; a changed image changes the hash", () => {
    const a = computePodTemplateHash(template("nginx:1.26"));
    expect(a).toMatch(new RegExp(`^[${KUBE_NAME_ALPHABET}]{6,10}$`));
    expect(computePodTemplateHash(template("nginx:1.26"))).toBe(a);
    expect(computePodTemplateHash(template("nginx:1.27"))).not.toBe(a);
    expect(computePodTemplateHash(template("nginx:1.26"), 1)).not.toBe(a);
  });

  test("the hash label itself is ignored when comparing templates (EqualIgnoreHash)", () => {
    expect(isSameTemplate(template("nginx", { app: "web", "pod-template-hash": "abc" }), template("nginx"))).toBe(true);
    expect(isSameTemplate(template("nginx", { app: "api" }), template("nginx"))).toBe(false);
  });

  test("SafeEncodeString maps each character onto the alphabet", () => {
    expect(safeEncodeString("0123")).toBe("4567");
  });
});

describe("QoS class (pkg/apis/core/helper/qos GetPodQOS)", () => {
  const c = (resources: IContainer["resources"]): IPodSpec => ({ containers: [{ name: "c", resources }] });
  test.each([
    { label: "no requests or limits", spec: c(undefined), qos: "BestEffort" },
    { label: "limits equal requests for cpu and memory", spec: c({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } }), qos: "Guaranteed" },
    { label: "limits only (requests default to limits)", spec: c({ limits: { cpu: "1", memory: "1Gi" } }), qos: "Guaranteed" },
    { label: "requests only", spec: c({ requests: { cpu: "100m" } }), qos: "Burstable" },
    { label: "memory limit only", spec: c({ limits: { memory: "170Mi" } }), qos: "Burstable" },
  ])("$label → $qos", ({ spec, qos }) => {
    expect(computeQOSClass(spec)).toBe(qos);
  });

  test("a new pod is Pending, uses the default service account and tolerates not-ready/unreachable for 300 s", () => {
    const prepared = preparePodForCreate<{ spec?: IPodSpec; status?: object }>({ spec: { containers: [{ name: "c" }] }, status: { phase: "Running" } });
    expect(prepared.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
    expect(prepared.spec?.serviceAccountName).toBe("default");
    expect(prepared.spec?.tolerations?.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds}`)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute:300",
      "node.kubernetes.io/unreachable:NoExecute:300",
    ]);
  });
});

describe("scheduler predicates", () => {
  const taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const };
  test.each<{ label: string; toleration: IToleration; tolerates: boolean }>([
    { label: "Exists on the key", toleration: { key: taint.key, operator: "Exists" }, tolerates: true },
    { label: "Exists with no key tolerates everything", toleration: { operator: "Exists" }, tolerates: true },
    { label: "key and effect (operator Equal, empty value)", toleration: { key: taint.key, effect: "NoSchedule" }, tolerates: true },
    { label: "another effect", toleration: { key: taint.key, operator: "Exists", effect: "NoExecute" }, tolerates: false },
    { label: "another key", toleration: { key: "gpu", operator: "Exists" }, tolerates: false },
    { label: "Equal with a different value", toleration: { key: taint.key, operator: "Equal", value: "x" }, tolerates: false },
  ])("$label → $tolerates", ({ toleration, tolerates }) => {
    expect(toleratesTaint(toleration, taint)).toBe(tolerates);
  });

  test("the FitError message counts and sorts reasons", () => {
    expect(formatFitError(3, new Map([["node(s) didn't match Pod's node affinity/selector", 2], ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }", 1]]))).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
});

describe("readiness probes the kubelet can judge", () => {
  const container = (image: string, probe: IContainer["readinessProbe"], ports: IContainer["ports"] = []): IContainer => ({ name: "c", image, readinessProbe: probe, ports });
  test.each([
    { label: "no probe", c: container("nginx", undefined), ready: true },
    { label: "exec probe", c: container("nginx", { exec: { command: ["true"] } }), ready: true },
    { label: "nginx probed on 80", c: container("nginx:1.27", { httpGet: { path: "/", port: 80 } }), ready: true },
    { label: "nginx probed on 8080 (nothing listens)", c: container("nginx:1.27", { httpGet: { path: "/", port: 8080 } }), ready: false },
    { label: "unknown image, any port", c: container("example.com/app:1", { tcpSocket: { port: 9000 } }), ready: true },
    { label: "a named port the container declares", c: container("nginx", { httpGet: { path: "/", port: "http" } }, [{ name: "http", containerPort: 80 }]), ready: true },
    { label: "a named port the container lacks", c: container("nginx", { httpGet: { path: "/", port: "web" } }, [{ name: "http", containerPort: 80 }]), ready: false },
  ])("$label → ready $ready", ({ c, ready }) => {
    expect(isProbeSatisfiable(c.readinessProbe, c)).toBe(ready);
  });
});
