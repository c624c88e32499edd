import type { IContainer } from "kubernetes-models/v1/Container";
import type { IContainerStatus } from "kubernetes-models/v1/ContainerStatus";
import type { IPodCondition } from "kubernetes-models/v1/PodCondition";
import type { IProbe } from "kubernetes-models/v1/Probe";
import { findKnownImage } from "../images/known-images";
import { parseImageReference } from "../images/parse-image-reference";
import type { Node, Pod } from "../objects/kinds";
import type { ControllerContext } from "./controller-context";

const SOURCE = "kubelet";

function nodeIPOf(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
}

/**
 * Whether a readiness probe would pass. What the simulator cannot observe it assumes healthy (exec
 * commands, images it does not know); what it can see it checks: a probe on a named port the container does
 * not declare fails (the kubelet cannot resolve it: pkg/kubelet/prober/prober.go findPortByName), and so does
 * a TCP or HTTP probe on a port a known image does not listen on (connection refused).
 */
export function isProbeSatisfiable(probe: IProbe | undefined, container: IContainer): boolean {
  if (!probe) return true;
  const target = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  if (target === undefined) return true;
  let port: number | undefined;
  if (typeof target === "number") port = target;
  else {
    port = (container.ports ?? []).find((p) => p.name === target)?.containerPort;
    if (port === undefined && /^[0-9]+$/.test(target)) port = Number(target);
    if (port === undefined) return false;
  }
  const known = findKnownImage(container.image);
  if (!known) return true;
  return known.listens(container).some((l) => l.port === port && l.protocol === "TCP");
}

function condition(type: string, ok: boolean, now: string, previous: readonly IPodCondition[] | undefined, reason?: string): IPodCondition {
  const status = ok ? "True" : "False";
  const old = previous?.find((c) => c.type === type);
  return {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
    ...(ok || !reason ? {} : { reason }),
  };
}

/**
 * Conditions of a started pod, in the order the kubelet reports them
 * (pkg/kubelet/status/generate.go; PodReadyToStartContainers since 1.29). A pod whose containers are not
 * all ready has Ready and ContainersReady False with reason ContainersNotReady.
 */
function startedConditions(pod: Pod, ready: boolean, now: string): IPodCondition[] {
  const previous = pod.status?.conditions;
  const scheduled = previous?.find((c) => c.type === "PodScheduled") ?? condition("PodScheduled", true, now, undefined);
  return [
    condition("PodReadyToStartContainers", true, now, previous),
    condition("Initialized", true, now, previous),
    condition("Ready", ready, now, previous, "ContainersNotReady"),
    condition("ContainersReady", ready, now, previous, "ContainersNotReady"),
    scheduled,
  ];
}

function containerStatus(container: IContainer, ready: boolean, startedAt: string, pod: Pod, index: number): IContainerStatus {
  // The runtime reports the fully qualified reference (docker.io/library/nginx:latest for `nginx`).
  const reference = parseImageReference(container.image ?? "");
  return {
    name: container.name,
    image: reference ? `${reference.name}:${reference.tag}` : (container.image ?? ""),
    imageID: "",
    containerID: `containerd://${pod.metadata.uid.replace(/-/g, "")}${String(index).padStart(4, "0")}`,
    ready,
    started: true,
    restartCount: 0,
    state: { running: { startedAt } },
  };
}

/**
 * The kubelet on each node: a pod bound to an existing node is started (image present, containers created
 * and started, as the Pulled/Created/Started events say), gets its IP from the CNI (or the node's IP with
 * hostNetwork), and becomes Running with Ready decided by its readiness probes.
 * A pod whose status came from a loaded snapshot keeps every field it has; only missing ones are filled
 * as a healthy cluster would (conformance-format: "Where status is absent, the simulator fills it").
 */
export function syncPods(ctx: ControllerContext): void {
  const nodes = new Map(ctx.list("Node").map((n) => [n.metadata.name, n]));
  for (const pod of ctx.list("Pod")) {
    if (!ctx.isDirty(pod.metadata.namespace)) continue;
    const node = pod.spec?.nodeName ? nodes.get(pod.spec.nodeName) : undefined;
    if (!node || pod.metadata.deletionTimestamp) continue;
    if (ctx.isStatusPinned(pod.metadata.uid)) fillPinnedStatus(ctx, pod, node);
    else if (!pod.status?.phase || pod.status.phase === "Pending") startPod(ctx, pod, node);
    else if (pod.status.phase === "Running") restartChangedContainers(ctx, pod);
  }
}

/**
 * A container whose image was changed in place (the one pod spec change besides tolerations the API
 * allows) is killed and started again with the new image, its restartCount moving up
 * (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions: "Container … definition changed").
 */
