import type { IEndpoint } from "kubernetes-models/discovery.k8s.io/v1/Endpoint";
import type { IEndpointPort } from "kubernetes-models/discovery.k8s.io/v1/EndpointPort";
import type { IEndpointAddress } from "kubernetes-models/v1/EndpointAddress";
import type { ControllerContext } from "./controller-context";
import { managedSlicesOf, writeSlices, type DesiredSlice } from "./endpoint-slice-controller";

export const ENDPOINTSLICE_MIRRORING_CONTROLLER = "endpointslicemirroring-controller.k8s.io";

/**
 * The EndpointSlice mirroring controller (kubernetes/kubernetes pkg/controller/endpointslicemirroring):
 * Endpoints written by hand for a Service without a selector are mirrored into EndpointSlices managed by
 * endpointslicemirroring-controller.k8s.io, so consumers that read only slices (kube-proxy) still see them.
 * Each subset becomes a slice; addresses are ready, notReadyAddresses are not. Endpoints labelled
 * endpointslice.kubernetes.io/skip-mirror=true are skipped, and so are Services with a selector (their
 * slices come from the EndpointSlice controller).
 * https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#endpointslice-mirroring
 */
export function reconcileEndpointSliceMirroring(ctx: ControllerContext): void {
  for (const service of ctx.list("Service")) {
    if (!ctx.isDirty(service.metadata.namespace)) continue;
    const existing = managedSlicesOf(ctx, service, ENDPOINTSLICE_MIRRORING_CONTROLLER);
    const endpoints = ctx.get("Endpoints", service.metadata.name, service.metadata.namespace);
    const mirrored =
      Object.keys(service.spec?.selector ?? {}).length === 0 &&
      endpoints !== undefined &&
      endpoints.metadata.labels?.["endpointslice.kubernetes.io/skip-mirror"] !== "true";
    if (!mirrored) {
      for (const slice of existing) ctx.delete({ kind: "EndpointSlice", name: slice.metadata.name, namespace: slice.metadata.namespace });
      continue;
    }
    const desired: DesiredSlice[] = (endpoints.subsets ?? []).map((subset) => {
      const ports: IEndpointPort[] = (subset.ports ?? []).map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP", ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
      const toEndpoint = (address: IEndpointAddress, ready: boolean): IEndpoint => ({
        addresses: [address.ip],
        conditions: { ready },
        ...(address.hostname ? { hostname: address.hostname } : {}),
        ...(address.targetRef ? { targetRef: address.targetRef } : {}),
        ...(address.nodeName ? { nodeName: address.nodeName } : {}),
      });
      return {
        ports,
        endpoints: [...(subset.addresses ?? []).map((a) => toEndpoint(a, true)), ...(subset.notReadyAddresses ?? []).map((a) => toEndpoint(a, false))],
      };
    });
    writeSlices(ctx, service, desired.filter((s) => s.endpoints.length > 0), existing, ENDPOINTSLICE_MIRRORING_CONTROLLER);
  }
}
