import { findKnownImage } from "@/lib/sim/images/known-images";
import type { Pod } from "@/lib/sim/objects/kinds";
import { podIP } from "@/lib/sim/network/pod-network";
import type { ShellHost } from "../session/shell-host";

/** When the container now running started: a restarted container is a new log stream. */
export function containerStartedAt(pod: Pod, containerName: string): string {
  return pod.status?.containerStatuses?.find((s) => s.name === containerName)?.state?.running?.startedAt ?? pod.metadata.creationTimestamp;
}

/**
 * A container's log: what its image prints at start (lib/sim/images known images) and, for an ingress-nginx
 * controller, one access-log line per request it served in this session.
 */
export function readContainerLog(host: ShellHost, pod: Pod, containerName: string): string[] {
  const container = pod.spec?.containers?.find((c) => c.name === containerName);
  if (!container) return [];
  const startup = findKnownImage(container.image)?.startupLogs(container, { podName: pod.metadata.name, podIP: podIP(pod), startedAt: containerStartedAt(pod, containerName) }) ?? [];
  return [...startup, ...host.accessLog(pod.metadata.namespace ?? "default", pod.metadata.name)];
}
