import { KIND_INFO, type Kind } from "@/lib/sim/objects/kinds";
import type { CommandContext, CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { flagBoolean, flagValue, type ParsedFlags } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { matchLabelRequirements, parseLabelSelector } from "./parse-label-selector";
import { formatResourcePrefix, resolveResourceType } from "./resource-types";

/**
 * `kubectl label|annotate TYPE NAME k=v k2-` (k8s.io/kubectl pkg/cmd/label/label.go, annotate.go): `key=value`
 * sets, `key-` removes, an existing key needs --overwrite; prints `pod/web labeled` (`unlabeled`, `label(s)
 * changed` or `not labeled` as label.go's updateDataChangeMsg decides).
 */
function runMapVerb(field: "labels" | "annotations", flags: ParsedFlags, { session: host }: CommandContext<ShellHost>): CommandResult {
  const verb = field === "labels" ? "label" : "annotate";
  const args = flags.positionals;
  const targets: { kind: Kind; name?: string }[] = [];
  let index = 0;
  if (args[0]?.includes("/")) {
    while (index < args.length && args[index].includes("/") && !args[index].includes("=")) {
      const [type, name] = args[index].split("/");
      const kind = resolveResourceType(type);
      if (!kind) return failWith(`error: the server doesn't have a resource type "${type}"\n`);
      targets.push({ kind, name });
      index++;
    }
  } else {
    const kind = args[0] ? resolveResourceType(args[0]) : undefined;
    if (!args[0]) return failWith(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${verb} -h' for help and examples\n`);
    if (!kind) return failWith(`error: the server doesn't have a resource type "${args[0]}"\n`);
    index = 1;
    while (index < args.length && !args[index].includes("=") && !args[index].endsWith("-")) targets.push({ kind, name: args[index++] });
    if (targets.length === 0) targets.push({ kind });
  }
  const changes: Record<string, string | null> = {};
  for (const change of args.slice(index)) {
    if (change.endsWith("-") && !change.includes("=")) changes[change.slice(0, -1)] = null;
    else if (change.includes("=")) changes[change.slice(0, change.indexOf("="))] = change.slice(change.indexOf("=") + 1);
    else return failWith(`error: invalid ${field === "labels" ? "label" : "annotation"} spec: ${change}\n`);
  }
  if (Object.keys(changes).length === 0) return failWith(`error: at least one ${field === "labels" ? "label" : "annotation"} update is required\nSee 'kubectl ${verb} -h' for help and examples\n`);
  const namespace = requestNamespace(flags, host);
  const selected: { kind: Kind; name: string }[] = [];
  for (const target of targets) {
    if (target.name) selected.push({ kind: target.kind, name: target.name });
    else if (flagBoolean(flags, "all") || flagValue(flags, "selector")) {
      const selector = parseLabelSelector(flagValue(flags, "selector") ?? "");
      if (!selector.ok) return failWith(`${selector.message}\n`);
      for (const o of host.cluster.list(target.kind, KIND_INFO[target.kind].namespaced ? namespace : undefined)) if (matchLabelRequirements(selector.requirements, o.metadata.labels)) selected.push({ kind: target.kind, name: o.metadata.name });
    } else return failWith(`error: resource(s) were provided, but no name was specified\n`);
  }
  let stdout = "";
  let stderr = "";
  const overwrite = flagBoolean(flags, "overwrite");
  for (const { kind, name } of selected) {
    const live = host.cluster.get(kind, name, namespace);
    const before = live?.metadata.labels ?? {};
    if (field === "labels" && live) {
      // label.go RunLabel: each removed key the object does not have is reported before the patch.
      for (const [key, value] of Object.entries(changes)) if (value === null && !(key in before)) stdout += `label "${key}" not found.\n`;
    }
    const result = field === "labels" ? host.cluster.label(kind, name, namespace, changes, { overwrite }) : host.cluster.annotate(kind, name, namespace, changes, { overwrite });
    if (!result.ok) {
      stderr += result.error.reason === "BadRequest" ? `error: ${result.error.message}\n` : formatStatusError(result.error);
      continue;
    }
    const message = field === "labels" ? labelChangeMessage(before, result.value.object.metadata.labels ?? {}) : result.value.action;
    stdout += `${formatResourcePrefix(kind)}/${name} ${message}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * label.go updateDataChangeMsg: "labeled" when a key was added or changed, "unlabeled" when keys were only
 * removed, "label(s) changed" for both, "not labeled" for neither.
 */
function labelChangeMessage(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string {
  const removed = Object.keys(before).some((key) => !(key in after));
  const added = Object.entries(after).some(([key, value]) => before[key] !== value);
  if (added && removed) return "label(s) changed";
  if (added) return "labeled";
  if (removed) return "unlabeled";
  return "not labeled";
}

const MAP_FLAGS = [
  { long: "overwrite", boolean: true },
  { long: "all", boolean: true },
  { long: "selector", short: "l" },
  { long: "dry-run" },
  { long: "list", boolean: true },
];

export const labelVerb: KubectlVerb = {
  summary: "Update the labels on a resource.",
  flags: MAP_FLAGS,
  run: (flags, context) => runMapVerb("labels", flags, context),
};

export const annotateVerb: KubectlVerb = {
  summary: "Update the annotations on a resource.",
  flags: MAP_FLAGS,
  run: (flags, context) => runMapVerb("annotations", flags, context),
};
