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

/**
 * kubectl's rendering of a selector: `app=web,tier in (a,b),!legacy`. metav1.LabelSelectorAsSelector turns
 * matchLabels and matchExpressions into one list of requirements that internalSelector.Add sorts by key
 * (k8s.io/apimachinery pkg/labels/selector.go), so the string is in key order whatever the field each
 * requirement came from: describe_test.go TestDescribeNetworkPolicies expects
 * `foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2` for matchLabels id1, id2 and expressions on foo, foo2.
 */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts: { key: string; text: string }[] = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => ({ key: k, text: `${k}=${v}` }));
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(",");
    if (r.operator === "In") parts.push({ key: r.key, text: `${r.key} in (${values})` });
    else if (r.operator === "NotIn") parts.push({ key: r.key, text: `${r.key} notin (${values})` });
    else if (r.operator === "Exists") parts.push({ key: r.key, text: r.key });
    else if (r.operator === "DoesNotExist") parts.push({ key: r.key, text: `!${r.key}` });
  }
  // Go compares keys byte by byte (sort.Sort(ByKey)), not by locale.
  return parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((p) => p.text).join(",");
}
