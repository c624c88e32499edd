import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";
import { needsHealthCheckNodePort, needsNodePort } from "./allocate-service-addresses";

type ServiceLike = { spec?: IServiceSpec };

/** NodePort, LoadBalancer, or a ClusterIP Service with externalIPs (pkg/apis/core/v1/helper ExternallyAccessible). */
function isExternallyAccessible(service: ServiceLike): boolean {
  const type = service.spec?.type;
  return type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && (service.spec?.externalIPs?.length ?? 0) > 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * When an update changes a Service's type, fields that only the old type needed are wiped if the request
 * left them as they were (pkg/registry/core/service/strategy.go dropTypeDependentFields): node ports,
 * the health-check node port, allocateLoadBalancerNodePorts, loadBalancerClass and externalTrafficPolicy.
 * So `type: NodePort` → `type: ClusterIP` through apply or replace just works, as on a real cluster.
 */
export function dropTypeDependentFields<T extends ServiceLike>(next: T, old: ServiceLike): T {
  if (!next.spec || !old.spec) return next;
  const spec: IServiceSpec = { ...next.spec };
  const nodePorts = (s: IServiceSpec) => (s.ports ?? []).map((p) => p.nodePort ?? 0);
  if (!needsNodePort(next) && same(nodePorts(spec), nodePorts(old.spec))) {
    spec.ports = spec.ports?.map(({ nodePort: _dropped, ...port }) => port);
  }
  if (!needsHealthCheckNodePort(next) && same(spec.healthCheckNodePort, old.spec.healthCheckNodePort)) delete spec.healthCheckNodePort;
  if (spec.type !== "LoadBalancer" && same(spec.allocateLoadBalancerNodePorts, old.spec.allocateLoadBalancerNodePorts)) delete spec.allocateLoadBalancerNodePorts;
  if (spec.type !== "LoadBalancer" && same(spec.loadBalancerClass, old.spec.loadBalancerClass)) delete spec.loadBalancerClass;
  if (!isExternallyAccessible(next) && same(spec.externalTrafficPolicy, old.spec.externalTrafficPolicy)) delete spec.externalTrafficPolicy;
  return { ...next, spec };
}
