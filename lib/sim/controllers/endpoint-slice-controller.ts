import type { IEndpoint } from "kubernetes-models/discovery.k8s.io/v1/Endpoint";
import type { IEndpointPort } from "kubernetes-models/discovery.k8s.io/v1/EndpointPort";
import type { EndpointSlice, Node, Pod, Service } from "../objects/kinds";
import { compareText } from "../store/object-store";
import type { ControllerContext } from "./controller-context";
import { compareIPs } from "./endpoints-controller";
import { findPort, isPodReady, isPodTerminating, podIPOf, shouldPodBeInEndpoints } from "./pod-readiness";
import { endpointHostname, hasManagedEndpoints, selectServicePods, serviceDerivedLabels } from "./service-selection";

export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller.k8s.io";
/** --max-endpoints-per-slice default (pkg/controller/endpointslice/config/v1alpha1/defaults.go). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface DesiredSlice {
  ports: IEndpointPort[];
  endpoints: IEndpoint[];
}

/**
 * One endpoint per pod, as podToEndpoint builds it (staging/src/k8s.io/endpointslice/utils.go): terminating
 * pods are kept and marked, serving follows readiness, and ready is never true for a terminating pod
 * unless publishNotReadyAddresses says every endpoint is ready.
 */
function buildEndpoint(pod: Pod, service: Service, node: Node | undefined): IEndpoint {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const serving = publishNotReady || isPodReady(pod);
  const terminating = isPodTerminating(pod);
  const ready = publishNotReady || (serving && !terminating);
  const zone = node?.metadata.labels?.["topology.kubernetes.io/zone"];
  const hostname = endpointHostname(pod, service);
  return {
    addresses: [podIPOf(pod)!],
    conditions: { ready, serving, terminating },
    ...(hostname ? { hostname } : {}),
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone ? { zone } : {}),
  };
}

/**
 * The slices a Service should have (staging/src/k8s.io/endpointslice/reconciler.go reconcileByAddressType):
 * endpoints are grouped by the set of ports they resolve to (a named targetPort can resolve differently per
 * pod), each group cut into slices of at most 100 endpoints; a Service with no endpoints gets one
 * placeholder slice with no ports.
 */
export function buildDesiredSlices(service: Service, pods: readonly Pod[], nodes: readonly Node[]): DesiredSlice[] {
  const groups = new Map<string, DesiredSlice>();
  for (const pod of selectServicePods(service, pods)) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: IEndpointPort[] = [];
    for (const servicePort of service.spec?.ports ?? []) {
      const port = findPort(pod, servicePort);
      if (port === undefined) continue;
      ports.push({
        name: servicePort.name ?? "",
        port,
        protocol: servicePort.protocol ?? "TCP",
        ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
      });
    }
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(buildEndpoint(pod, service, nodes.find((n) => n.metadata.name === pod.spec?.nodeName)));
  }
  const slices: DesiredSlice[] = [];
  for (const key of [...groups.keys()].sort(compareText)) {
    const group = groups.get(key)!;
    group.endpoints.sort((a, b) => compareIPs(a.addresses[0], b.addresses[0]));
    for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      slices.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  return slices.length > 0 ? slices : [{ ports: [], endpoints: [] }];
}

/** Labels a managed slice carries (reconciler_helpers.go setEndpointSliceLabels). */
function sliceLabels(service: Service, managedBy: string): Record<string, string> {
  return { ...serviceDerivedLabels(service, [LABEL_SERVICE_NAME, LABEL_MANAGED_BY]), [LABEL_SERVICE_NAME]: service.metadata.name, [LABEL_MANAGED_BY]: managedBy };
}

/**
 * Writes a Service's desired slices over its existing managed ones: a slice with the same ports keeps its
 * name (as the reconciler updates slices in place), extra slices are deleted, new ones get generateName
 * `<service>-` and a controller ownerReference to the Service, so deleting the Service collects them.
 */
export function writeSlices(ctx: ControllerContext, service: Service, desired: DesiredSlice[], existing: EndpointSlice[], managedBy: string): void {
  const namespace = service.metadata.namespace!;
  const labels = sliceLabels(service, managedBy);
  const unused = [...existing];
  for (const slice of desired) {
    const key = JSON.stringify(slice.ports);
    const index = unused.findIndex((s) => JSON.stringify(s.ports ?? []) === key);
    const current = index >= 0 ? unused.splice(index, 1)[0] : undefined;
    if (current) {
      ctx.update<EndpointSlice>({ ...current, metadata: { ...current.metadata, labels }, addressType: "IPv4", endpoints: slice.endpoints, ports: slice.ports });
      continue;
    }
    ctx.create<EndpointSlice>({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        generateName: `${service.metadata.name.slice(0, 62)}-`,
        namespace,
        labels,
        ownerReferences: [{ apiVersion: "v1", kind: "Service", name: service.metadata.name, uid: service.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      addressType: "IPv4",
      endpoints: slice.endpoints,
      ports: slice.ports,
    });
  }
  for (const slice of unused) ctx.delete({ kind: "EndpointSlice", name: slice.metadata.name, namespace });
}

export function managedSlicesOf(ctx: ControllerContext, service: Service, managedBy: string): EndpointSlice[] {
  return ctx
    .list("EndpointSlice", service.metadata.namespace)
    .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === service.metadata.name && s.metadata.labels?.[LABEL_MANAGED_BY] === managedBy);
}

/**
 * The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go): for every Service
 * with a selector (not ExternalName), slices labelled kubernetes.io/service-name and managed-by
 * endpointslice-controller.k8s.io. Slices with another managed-by (hand-made, or mirrored) are left alone.
 */
export function reconcileEndpointSlices(ctx: ControllerContext): void {
  const nodes = ctx.list("Node");
  for (const service of ctx.list("Service")) {
    if (!ctx.isDirty(service.metadata.namespace)) continue;
    const existing = managedSlicesOf(ctx, service, ENDPOINTSLICE_CONTROLLER);
    if (!hasManagedEndpoints(service)) {
      for (const slice of existing) ctx.delete({ kind: "EndpointSlice", name: slice.metadata.name, namespace: slice.metadata.namespace });
      continue;
    }
    writeSlices(ctx, service, buildDesiredSlices(service, ctx.list("Pod", service.metadata.namespace), nodes), existing, ENDPOINTSLICE_CONTROLLER);
  }
}
