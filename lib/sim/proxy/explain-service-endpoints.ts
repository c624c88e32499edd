import type { ClusterState } from "../cluster-state";
import { locateObjectField } from "../locate-object-field";
import type { Service } from "../objects/kinds";
import type { TraceHop } from "../network/trace";
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import { isPodReady, podIP } from "../network/pod-network";
import { matchMapSelector } from "../selectors/label-selector";
import { resolveTargetPort, type ProxyEndpoint } from "./build-service-endpoints";

function formatSelector(selector: Record<string, string>): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",");
}

/** Labels the pods of a namespace do carry under the selector's keys: the usual cause of an empty Service. */
function describeNearMisses(state: ClusterState, namespace: string, selector: Record<string, string>): string {
  const pods = state.list("Pod", namespace);
  if (pods.length === 0) return `there are no pods in ${namespace}`;
  const keys = Object.keys(selector);
  const seen = new Set<string>();
  for (const pod of pods) {
    for (const key of keys) {
      const value = pod.metadata.labels?.[key];
      if (value !== undefined) seen.add(`${key}=${value}`);
    }
  }
  if (seen.size === 0) return `no pod there has a label ${keys.map((k) => `"${k}"`).join(" or ")}`;
  return `pods there have ${[...seen].sort().join(", ")}`;
}

/**
 * The Service step of a trace: which pods its selector picked and how many are ready, or why it has none. This
 * is the question `kubectl get endpoints` answers on a real cluster
 * (https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints).
 */
export function explainServiceEndpoints(state: ClusterState, service: Service, endpoints: readonly ProxyEndpoint[], servicePort?: IServicePort): TraceHop {
  const namespace = service.metadata.namespace ?? "default";
  const ref = { kind: "Service", name: service.metadata.name, namespace };
  const selector = service.spec?.selector ?? {};
  const hasSelector = Object.keys(selector).length > 0;
  const field = hasSelector ? "spec.selector" : "spec";
  const position = locateObjectField(state, service, field);
  const ready = endpoints.filter((e) => e.ready).length;
  const name = `Service ${namespace}/${service.metadata.name}`;
  if (!hasSelector) {
    const summary = endpoints.length > 0
      ? `${name} has no selector; its Endpoints list ${ready} ready address${ready === 1 ? "" : "es"}`
      : `no endpoints: ${name} has no selector and no Endpoints object lists addresses for it`;
    return { kind: "service", outcome: ready > 0 ? "pass" : "fail", summary, object: ref, field, position };
  }
  const sel = formatSelector(selector);
  if (ready > 0) {
    const notReady = endpoints.length - ready;
    return {
      kind: "service",
      outcome: "pass",
      summary: `${name} selects ${sel}: ${ready} ready endpoint${ready === 1 ? "" : "s"}${notReady > 0 ? ` (${notReady} not ready)` : ""}`,
      object: ref,
      field,
      position,
    };
  }
  const matching = state.list("Pod", namespace).filter((p) => matchMapSelector(selector, p.metadata.labels));
  let summary: string;
  if (matching.length === 0) {
    summary = `no endpoints: selector ${sel} matches no pods in ${namespace} (${describeNearMisses(state, namespace, selector)})`;
  } else if (endpoints.length === 0) {
    const withIP = matching.filter((p) => podIP(p) !== undefined);
    const named = typeof servicePort?.targetPort === "string" && !/^[0-9]+$/.test(servicePort.targetPort) ? servicePort.targetPort : undefined;
    if (withIP.length > 0 && named !== undefined && withIP.every((p) => servicePort && resolveTargetPort(p, servicePort) === undefined)) {
      // pkg/controller/endpointslice: a pod without the named port is left out of that port's endpoints.
      const names = [...new Set(withIP.flatMap((p) => (p.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((cp) => cp.name)).filter((n): n is string => !!n)))];
      summary = `no endpoints: targetPort "${named}" names no containerPort of the ${withIP.length} pod${withIP.length === 1 ? "" : "s"} selector ${sel} matches (their port names: ${names.length > 0 ? names.join(", ") : "none"})`;
      const portField = `spec.ports[${Math.max(0, (service.spec?.ports ?? []).indexOf(servicePort!))}].targetPort`;
      return { kind: "service", outcome: "fail", summary, object: ref, field: portField, position: locateObjectField(state, service, portField) };
    }
    summary = `no endpoints: selector ${sel} matches ${matching.length} pod${matching.length === 1 ? "" : "s"} in ${namespace}, but none has an IP yet`;
  } else {
    const reasons = matching.slice(0, 3).map((p) => `${p.metadata.name}: ${p.metadata.deletionTimestamp ? "terminating" : isPodReady(p) ? "ready" : "not Ready"}`);
    summary = `no ready endpoints: selector ${sel} matches ${matching.length} pod${matching.length === 1 ? "" : "s"} in ${namespace}, none Ready (${reasons.join(", ")})`;
  }
  return { kind: "service", outcome: "fail", summary, object: ref, field, position };
}