function restartChangedContainers(ctx: ControllerContext, pod: Pod): void {
  const statuses = pod.status?.containerStatuses ?? [];
  const now = ctx.timestamp();
  let changed = false;
  const next = (pod.spec?.containers ?? []).map((container, index) => {
    const current = statuses.find((s) => s.name === container.name);
    const wanted = containerStatus(container, current?.ready ?? true, now, pod, index);
    if (!current || current.image === wanted.image) return current ?? wanted;
    changed = true;
    const ref = { type: "Normal" as const, object: pod, source: SOURCE };
    ctx.record({ ...ref, reason: "Killing", message: `Container ${container.name} definition changed, will be restarted` });
    ctx.record({ ...ref, reason: "Pulled", message: `Container image "${container.image ?? ""}" already present on machine` });
    ctx.record({ ...ref, reason: "Created", message: `Created container: ${container.name}` });
    ctx.record({ ...ref, reason: "Started", message: `Started container: ${container.name}` });
    return { ...wanted, ready: current.ready, restartCount: (current.restartCount ?? 0) + 1, lastState: { terminated: { exitCode: 0, reason: "Completed", startedAt: current.state?.running?.startedAt, finishedAt: now } } };
  });
  if (changed) ctx.update<Pod>({ ...pod, status: { ...pod.status, containerStatuses: next } });
}

function assignIP(ctx: ControllerContext, pod: Pod, node: Node): string | undefined {
  if (pod.spec?.hostNetwork) return nodeIPOf(node);
  return ctx.podIPs.allocate(node.metadata.name);
}

function startPod(ctx: ControllerContext, pod: Pod, node: Node): void {
  const now = ctx.timestamp();
  const podIP = assignIP(ctx, pod, node);
  if (!podIP) {
    ctx.record({ type: "Warning", reason: "FailedCreatePodSandBox", message: `Failed to create pod sandbox: plugin type="${ctx.cni.name}" failed (add): no IP addresses available in range set`, object: pod, source: SOURCE });
    return;
  }
  const containers = pod.spec?.containers ?? [];
  const readiness = containers.map((c) => isProbeSatisfiable(c.readinessProbe, c));
  const ready = readiness.every(Boolean);
  const hostIP = nodeIPOf(node);
  const updated = ctx.update<Pod>({
    ...pod,
    status: {
      ...pod.status,
      phase: "Running",
      conditions: startedConditions(pod, ready, now),
      ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: now,
      containerStatuses: containers.map((c, i) => containerStatus(c, readiness[i], now, pod, i)),
    },
  });
  for (const c of containers) {
    const ref = { type: "Normal" as const, object: updated, source: SOURCE };
    // pkg/kubelet/images/image_manager.go and kuberuntime_container.go event wording.
    ctx.record({ ...ref, reason: "Pulled", message: `Container image "${c.image ?? ""}" already present on machine` });
    ctx.record({ ...ref, reason: "Created", message: `Created container: ${c.name}` });
    ctx.record({ ...ref, reason: "Started", message: `Started container: ${c.name}` });
  }
}

function fillPinnedStatus(ctx: ControllerContext, pod: Pod, node: Node): void {
  const status = { ...(pod.status ?? {}) };
  const now = ctx.timestamp();
  let changed = false;
  if (!status.phase) {
    status.phase = "Running";
    changed = true;
  }
  const running = status.phase === "Running";
  if (running && !status.podIP && !(status.podIPs?.length)) {
    const ip = assignIP(ctx, pod, node);
    if (ip) {
      status.podIP = ip;
      status.podIPs = [{ ip }];
      changed = true;
    }
  } else if (status.podIP && !status.podIPs) {
    status.podIPs = [{ ip: status.podIP }];
    changed = true;
  } else if (!status.podIP && status.podIPs?.[0]?.ip) {
    status.podIP = status.podIPs[0].ip;
    changed = true;
  }
  const hostIP = nodeIPOf(node);
  if (!status.hostIP && hostIP && running) {
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
    changed = true;
  }
  if (running && !status.conditions?.some((c) => c.type === "Ready")) {
    status.conditions = [...(status.conditions ?? []), ...startedConditions(pod, true, now).filter((c) => !status.conditions?.some((o) => o.type === c.type))];
    changed = true;
  }
  if (running && !status.startTime) {
    status.startTime = pod.metadata.creationTimestamp;
    changed = true;
  }
  if (running && !status.containerStatuses) {
    const ready = status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
    status.containerStatuses = (pod.spec?.containers ?? []).map((c, i) => containerStatus(c, ready, status.startTime ?? now, pod, i));
    changed = true;
  }
  if (changed) ctx.update<Pod>({ ...pod, status });
}
