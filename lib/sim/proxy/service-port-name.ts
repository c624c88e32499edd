import type { Service } from "../objects/kinds";
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { Protocol } from "../network/trace";

/**
 * The unit kube-proxy programs rules for: one port of one Service
 * (kubernetes/kubernetes pkg/proxy/types.go ServicePortName). Its string form `production/my-backend-api:http`
 * is what iptables rule comments carry (`"production/my-backend-api:http has no endpoints"`).
 */
export interface ServicePortName {
  namespace: string;
  name: string;
  /** spec.ports[].name; "" for the single unnamed port a Service may have. */
  port: string;
  protocol: Protocol;
}

export function buildServicePortName(service: Service, servicePort: IServicePort): ServicePortName {
  return {
    namespace: service.metadata.namespace ?? "default",
    name: service.metadata.name,
    port: servicePort.name ?? "",
    protocol: (servicePort.protocol ?? "TCP") as Protocol,
  };
}

/** pkg/proxy/types.go ServicePortName.String: `ns/name` plus `:port` when the port is named. */
export function formatServicePortName(name: ServicePortName): string {
  return `${name.namespace}/${name.name}${name.port === "" ? "" : `:${name.port}`}`;
}
