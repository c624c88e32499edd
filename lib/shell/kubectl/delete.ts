import { KIND_INFO, type AnyObject, type Kind } from "@/lib/sim/objects/kinds";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import { isKind } from "@/lib/sim/objects/kinds";
import { readManifestSources } from "./apply-manifests";
import { parseResourceArgs, selectObjects } from "./get";
import { flagBoolean, flagValue, flagValues } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { parseLabelSelector } from "./parse-label-selector";
import { formatResourcePrefix } from "./resource-types";
import type { ShellHost } from "../session/shell-host";

function deleteOne(host: ShellHost, kind: Kind, name: string, namespace: string | undefined): { stdout: string; stderr: string } {
  const result = host.cluster.delete(kind, name, KIND_INFO[kind].namespaced ? namespace : undefined);
  if (!result.ok) return { stdout: "", stderr: formatStatusError(result.error) };
  return { stdout: `${formatResourcePrefix(kind)} "${name}" deleted\n`, stderr: "" };
}

/**
 * `kubectl delete TYPE NAME…`, `TYPE/NAME`, `-f FILE`, `-l SELECTOR` and `--all`, printing
 * `service "web" deleted` per object as kubectl v1.32 does (k8s.io/kubectl pkg/cmd/delete/delete.go PrintObj).
 */
export const deleteVerb: KubectlVerb = {
  summary: "Delete resources by file names, stdin, resources and names, or by resources and label selector.",
  flags: [
    { long: "filename", short: "f", repeated: true },
    { long: "selector", short: "l" },
    { long: "all", boolean: true },
    { long: "all-namespaces", short: "A", boolean: true },
    { long: "grace-period" },
    { long: "force", boolean: true },
    { long: "now", boolean: true },
    { long: "wait", boolean: true },
    { long: "ignore-not-found", boolean: true },
  ],
  run(flags, { session: host, stdin }) {
    const namespace = requestNamespace(flags, host);
    let stdout = "";
    let stderr = "";
    if (flagValues(flags, "filename").length > 0) {
      const read = readManifestSources(host, flags, stdin);
      if (read.error) return failWith(read.error);
      for (const source of read.sources) {
        for (const doc of parseManifests(source.text, { file: source.name }).documents) {
          const kind = doc.object.kind;
          const meta = (doc.object.metadata ?? {}) as { name?: string; namespace?: string };
          if (!isKind(kind) || !meta.name) continue;
          const done = deleteOne(host, kind, meta.name, meta.namespace ?? namespace);
          stdout += done.stdout;
          stderr += done.stderr;
        }
      }
      return { stdout, stderr, exitCode: stderr ? 1 : 0 };
    }
    const request = parseResourceArgs(flags.positionals, "delete");
    if (!request.ok) return failWith(request.message);
    const selectorText = flagValue(flags, "selector");
    if (!request.byName && !selectorText && !flagBoolean(flags, "all")) {
      return failWith(`error: resource(s) were provided, but no name was specified\n`);
    }
    const selector = parseLabelSelector(selectorText ?? "");
    if (!selector.ok) return failWith(`${selector.message}\n`);
    const allNamespaces = flagBoolean(flags, "all-namespaces");
    if (request.byName) {
      for (const r of request.requests) {
        for (const name of r.names ?? []) {
          const done = deleteOne(host, r.kind, name, namespace);
          if (done.stderr && flagBoolean(flags, "ignore-not-found")) continue;
          stdout += done.stdout;
          stderr += done.stderr;
        }
      }
      return { stdout, stderr, exitCode: stderr ? 1 : 0 };
    }
    const { objects } = selectObjects(host, request.requests, allNamespaces ? undefined : namespace, selector.requirements);
    if (objects.length === 0) return { stdout: "", stderr: `No resources found\n`, exitCode: 0 };
    for (const object of objects as AnyObject[]) {
      const done = deleteOne(host, object.kind as Kind, object.metadata.name, object.metadata.namespace);
      stdout += done.stdout;
      stderr += done.stderr;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
