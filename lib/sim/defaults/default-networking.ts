import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IIngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import type { IEndpoints } from "kubernetes-models/v1/Endpoints";
import type { IEndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";

/**
 * SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort (kubernetes/kubernetes
 * pkg/apis/networking/v1/defaults.go): a policy without policyTypes is an Ingress policy, and also an
 * Egress policy when it has at least one egress rule (an empty `egress: []` does not count); port
 * protocols default to TCP. An omitted podSelector decodes to the empty selector, shown as `{}`.
 */
export function defaultNetworkPolicy(policy: INetworkPolicy): void {
  const spec = (policy.spec ??= {} as NonNullable<INetworkPolicy["spec"]>);
  spec.podSelector ??= {};
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const port of rule.ports ?? []) port.protocol ??= "TCP";
  }
  if ((spec.policyTypes?.length ?? 0) === 0) {
    spec.policyTypes = (spec.egress?.length ?? 0) > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
}

/** SetDefaults_EndpointPort (pkg/apis/core/v1/defaults.go). */
export function defaultEndpoints(endpoints: IEndpoints): void {
  for (const subset of endpoints.subsets ?? []) {
    for (const port of subset.ports ?? []) port.protocol ??= "TCP";
  }
}

/** SetDefaults_EndpointPort (pkg/apis/discovery/v1/defaults.go): name "" and protocol TCP. */
export function defaultEndpointSlice(slice: IEndpointSlice): void {
  for (const port of slice.ports ?? []) {
    port.name ??= "";
    port.protocol ??= "TCP";
  }
}

/** SetDefaults_IngressClass (pkg/apis/networking/v1/defaults.go): parameters without a scope are cluster-scoped. */
export function defaultIngressClass(ingressClass: IIngressClass): void {
  const parameters = ingressClass.spec?.parameters;
  if (parameters) parameters.scope ??= "Cluster";
}
