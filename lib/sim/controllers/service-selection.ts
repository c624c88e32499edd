import type { Pod, Service } from "../objects/kinds";
import { matchMapSelector } from "../selectors/label-selector";

/**
 * Whether the endpoints controllers manage this Service's endpoints. A Service without a selector, or with
 * an empty one (an empty map does not survive storage: the API server persists it as no selector), gets
 * none from the controllers and keeps hand-made Endpoints (pkg/controller/endpoint/endpoints_controller.go
 * syncService: "services without a selector receive no endpoints from this controller"). ExternalName
 * Services get none either: they are a DNS CNAME, not a set of backends
 * (staging/src/k8s.io/endpointslice reconciler; https://issues.k8s.io/105986).
 */
export function hasManagedEndpoints(service: Service): boolean {
  if (service.spec?.type === "ExternalName") return false;
  return Object.keys(service.spec?.selector ?? {}).length > 0;
}

/** Pods of the Service's own namespace that its selector matches. */
export function selectServicePods(service: Service, pods: readonly Pod[]): Pod[] {
  const selector = service.spec?.selector ?? {};
  return pods.filter((pod) => pod.metadata.namespace === service.metadata.namespace && matchMapSelector(selector, pod.metadata.labels));
}

export function isHeadless(service: Service): boolean {
  return service.spec?.clusterIP === "None";
}

/**
 * Whether an endpoint carries the pod's hostname: only when the pod names this Service as its subdomain
 * (endpointslice util ShouldSetHostname; https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-hostname-and-subdomain-fields).
 */
export function endpointHostname(pod: Pod, service: Service): string | undefined {
  const hostname = pod.spec?.hostname;
  return hostname && pod.spec?.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace ? hostname : undefined;
}

/** Labels copied from the Service, minus the controllers' own, plus the headless marker. */
export function serviceDerivedLabels(service: Service, reserved: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) if (!reserved.includes(key)) labels[key] = value;
  if (isHeadless(service)) labels["service.kubernetes.io/headless"] = "";
  return labels;
}
