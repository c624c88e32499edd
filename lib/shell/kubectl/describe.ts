import { KIND_INFO, type AnyObject, type Kind, type KindMap } from "@/lib/sim/objects/kinds";
import { notFoundError } from "@/lib/sim/store/status-errors";
import type { ShellHost } from "../session/shell-host";
import { describeGeneric } from "./describe-generic";
import { describeIngress } from "./describe-ingress";
import { describeNetworkPolicy } from "./describe-network-policy";
import { describePod } from "./describe-pod";
import { describeEndpoints, describeService } from "./describe-service";
import { describeDeployment, describeNamespace, describeReplicaSet } from "./describe-workloads";
import { parseResourceArgs } from "./get";
import { flagBoolean, flagValue } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { matchLabelRequirements, parseLabelSelector } from "./parse-label-selector";

/** One object's describe text, with the events whose involvedObject is that object. */
export function describeObject(host: ShellHost, object: AnyObject): string {
  const state = host.cluster;
  const events = host.cluster.events().filter((e) => (e.involvedObject.uid ? e.involvedObject.uid === object.metadata.uid : e.involvedObject.kind === object.kind && e.involvedObject.name === object.metadata.name && (e.involvedObject.namespace ?? undefined) === (object.metadata.namespace ?? undefined)));
  switch (object.kind as Kind) {
    case "Service":
      return describeService(state, object as KindMap["Service"], events);
    case "Endpoints":
      return describeEndpoints(state, object as KindMap["Endpoints"], events);
    case "Pod":
      return describePod(state, object as KindMap["Pod"], events);
    case "Deployment":
      return describeDeployment(state, object as KindMap["Deployment"], events);
    case "ReplicaSet":
      return describeReplicaSet(state, object as KindMap["ReplicaSet"], events);
    case "Ingress":
      return describeIngress(state, object as KindMap["Ingress"], events);
    case "NetworkPolicy":
      return describeNetworkPolicy(state, object as KindMap["NetworkPolicy"]);
    case "Namespace":
      return describeNamespace(state, object as KindMap["Namespace"]);
    default:
      return describeGeneric(state, object, events);
  }
}

/**
 * `kubectl describe TYPE [NAME_PREFIX] [-l SELECTOR]`: a name that matches no object exactly describes every
 * object whose name starts with it (k8s.io/kubectl pkg/cmd/describe/describe.go DescribeMatchingResources);
 * several objects are separated by a blank line.
 */
export const describeVerb: KubectlVerb = {
  summary: "Show details of a specific resource or group of resources.",
  flags: [
    { long: "selector", short: "l" },
    { long: "all-namespaces", short: "A", boolean: true },
    { long: "show-events", boolean: true },
  ],
  run(flags, { session: host }) {
    const request = parseResourceArgs(flags.positionals, "describe");
    if (!request.ok) return failWith(request.message.replace("resource to describe", "resource to describe"));
    const selector = parseLabelSelector(flagValue(flags, "selector") ?? "");
    if (!selector.ok) return failWith(`${selector.message}\n`);
    const allNamespaces = flagBoolean(flags, "all-namespaces");
    const namespace = requestNamespace(flags, host);
    const texts: string[] = [];
    let stderr = "";
    for (const r of request.requests) {
      const ns = KIND_INFO[r.kind].namespaced ? (allNamespaces ? undefined : namespace) : undefined;
      const all = host.cluster.list(r.kind, ns);
      if (!r.names) {
        texts.push(...all.filter((o) => matchLabelRequirements(selector.requirements, o.metadata.labels)).map((o) => describeObject(host, o)));
        continue;
      }
      for (const name of r.names) {
        const exact = all.find((o) => o.metadata.name === name);
        const matches = exact ? [exact] : all.filter((o) => o.metadata.name.startsWith(name));
        if (matches.length === 0) stderr += formatStatusError(notFoundError(r.kind, name));
        texts.push(...matches.map((o) => describeObject(host, o)));
      }
    }
    if (texts.length === 0 && !stderr) return { stdout: "", stderr: allNamespaces ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
    return { stdout: texts.join("\n\n"), stderr, exitCode: stderr ? 1 : 0 };
  },
};
