import type { Pod } from "../objects/kinds";
import { podIP } from "../network/pod-network";
import { findKnownImage } from "./known-images";

/**
 * What `kubectl logs POD [-c CONTAINER]` prints for a container of a catalog image: the lines its process
 * writes at start. Unknown images and containers that have not started print nothing.
 */
export function buildContainerLogs(pod: Pod, containerName?: string): string[] {
  const containers = pod.spec?.containers ?? [];
  const container = containerName === undefined ? containers[0] : containers.find((c) => c.name === containerName);
  if (!container) return [];
  const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
  const startedAt = status?.state?.running?.startedAt ?? pod.status?.startTime ?? (pod.status?.phase === "Running" ? pod.metadata.creationTimestamp : undefined);
  if (!startedAt) return [];
  return findKnownImage(container.image)?.startupLogs(container, { podName: pod.metadata.name, podIP: podIP(pod), startedAt }) ?? [];
}
