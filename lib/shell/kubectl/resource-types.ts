import { KIND_INFO, KINDS, type Kind } from "@/lib/sim/objects/kinds";

/**
 * Turns what a learner types after `kubectl get` into a kind, the way kubectl's RESTMapper does from discovery:
 * plural, singular, short names and group-qualified forms (`svc`, `service`, `services`,
 * `deployments.apps`, `ingresses.networking.k8s.io`) are all accepted, case-insensitively
 * (k8s.io/apimachinery pkg/api/meta/restmapper.go; https://kubernetes.io/docs/reference/kubectl/#resource-types).
 */
export function resolveResourceType(text: string): Kind | undefined {
  const lower = text.toLowerCase();
  const dot = lower.indexOf(".");
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  for (const kind of KINDS) {
    const info = KIND_INFO[kind];
    if (group !== undefined && !(info.group === group || (info.group === "" && group === "v1") || `${info.apiVersion.split("/").pop()}.${info.group}` === group)) continue;
    if (name === info.resource || name === info.singular || name === kind.toLowerCase() || info.shortNames.includes(name)) return kind;
  }
  return undefined;
}

/** `kubectl get all` lists these kinds, in this order (the `all` category of the API resources we simulate). */
export const ALL_CATEGORY: readonly Kind[] = ["Pod", "Service", "Deployment", "ReplicaSet"];

/** The resource prefix kubectl prints for `-o name` and multi-kind tables: `pod`, `service`, `deployment.apps`. */
export function formatResourcePrefix(kind: Kind): string {
  const info = KIND_INFO[kind];
  return info.group === "" ? info.singular : `${info.singular}.${info.group}`;
}

/** Every name completion and help offer for resource types: plural names and short names. */
export function listResourceTypeNames(): string[] {
  const names = new Set<string>(["all"]);
  for (const kind of KINDS) {
    names.add(KIND_INFO[kind].resource);
    for (const short of KIND_INFO[kind].shortNames) names.add(short);
  }
  return [...names].sort();
}
