import type { IService } from "kubernetes-models/v1/Service";

/**
 * SetDefaults_Service (kubernetes/kubernetes pkg/apis/core/v1/defaults.go) plus the IP-family fields the
 * Service REST storage fills on create (pkg/registry/core/service/storage/alloc.go initIPFamilyFields) for
 * this single-stack IPv4 cluster. clusterIP and nodePorts are allocated by the store, not here.
 */
export function defaultService(service: IService): void {
  const spec = (service.spec ??= {});
  spec.sessionAffinity ??= "None";
  spec.type ??= "ClusterIP";
  for (const port of spec.ports ?? []) {
    port.protocol ??= "TCP";
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
  if (spec.type === "LoadBalancer") spec.allocateLoadBalancerNodePorts ??= true;
  const externallyAccessible = spec.type === "NodePort" || spec.type === "LoadBalancer" ||
    (spec.type === "ClusterIP" && (spec.externalIPs?.length ?? 0) > 0);
  if (externallyAccessible) spec.externalTrafficPolicy ??= "Cluster";
  if (spec.type !== "ExternalName") spec.internalTrafficPolicy ??= "Cluster";
  if (spec.sessionAffinity === "ClientIP") {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  // The storage normalises clusterIPs from clusterIP for every type (pkg/registry/core/service/storage
  // normalizeClusterIPs), so an ExternalName Service with a clusterIP is rejected on clusterIPs.
  if (spec.clusterIP !== undefined && spec.clusterIP !== "" && (spec.clusterIPs?.length ?? 0) === 0) spec.clusterIPs = [spec.clusterIP];
  if (spec.type === "ExternalName") return;
  const headlessWithoutSelector = spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0;
  // Headless Services without a selector only publish DNS records and are allowed every family.
  spec.ipFamilyPolicy ??= headlessWithoutSelector ? "RequireDualStack" : "SingleStack";
  if ((spec.ipFamilies?.length ?? 0) === 0) spec.ipFamilies = ["IPv4"];
}
