import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IContainerStatus } from "kubernetes-models/v1/ContainerStatus";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { DescribeWriter, formatRfc1123, writeAnnotations, writeEvents, writeLabels, writeMap } from "./describe-writer";

/** describe.go printPodTolerationsMultiline: `key=value:Effect op=Exists for 300s`, one per line. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: readonly IToleration[] | undefined): void {
  if (!tolerations || tolerations.length === 0) {
    w.write(0, `${title}:\t<none>\n`);
    return;
  }
  tolerations.forEach((t, i) => {
    let text = t.key ?? "";
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) text += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${i === 0 ? `${title}:` : ""}\t${text}\n`);
  });
}

function stateLines(w: DescribeWriter, title: string, state: IContainerStatus["state"]): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${formatRfc1123(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    w.write(2, `${title}:\tTerminated\n`);
    if (state.terminated.reason) w.write(3, `Reason:\t${state.terminated.reason}\n`);
    w.write(3, `Exit Code:\t${state.terminated.exitCode}\n`);
    w.write(3, `Started:\t${formatRfc1123(state.terminated.startedAt)}\n`);
    w.write(3, `Finished:\t${formatRfc1123(state.terminated.finishedAt)}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

/** describe.go describeContainers: basic info, command and args, state, environment and mounts per container. */
export function writeContainers(w: DescribeWriter, containers: readonly IContainer[], statuses: readonly IContainerStatus[] | undefined, space: string): void {
  w.write(0, `${space}Containers:\n`);
  for (const container of containers) {
    const status = statuses?.find((s) => s.name === container.name);
    w.write(1, `${space ? " " : ""}${container.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(2, `Image:\t${container.image ?? ""}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    const hostPorts = (container.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    w.write(2, hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`);
    if (container.command?.length) {
      w.write(2, "Command:\n");
      for (const c of container.command) for (const line of c.split("\n")) w.write(3, `${line}\n`);
    }
    if (container.args?.length) {
      w.write(2, "Args:\n");
      for (const a of container.args) for (const line of a.split("\n")) w.write(3, `${line}\n`);
    }
    if (status) {
      stateLines(w, "State", status.state);
      if (status.lastState?.terminated) stateLines(w, "Last State", status.lastState);
      w.write(2, `Ready:\t${status.ready ? "True" : "False"}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    const env = container.env ?? [];
    w.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
    for (const e of env) w.write(3, `${e.name}:\t${e.value ?? (e.valueFrom ? "<set to the key in a referenced object>" : "")}\n`);
    const mounts = container.volumeMounts ?? [];
    w.write(2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? "ro" : "rw"})\n`);
  }
}

export function writeVolumes(w: DescribeWriter, spec: IPodSpec | undefined, space: string): void {
  const volumes = spec?.volumes ?? [];
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) w.write(1, `${v.name}:\n`);
}

/** describePod in k8s.io/kubectl pkg/describe/describe.go (v1.32). */
export function describePod(state: ClusterState, pod: Pod, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  const spec = pod.spec;
  const status = pod.status;
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  w.write(0, `Priority:\t${spec?.priority ?? 0}\n`);
  if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  w.write(0, `Service Account:\t${spec?.serviceAccountName ?? "default"}\n`);
  w.write(0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status?.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status?.startTime) w.write(0, `Start Time:\t${formatRfc1123(status.startTime)}\n`);
  writeLabels(w, pod.metadata.labels);
  writeAnnotations(w, pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${"<unknown>"})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${status?.phase ?? "Pending"}\n`);
  if (status?.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status?.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status?.podIP ?? ""}\n`);
  const ips = status?.podIPs ?? [];
  if (ips.length === 0) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  writeContainers(w, spec?.containers ?? [], status?.containerStatuses, "");
  if (status?.conditions?.length) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec, "");
  const bestEffort = (spec?.containers ?? []).every((c) => !c.resources?.requests && !c.resources?.limits);
  w.write(0, `QoS Class:\t${status?.qosClass ?? (bestEffort ? "BestEffort" : "Burstable")}\n`);
  writeMap(w, "Node-Selectors", spec?.nodeSelector);
  writeTolerations(w, "Tolerations", spec?.tolerations);
  writeEvents(w, events, state.now());
  return w.toString();
}
