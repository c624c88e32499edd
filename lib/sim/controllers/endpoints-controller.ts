import type { IEndpointAddress } from "kubernetes-models/v1/EndpointAddress";
import type { IEndpointPort } from "kubernetes-models/v1/EndpointPort";
import type { IEndpointSubset } from "kubernetes-models/v1/EndpointSubset";
import type { Endpoints, Pod, Service } from "../objects/kinds";
import { compareText } from "../store/object-store";
import type { ControllerContext } from "./controller-context";
import { findPort, isPodReady, podIPOf, shouldPodBeInEndpoints } from "./pod-readiness";
import { endpointHostname, hasManagedEndpoints, isHeadless, selectServicePods, serviceDerivedLabels } from "./service-selection";

interface AddressEntry {
  address: IEndpointAddress;
  ready: boolean;
}

/**
 * The Endpoints object for a Service, as the endpoints controller builds it
 * (kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go syncService):
 * - every pod of the Service's namespace its selector matches, if ShouldPodBeInEndpoints (an IP, not
 *   terminal; terminating pods only with publishNotReadyAddresses);
 * - per Service port, the pod's port from FindPort; a pod without the named port is left out for that port;
 * - ready pods (or all, with publishNotReadyAddresses) go to addresses, the others to notReadyAddresses;
 * - a headless Service without ports still lists its pods, with no ports;
 * - then RepackSubsets (pkg/api/v1/endpoints/util.go): addresses offering the same set of ports share one
 *   subset. Upstream orders ports and subsets by a hash; here ports sort by name then number and subsets by
 *   their first address, which is as stable and easier to read.
 */
export function buildEndpointSubsets(service: Service, pods: readonly Pod[]): IEndpointSubset[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const servicePorts = service.spec?.ports ?? [];
  const byPort = new Map<string, { port: IEndpointPort | null; addresses: Map<string, AddressEntry> }>();
  const add = (port: IEndpointPort | null, entry: AddressEntry) => {
    const key = port ? JSON.stringify([port.name ?? "", port.port, port.protocol ?? "TCP", port.appProtocol ?? ""]) : "-";
    let group = byPort.get(key);
    if (!group) byPort.set(key, (group = { port, addresses: new Map() }));
    group.addresses.set(`${entry.address.ip}/${entry.address.targetRef?.uid ?? ""}`, entry);
  };

  for (const pod of selectServicePods(service, pods)) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address: IEndpointAddress = {
      ip: podIPOf(pod)!,
      ...(endpointHostname(pod, service) ? { hostname: endpointHostname(pod, service) } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    const entry = { address, ready: publishNotReady || isPodReady(pod) };
    if (servicePorts.length === 0) {
      if (isHeadless(service)) add(null, entry);
      continue;
    }
    for (const servicePort of servicePorts) {
      const portNumber = findPort(pod, servicePort);
      if (portNumber === undefined) continue;
      add(
        {
          ...(servicePort.name ? { name: servicePort.name } : {}),
          port: portNumber,
          protocol: servicePort.protocol ?? "TCP",
          ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
        },
        entry,
      );
    }
  }

  const byAddressSet = new Map<string, { ports: IEndpointPort[]; entries: AddressEntry[] }>();
  for (const { port, addresses } of byPort.values()) {
    const entries = [...addresses.entries()].sort(([a], [b]) => compareText(a, b));
    const key = entries.map(([k, e]) => `${k}:${e.ready}`).join(",");
    let subset = byAddressSet.get(key);
    if (!subset) byAddressSet.set(key, (subset = { ports: [], entries: entries.map(([, e]) => e) }));
    if (port) subset.ports.push(port);
  }
  const subsets: IEndpointSubset[] = [...byAddressSet.values()].map(({ ports, entries }) => {
    const ready = entries.filter((e) => e.ready).map((e) => e.address).sort(compareAddresses);
    const notReady = entries.filter((e) => !e.ready).map((e) => e.address).sort(compareAddresses);
    return {
      ...(ready.length > 0 ? { addresses: ready } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
      ...(ports.length > 0 ? { ports: ports.sort(comparePorts) } : {}),
    };
  });
  return subsets.sort((a, b) => compareText(firstIP(a), firstIP(b)));
}

function compareAddresses(a: IEndpointAddress, b: IEndpointAddress): number {
  return compareIPs(a.ip, b.ip) || compareText(a.targetRef?.uid ?? "", b.targetRef?.uid ?? "");
}

function comparePorts(a: IEndpointPort, b: IEndpointPort): number {
  return compareText(a.name ?? "", b.name ?? "") || a.port - b.port || compareText(a.protocol ?? "", b.protocol ?? "");
}

function firstIP(subset: IEndpointSubset): string {
  return subset.addresses?.[0]?.ip ?? subset.notReadyAddresses?.[0]?.ip ?? "";
}

/** Numeric IPv4 order, so 10.244.1.10 follows 10.244.1.9. */
export function compareIPs(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Keeps every selector-managed Service's Endpoints in step with its pods. Endpoints of Services without a
 * selector are never touched (they are the learner's own), and neither are Endpoints with no Service.
 */
export function reconcileEndpoints(ctx: ControllerContext): void {
  for (const service of ctx.list("Service")) {
    if (!ctx.isDirty(service.metadata.namespace)) continue;
    const namespace = service.metadata.namespace!;
    const existing = ctx.get("Endpoints", service.metadata.name, namespace);
    if (!hasManagedEndpoints(service)) {
      if (service.spec?.type === "ExternalName" && existing && isControllerBuilt(existing)) ctx.delete({ kind: "Endpoints", name: existing.metadata.name, namespace });
      continue;
    }
    const subsets = buildEndpointSubsets(service, ctx.list("Pod", namespace));
    const labels = serviceDerivedLabels(service, []);
    const desired = {
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(subsets.length > 0 ? { subsets } : {}),
    };
    if (!existing) {
      ctx.create<Endpoints>({
        apiVersion: "v1",
        kind: "Endpoints",
        metadata: { name: service.metadata.name, namespace, ...(desired.labels ? { labels: desired.labels } : {}) },
        ...(desired.subsets ? { subsets: desired.subsets } : {}),
      });
      continue;
    }
    const { subsets: _old, ...rest } = existing;
    const metadata = { ...existing.metadata };
    if (desired.labels) metadata.labels = desired.labels;
    else delete metadata.labels;
    ctx.update<Endpoints>({ ...rest, metadata, ...(desired.subsets ? { subsets: desired.subsets } : {}) } as Endpoints);
  }
}

function isControllerBuilt(endpoints: Endpoints): boolean {
  return (endpoints.subsets ?? []).every((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].every((a) => a.targetRef?.kind === "Pod"));
}
