import type { IContainerPort } from "kubernetes-models/v1/ContainerPort";
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { Pod } from "../objects/kinds";

/** A pod is ready when its Ready condition is True (kubernetes/kubernetes pkg/api/v1/pod/util.go IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

export function isPodTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
}

/** Succeeded and Failed pods are done and never come back (pkg/api/v1/pod/util.go IsPodTerminal). */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/**
 * Whether a pod backs a Service at all (staging/src/k8s.io/endpointslice/util/controller_utils.go
 * ShouldPodBeInEndpoints): it needs an IP, must not be terminal, and a terminating pod is only kept when
 * the caller includes terminating endpoints.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length)) return false;
  if (isPodTerminal(pod)) return false;
  if (!includeTerminating && isPodTerminating(pod)) return false;
  return true;
}

/** A named container port with the protocol, in the containers and restartable (sidecar) init containers. */
function findNamedPort(pod: Pod, name: string, protocol: string): IContainerPort | undefined {
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) if (port.name === name && (port.protocol ?? "TCP") === protocol) return port;
  }
  for (const container of pod.spec?.initContainers ?? []) {
    if (container.restartPolicy !== "Always") continue;
    for (const port of container.ports ?? []) if (port.name === name && (port.protocol ?? "TCP") === protocol) return port;
  }
  return undefined;
}

/**
 * The pod port a Service port's targetPort means on this pod (pkg/api/v1/pod/util.go FindPort): a number
 * is used as is; a name is looked up among the pod's container ports with the same protocol, so the same
 * Service can reach different numbers on different pods, and a pod lacking the name is left out for that
 * port. A targetPort written as a quoted number ("8080") is a name, as intstr decodes it.
 */
export function findPort(pod: Pod, servicePort: IServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target;
  return findNamedPort(pod, target, servicePort.protocol ?? "TCP")?.containerPort;
}

/** The pod's IPv4 address, from podIP or the first of podIPs. */
export function podIPOf(pod: Pod): string | undefined {
  return pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
}
