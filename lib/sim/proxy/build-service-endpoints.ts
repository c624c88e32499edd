import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { ClusterState } from "../cluster-state";
import type { Pod, Service } from "../objects/kinds";
import { matchMapSelector } from "../selectors/label-selector";
import { isPodReady, isPodTerminating, podIP } from "../network/pod-network";

/**
 * One backend of one Service port, as kube-proxy holds it (pkg/proxy/endpoint.go BaseEndpointInfo): the
 * address, the resolved target port, the node it runs on and the three EndpointSlice conditions.
 */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  pod?: Pod;
  /** EndpointSlice endpoints[].hostname: set for pods whose spec.subdomain names this Service. */
  hostname?: string;
  /** Where the endpoint came from: the EndpointSlices kube-proxy watches, an Endpoints object, or the selector. */
  source: "EndpointSlice" | "Endpoints" | "selector";
}

/** The label that ties an EndpointSlice to its Service (discovery/v1 LabelServiceName). */
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";

/**
 * The container port a Service port reaches on one pod: targetPort as a number, or the pod's containerPort with
 * that name, or (unset) the Service port itself (pkg/api/v1/pod FindPort; defaults: targetPort = port).
 */
export function resolveTargetPort(pod: Pod, servicePort: IServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target;
  if (/^[0-9]+$/.test(target)) return Number(target);
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? "TCP") === (servicePort.protocol ?? "TCP")) return port.containerPort;
    }
  }
  return undefined;
}

/**
 * The endpoints of one Service port. kube-proxy reads EndpointSlices only (pkg/proxy/endpointslicecache.go),
 * so when slices for the Service exist they are the truth. A state with no slices for a selector Service is
 * one the EndpointSlice controller has not reconciled yet; its result is computed here by the controller's
 * rules (pkg/controller/endpointslice/utils.go podToEndpoint: ready = Ready condition and not terminating,
 * serving = Ready condition, terminating = deletionTimestamp set; publishNotReadyAddresses makes every
 * endpoint ready). A selector-less Service is backed by a hand-written Endpoints object, which the
 * EndpointSlice mirroring controller copies into slices.
 */
export function buildServiceEndpoints(state: ClusterState, service: Service, servicePort: IServicePort | undefined): ProxyEndpoint[] {
  const namespace = service.metadata.namespace ?? "default";
  const protocol = servicePort?.protocol ?? "TCP";
  // Without a port (DNS for a headless Service, which may declare none) every address counts once.
  const matchesPort = (p: { name?: string; protocol?: string }) =>
    servicePort === undefined || ((p.name ?? "") === (servicePort.name ?? "") && (p.protocol ?? "TCP") === protocol);
  const podsByName = new Map(state.list("Pod", namespace).map((p) => [p.metadata.name, p]));
  const slices = state.list("EndpointSlice", namespace).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service.metadata.name);
  if (slices.length > 0) {
    const out: ProxyEndpoint[] = [];
    for (const slice of slices) {
      // pkg/proxy/endpointslicecache.go matches slice ports to Service ports by name and protocol.
      const slicePort = (slice.ports ?? []).find(matchesPort);
      if (servicePort !== undefined && !slicePort?.port) continue;
      for (const endpoint of slice.endpoints ?? []) {
        const ip = endpoint.addresses[0];
        if (!ip) continue;
        // discovery/v1 EndpointConditions: a nil ready or serving is read as true, a nil terminating as false.
        const ready = endpoint.conditions?.ready ?? true;
        out.push({
          ip,
          port: slicePort?.port ?? 0,
          nodeName: endpoint.nodeName,
          ready,
          serving: endpoint.conditions?.serving ?? ready,
          terminating: endpoint.conditions?.terminating ?? false,
          pod: endpoint.targetRef?.kind === "Pod" ? podsByName.get(endpoint.targetRef.name ?? "") : undefined,
          hostname: endpoint.hostname,
          source: "EndpointSlice",
        });
      }
    }
    return servicePort === undefined ? uniqueByIP(out) : out;
  }
  const selector = service.spec?.selector;
  if (selector && Object.keys(selector).length > 0) {
    const out: ProxyEndpoint[] = [];
    for (const pod of podsByName.values()) {
      const ip = podIP(pod);
      const port = servicePort === undefined ? 0 : resolveTargetPort(pod, servicePort);
      if (!ip || port === undefined || !matchMapSelector(selector, pod.metadata.labels)) continue;
      const terminating = isPodTerminating(pod);
      const publishNotReady = service.spec?.publishNotReadyAddresses === true;
      const hostname =
        pod.spec?.hostname && pod.spec.subdomain === service.metadata.name ? pod.spec.hostname : undefined;
      out.push({
        ip,
        port,
        nodeName: pod.spec?.nodeName,
        ready: publishNotReady || (isPodReady(pod) && !terminating),
        serving: publishNotReady || isPodReady(pod),
        terminating,
        pod,
        hostname,
        source: "selector",
      });
    }
    return out;
  }
  const endpoints = state.get("Endpoints", service.metadata.name, namespace);
  const out: ProxyEndpoint[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const port = (subset.ports ?? []).find(matchesPort);
    if (servicePort !== undefined && !port) continue;
    const add = (addresses: typeof subset.addresses, ready: boolean) => {
      for (const address of addresses ?? []) {
        out.push({
          ip: address.ip,
          port: port?.port ?? 0,
          nodeName: address.nodeName,
          ready,
          serving: ready,
          terminating: false,
          pod: address.targetRef?.kind === "Pod" ? podsByName.get(address.targetRef.name ?? "") : undefined,
          hostname: address.hostname,
          source: "Endpoints",
        });
      }
    };
    add(subset.addresses, true);
    add(subset.notReadyAddresses, false);
  }
  return servicePort === undefined ? uniqueByIP(out) : out;
}

function uniqueByIP(endpoints: ProxyEndpoint[]): ProxyEndpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((e) => (seen.has(e.ip) ? false : (seen.add(e.ip), true)));
}
