import type { Pod } from "@/lib/sim/objects/kinds";
import { LogFollow, type FollowedLog } from "./follow-logs";
import { flagBoolean, flagValue } from "./kubectl-flags";
import { failWith, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { matchLabelRequirements, parseLabelSelector } from "./parse-label-selector";
import { containerStartedAt, readContainerLog } from "./read-container-log";
import { resolvePodTarget } from "./resolve-pod-target";

function tailLines(lines: string[], tail: number | undefined): string[] {
  return tail === undefined || tail < 0 ? lines : tail === 0 ? [] : lines.slice(-tail);
}

/**
 * `kubectl logs POD|TYPE/NAME [-c C] [--tail N] [--prefix]` and `kubectl logs -l SELECTOR`, which reads every
 * matching pod and defaults --tail to 10 per pod (k8s.io/kubectl pkg/cmd/logs/logs.go: selector mode sets
 * Tail = 10 when unset). A multi-container pod without -c reads the default (first) container and says so.
 * With -f the streams stay open as a job (follow-logs.ts); following more than --max-log-requests (default 5)
 * streams at once is refused before anything is printed (logs.go RunLogs: MaxFollowConcurrency).
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
    { long: "max-log-requests" },
  ],
  run(flags, context) {
    const host = context.session;
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
    const follow = flagBoolean(flags, "follow");
    const wanted = flagValue(flags, "container") ?? flags.positionals[1];
    const allContainers = flagBoolean(flags, "all-containers");
    const maxText = flagValue(flags, "max-log-requests");
    const maxFollow = maxText === undefined ? 5 : Number(maxText);
    const requests = pods.reduce((sum, pod) => sum + (allContainers ? (pod.spec?.containers?.length ?? 0) : 1), 0);
    if (follow && requests > 1 && requests > maxFollow) {
      return failWith(`error: you are attempting to follow ${requests} log streams, but maximum allowed concurrency is ${maxFollow}, use --max-log-requests to increase the limit\n`);
    }
    let stdout = "";
    let stderr = "";
    const followed: FollowedLog[] = [];
    for (const pod of pods) {
      const containers = pod.spec?.containers ?? [];
      const names = allContainers ? containers.map((c) => c.name) : [wanted ?? containers[0]?.name ?? ""];
      if (wanted && !containers.some((c) => c.name === wanted)) {
        stderr += `error: container ${wanted} is not valid for pod ${pod.metadata.name}\n`;
        continue;
      }
      if (!wanted && containers.length > 1 && !allContainers) stderr += `Defaulted container "${containers[0].name}" out of: ${containers.map((c) => c.name).join(", ")}\n`;
      if (pod.status?.phase === "Pending") {
        stderr += `Error from server (BadRequest): container "${names[0]}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating\n`;
        continue;
      }
      for (const name of names) {
        const label = prefix ? `[pod/${pod.metadata.name}/${name}] ` : "";
        const lines = readContainerLog(host, pod, name);
        stdout += tailLines(lines, tail).map((l) => `${label}${l}\n`).join("");
        const namespaceOfPod = pod.metadata.namespace ?? namespace;
        followed.push({ namespace: namespaceOfPod, pod: pod.metadata.name, uid: pod.metadata.uid, container: name, startedAt: containerStartedAt(pod, name), prefix: label, read: lines.length });
      }
    }
    if (follow && followed.length > 0) {
      const job = host.startStream(new LogFollow(host, followed), context.argv.join(" "), context.background === true);
      if (context.background) stderr = `[${job.id}] ${job.pid}\n${stderr}`;
      return { stdout, stderr, exitCode: 0 };
    }
    return { stdout, stderr, exitCode: stderr && !stdout ? 1 : 0 };
  },
};
