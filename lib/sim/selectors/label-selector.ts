import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector as LabelSelector } from "@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector";

export type { LabelSelector };
export type Labels = Readonly<Record<string, string>>;

/**
 * Does a label set satisfy a metav1.LabelSelector?
 *
 * Rules (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
 * LabelSelectorAsSelector, and https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/):
 * - an empty selector (`{}`) matches every object; a null/absent selector matches nothing, so callers must
 *   decide what "absent" means for their field before calling (NetworkPolicyPeer and Service differ);
 * - matchLabels and matchExpressions are ANDed;
 * - `NotIn` and `DoesNotExist` match objects that lack the key; `In` and `Exists` require it.
 */
export function matchLabelSelector(selector: LabelSelector, labels: Labels | undefined): boolean {
  const set = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (set[key] !== value) return false;
  }
  for (const requirement of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(set, requirement.key);
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case "In":
        if (!has || !values.includes(set[requirement.key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(set[requirement.key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        // Validation rejects other operators before an object is stored; an unknown one matches nothing.
        return false;
    }
  }
  return true;
}

/**
 * A Service's (or ReplicationController's) plain map selector: every key must be present with the value.
 * An empty map selects nothing for a Service — the endpoints controller skips Services whose selector is
 * empty (kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go, syncService: "if service.Spec.Selector == nil").
 */
export function matchMapSelector(selector: Labels, labels: Labels | undefined): boolean {
  const set = labels ?? {};
  return Object.entries(selector).every(([key, value]) => set[key] === value);
}

/** kubectl's rendering of a selector: `app=web,tier in (a,b),!legacy`. */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(",");
    if (r.operator === "In") parts.push(`${r.key} in (${values})`);
    else if (r.operator === "NotIn") parts.push(`${r.key} notin (${values})`);
    else if (r.operator === "Exists") parts.push(r.key);
    else if (r.operator === "DoesNotExist") parts.push(`!${r.key}`);
  }
  return parts.join(",");
}
