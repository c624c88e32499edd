import { KIND_INFO, type Kind } from "@/lib/sim/objects/kinds";
import { KUBECTL_VERBS } from "../kubectl/kubectl-verbs";
import { listResourceTypeNames, resolveResourceType } from "../kubectl/resource-types";
import type { ShellHost } from "../session/shell-host";
import type { CompletionResult } from "../terminal/line-editor";

/** Verbs whose first argument is a resource type (`kubectl get <type> <name>`). */
const TYPED_VERBS = new Set(["get", "describe", "delete", "label", "annotate", "edit", "scale", "expose", "explain"]);
/** Verbs whose first argument is a pod name. */
const POD_VERBS = new Set(["exec", "logs", "attach", "port-forward"]);

/** Where the word under the cursor starts, and the words before it (quotes are not split further). */
function splitWords(line: string, cursor: number): { words: string[]; current: string; start: number } {
  const before = line.slice(0, cursor);
  const segment = before.split(/&&|\|\||[|;]/).pop() ?? "";
  const offset = before.length - segment.length;
  const match = /(\S*)$/.exec(segment);
  const current = match?.[1] ?? "";
  const start = offset + segment.length - current.length;
  const words = segment.slice(0, segment.length - current.length).trim().split(/\s+/).filter(Boolean);
  return { words, current, start };
}

function flagValueOf(words: readonly string[], ...names: string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    for (const name of names) {
      if (word === name && i + 1 < words.length) return words[i + 1];
      if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
    }
  }
  return undefined;
}

function objectNames(host: ShellHost, kind: Kind, namespace: string): string[] {
  return host.cluster.list(kind, KIND_INFO[kind].namespaced ? namespace : undefined).map((o) => o.metadata.name);
}

/**
 * Tab completion as kubectl's completion scripts offer it (k8s.io/kubectl pkg/cmd/completion, `__complete`):
 * commands, then kubectl verbs, then flags of the verb, resource types and short names, names of objects of
 * that type in the namespace given with -n, namespaces after -n, and files for -f.
 */
export function completeLine(host: ShellHost, line: string, cursor: number): CompletionResult {
  const { words, current, start } = splitWords(line, cursor);
  const result = (candidates: readonly string[]) => ({ start, end: cursor, candidates: [...new Set(candidates)].filter((c) => c.startsWith(current)).sort() });
  if (words.length === 0) return result(host.commandNames());
  const program = words[0];
  if (program !== "kubectl" && program !== "k") {
    if (program === "cat" || program === "less") return result([...host.fileNames(), "/etc/resolv.conf", "/etc/hosts"]);
    return result([]);
  }
  const previous = words[words.length - 1];
  if (previous === "-n" || previous === "--namespace") return result(host.cluster.list("Namespace").map((n) => n.metadata.name));
  if (previous === "-f" || previous === "--filename") return result(["-", ...host.fileNames()]);
  const namespace = flagValueOf(words, "-n", "--namespace") ?? host.contextNamespace;
  const positional = words.slice(1).filter((w, i, all) => !w.startsWith("-") && !["-n", "--namespace", "-l", "--selector", "-o", "--output", "-f", "--filename", "-c", "--image"].includes(all[i - 1] ?? ""));
  const verbName = positional[0];
  if (verbName === undefined) {
    if (current.startsWith("-")) return result(["--namespace", "--help"]);
    return result(Object.keys(KUBECTL_VERBS));
  }
  const verb = KUBECTL_VERBS[verbName];
  if (current.startsWith("-")) return result((verb?.flags ?? []).map((f) => `--${f.long}`).concat("--namespace"));
  if (previous === "-o" || previous === "--output") return result(["wide", "yaml", "json", "name", "jsonpath="]);
  if (TYPED_VERBS.has(verbName)) {
    if (positional.length === 1) {
      const slash = current.indexOf("/");
      if (slash > 0) {
        const kind = resolveResourceType(current.slice(0, slash));
        return result(kind ? objectNames(host, kind, namespace).map((n) => `${current.slice(0, slash)}/${n}`) : []);
      }
      return result([...listResourceTypeNames(), "events"]);
    }
    const kind = resolveResourceType(positional[1].split(",")[0]);
    return result(kind ? objectNames(host, kind, namespace) : []);
  }
  if (POD_VERBS.has(verbName) && positional.length === 1) {
    const pods = objectNames(host, "Pod", namespace);
    if (verbName === "port-forward") return result([...pods.map((p) => `pod/${p}`), ...objectNames(host, "Service", namespace).map((s) => `svc/${s}`), ...objectNames(host, "Deployment", namespace).map((d) => `deployment/${d}`)]);
    return result(pods);
  }
  if (verbName === "create" && positional.length === 1) return result(["namespace", "deployment", "service", "ingress", "secret", "configmap"]);
  if (verbName === "create" && positional[1] === "service" && positional.length === 2) return result(["clusterip", "nodeport", "loadbalancer", "externalname"]);
  if (verbName === "config" && positional.length === 1) return result(["get-contexts", "current-context", "view"]);
  return result([]);
}
