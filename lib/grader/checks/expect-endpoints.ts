import type { Endpoints, Pod } from "@/lib/sim/objects/kinds";
import { formatLabelSelector, matchMapSelector } from "@/lib/sim/selectors/label-selector";
import type { TraceHop } from "@/lib/sim/network/trace";
import { checkResult, type CheckResult } from "../check-result";
import type { CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";

type EndpointsSpec = Extract<CheckSpec, { type: "endpoints" }>;

/**
 * What `kubectl get endpoints <svc>` would list: the ready addresses the endpoints controller wrote. When a
 * Service selects nothing, say which labels the pods in its namespace actually carry — the mismatch is the lesson.
 */
export function expectEndpoints(context: CheckContext, spec: EndpointsSpec): CheckResult {
  const [namespace, name] = spec.service.split("/");
  const service = context.state.get("Service", name, namespace);
  if (!service) return checkResult(spec, { status: "fail", message: `Service ${spec.service} does not exist`, explanation: [] });
  const endpoints = context.state.get("Endpoints", name, namespace);
  const ready = readyPods(context, endpoints, namespace);
  const source = context.state.sourceOf(service);
  const position = source?.file === context.learnerFile ? source.locate("spec.selector") : undefined;
  const selector = service.spec?.selector ?? {};
  const hop: TraceHop = {
    kind: "service",
    outcome: ready.length > 0 ? "pass" : "fail",
    summary: `Service ${spec.service} selects ${formatLabelSelector({ matchLabels: selector }) || "nothing (no selector)"}: ${ready.length} ready endpoint(s)`,
    object: { kind: "Service", name, namespace },
    field: "spec.selector",
    position,
  };
  const problems: string[] = [];
  if (spec.count !== undefined && ready.length !== spec.count) problems.push(`it has ${ready.length} ready endpoint(s), expected ${spec.count}`);
  if (spec.podLabels) {
    const wanted = context.state
      .list("Pod", namespace)
      .filter((p) => matchMapSelector(spec.podLabels!, p.metadata.labels) && isReady(p))
      .map((p) => p.metadata.name);
    const got = ready.map((p) => p.metadata.name);
    const missing = wanted.filter((n) => !got.includes(n));
    const extra = got.filter((n) => !wanted.includes(n));
    if (missing.length > 0) problems.push(`pods ${missing.join(", ")} are not endpoints`);
    if (extra.length > 0) problems.push(`pods ${extra.join(", ")} should not be endpoints`);
  }
  if (problems.length === 0) {
    return checkResult(spec, { status: "pass", message: `Service ${spec.service} has ${ready.length} ready endpoint(s): ${ready.map((p) => p.metadata.name).join(", ") || "<none>"}`, explanation: [hop] });
  }
  return checkResult(spec, {
    status: "fail",
    message: `Service ${spec.service}: ${problems.join("; ")}`,
    counterexample: ready.length === 0 ? `kubectl get endpoints ${name} -n ${namespace} would show <none>` : undefined,
    advice: ready.length === 0 ? labelMismatchAdvice(context, namespace, selector) : undefined,
    explanation: [hop],
    position,
  });
}

function readyPods(context: CheckContext, endpoints: Endpoints | undefined, namespace: string): Pod[] {
  const names = new Set(
    (endpoints?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.targetRef?.name).filter((n): n is string => !!n)),
  );
  return context.state.list("Pod", namespace).filter((p) => names.has(p.metadata.name));
}

/** The labels a learner wrote: controllers' bookkeeping labels (pod-template-hash) are left out. */
function ownLabels(pod: Pod): Record<string, string> {
  return Object.fromEntries(Object.entries(pod.metadata.labels ?? {}).filter(([key]) => key !== "pod-template-hash"));
}

function isReady(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

function labelMismatchAdvice(context: CheckContext, namespace: string, selector: Record<string, string>): string {
  const labelSets = [...new Set(context.state.list("Pod", namespace).map((p) => formatLabelSelector({ matchLabels: ownLabels(p) })))];
  const wanted = formatLabelSelector({ matchLabels: selector });
  return labelSets.length === 0
    ? `There are no pods in namespace ${namespace}.`
    : `The selector ${wanted ? `"${wanted}"` : "(empty)"} matches no ready pod in ${namespace}. The pods there carry: ${labelSets.map((l) => `"${l}"`).join("; ")}. A Service selects pods by their labels, exactly.`;
}
