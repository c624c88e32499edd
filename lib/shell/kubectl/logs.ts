import { findKnownImage } from "@/lib/sim/images/known-images";
import type { Pod } from "@/lib/sim/objects/kinds";
import { podIP } from "@/lib/sim/network/pod-network";
import type { ShellHost } from "../session/shell-host";
import { flagBoolean, flagValue } from "./kubectl-flags";
import { failWith, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { matchLabelRequirements, parseLabelSelector } from "./parse-label-selector";
import { resolvePodTarget } from "./resolve-pod-target";

/**
 * A container's log: what its image prints at start (lib/sim/images known images) and, for an ingress-nginx
 * controller, one access-log line per request it served in this session.
 */
function containerLog(host: ShellHost, pod: Pod, containerName: string): string[] {
  const container = pod.spec?.containers?.find((c) => c.name === containerName);
  if (!container) return [];
  const started = pod.status?.containerStatuses?.find((s) => s.name === containerName)?.state?.running?.startedAt ?? pod.metadata.creationTimestamp;
  const startup = findKnownImage(container.image)?.startupLogs(container, { podName: pod.metadata.name, podIP: podIP(pod), startedAt: started }) ?? [];
  return [...startup, ...host.accessLog(pod.metadata.namespace ?? "default", pod.metadata.name)];
}

function tailLines(lines: string[], tail: number | undefined): string[] {
  return tail === undefined || tail < 0 ? lines : tail === 0 ? [] : lines.slice(-tail);
}

/**
 * `kubectl logs POD|TYPE/NAME [-c C] [--tail N] [--prefix]` and `kubectl logs -l SELECTOR`, which reads every
 * matching pod and defaults --tail to 10 per pod (k8s.io/kubectl pkg/cmd/logs/logs.go: selector mode sets
 * Tail = 10 when unset). A multi-container pod without -c reads the default (first) container and says so.
 */
export const logsVerb: KubectlVerb = {
  summary: "Print the logs for a container in a pod.",
  flags: [
    { long: "container", short: "c" },
    { long: "selector", short: "l" },
    { long: "tail" },
    { long: "prefix", boolean: true },
    { long: "follow", short: "f", boolean: true },
    { long: "previous", short: "p", boolean: true },
    { long: "all-containers", boolean: true },
    { long: "timestamps", boolean: true },
    { long: "since" },
  ],
  run(flags, { session: host }) {
    const namespace = requestNamespace(flags, host);
    const tailText = flagValue(flags, "tail");
    const selectorText = flagValue(flags, "selector");
    const prefix = flagBoolean(flags, "prefix");
    let pods: Pod[];
    let tail = tailText === undefined ? undefined : Number(tailText);
    if (selectorText !== undefined) {
      if (flags.positionals.length > 0) return failWith("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
      const selector = parseLabelSelector(selectorText);
      if (!selector.ok) return failWith(`${selector.message}\n`);
      pods = host.cluster.list("Pod", namespace).filter((p) => matchLabelRequirements(selector.requirements, p.metadata.labels));
      tail ??= 10;
      if (pods.length === 0) return { stdout: "", stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
    } else {
      const target = flags.positionals[0];
      if (!target) return failWith("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
      const resolved = resolvePodTarget(host, target, namespace);
      if ("error" in resolved) return failWith(resolved.error);
      pods = [resolved.pod];
    }
    let stdout = "";
    let stderr = "";
    for (const pod of pods) {
      const containers = pod.spec?.containers ?? [];
      const wanted = flagValue(flags, "container") ?? flags.positionals[1];
      const names = flagBoolean(flags, "all-containers") ? containers.map((c) => c.name) : [wanted ?? containers[0]?.name ?? ""];
      if (wanted && !containers.some((c) => c.name === wanted)) {
        stderr += `error: container ${wanted} is not valid for pod ${pod.metadata.name}\n`;
        continue;
      }
      if (!wanted && containers.length > 1 && !flagBoolean(flags, "all-containers")) stderr += `Defaulted container "${containers[0].name}" out of: ${containers.map((c) => c.name).join(", ")}\n`;
      if (pod.status?.phase === "Pending") {
        stderr += `Error from server (BadRequest): container "${names[0]}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating\n`;
        continue;
      }
      for (const name of names) {
        const label = prefix ? `[pod/${pod.metadata.name}/${name}] ` : "";
        stdout += tailLines(containerLog(host, pod, name), tail).map((l) => `${label}${l}\n`).join("");
      }
    }
    return { stdout, stderr, exitCode: stderr && !stdout ? 1 : 0 };
  },
};
