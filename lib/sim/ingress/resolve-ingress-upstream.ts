import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { ClusterState } from "../cluster-state";
import type { Ingress, Service } from "../objects/kinds";
import type { TraceHop } from "../network/trace";
import { buildServiceEndpoints, type ProxyEndpoint } from "../proxy/build-service-endpoints";
import type { IngressBackendTarget } from "./build-nginx-configuration";
import { objectHop } from "./ingress-hop";

export interface IngressUpstream {
  /** `namespace-service-port` (internal/ingress/controller/util.go upstreamName). */
  name: string;
  service?: Service;
  servicePort?: IServicePort;
  /** Ready endpoints, pod IP and target port: ingress-nginx balances over these itself, not over the ClusterIP. */
  endpoints: ProxyEndpoint[];
  hops: TraceHop[];
}

export function formatUpstreamName(target: IngressBackendTarget): string {
  return target.service ? `${target.namespace}-${target.service.name}-${target.service.port}` : `${target.namespace}-INVALID`;
}

/**
 * The upstream ingress-nginx builds for an Ingress backend (internal/ingress/controller/controller.go
 * serviceEndpoints, endpointslices.go getEndpointsFromSlices): the Service port named by number
 * (`port.number`, matched against spec.ports[].port) or by name (`port.name`, matched against spec.ports[].name),
 * then the ready endpoints of that port from the Service's EndpointSlices. The controller proxies to pod IPs and
 * target ports directly; unless nginx.ingress.kubernetes.io/service-upstream is set, kube-proxy and the
 * ClusterIP are not involved (docs/user-guide/nginx-configuration/annotations.md#service-upstream).
 */
export function resolveIngressUpstream(state: ClusterState, target: IngressBackendTarget, ingress: Ingress | undefined, field: string): IngressUpstream {
  const name = formatUpstreamName(target);
  const hops: TraceHop[] = [];
  const fail = (summary: string): IngressUpstream => {
    hops.push(ingress ? objectHop(state, ingress, field, "fail", summary, "service") : { kind: "service", outcome: "fail", summary });
    return { name, endpoints: [], hops };
  };
  if (!target.service) return fail(`The backend is not a Service: ingress-nginx cannot proxy to it.`);
  const { name: serviceName, port } = target.service;
  const service = state.get("Service", serviceName, target.namespace);
  if (!service) return fail(`Service ${target.namespace}/${serviceName} does not exist, so the upstream ${name} has no endpoints.`);
  const ports = service.spec?.ports ?? [];
  const servicePort = typeof port === "number" ? ports.find((p) => p.port === port) : ports.find((p) => p.name === port);
  if (!servicePort) {
    const known = ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join(", ") || "none";
    return fail(`Service ${target.namespace}/${serviceName} has no port ${typeof port === "number" ? port : `named "${port}"`} (its ports: ${known}), so the upstream ${name} has no endpoints.`);
  }
  if (service.spec?.type === "ExternalName") {
    return fail(`Service ${target.namespace}/${serviceName} is an ExternalName Service; the simulator does not follow it outside the cluster.`);
  }
  const all = buildServiceEndpoints(state, service, servicePort);
  const endpoints = all.filter((e) => e.ready);
  const field2 = typeof port === "number" ? `${field}.service.port.number` : `${field}.service.port.name`;
  if (endpoints.length === 0) {
    const why = all.length === 0 ? `its selector matches no running pod (kubectl get endpoints ${serviceName} -n ${target.namespace})` : `none of its ${all.length} endpoint(s) is ready`;
    hops.push(ingress ? objectHop(state, ingress, field2, "fail", `Service ${target.namespace}/${serviceName} port ${servicePort.name ?? servicePort.port} has no ready endpoints: ${why}.`, "service") : { kind: "service", outcome: "fail", summary: `Service ${target.namespace}/${serviceName} has no ready endpoints.` });
    return { name, service, servicePort, endpoints, hops };
  }
  const list = endpoints.map((e) => `${e.ip}:${e.port}`).join(", ");
  const summary = `Service ${target.namespace}/${serviceName} port ${servicePort.name ? `${servicePort.name} (${servicePort.port})` : servicePort.port} → targetPort; upstream ${name} has ${endpoints.length} ready endpoint(s): ${list}. ingress-nginx connects to these pod addresses directly.`;
  hops.push(ingress ? objectHop(state, ingress, field2, "pass", summary, "service") : { kind: "service", outcome: "pass", summary });
  return { name, service, servicePort, endpoints, hops };
}
