import type { ClusterState } from "@/lib/sim/cluster-state";
import type { EndpointSlice, Endpoints, Service } from "@/lib/sim/objects/kinds";
import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from "./describe-writer";

/**
 * describe.go formatEndpointSlices: the ready `ip:port` pairs of the Service port with this name, at most three
 * then `+ N more...`; `<none>` when the Service has no EndpointSlices, an empty value when they list nothing.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  for (const slice of slices) {
    for (const port of slice.ports ?? []) {
      if ((port.name ?? "") !== (portName ?? "")) continue;
      for (const endpoint of slice.endpoints ?? []) {
        if (endpoint.conditions?.ready === false) continue;
        for (const address of endpoint.addresses ?? []) list.push(`${address}:${port.port}`);
      }
    }
  }
  return list.length <= 3 ? list.join(",") : `${list.slice(0, 3).join(",")} + ${list.length - 3} more...`;
}

export function serviceSlices(state: ClusterState, service: { metadata: { name: string; namespace?: string } }): EndpointSlice[] {
  return state.list("EndpointSlice", service.metadata.namespace).filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === service.metadata.name);
}

/** describeService in k8s.io/kubectl pkg/describe/describe.go (v1.32). */
export function describeService(state: ClusterState, service: Service, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  const spec = service.spec ?? {};
  w.write(0, `Name:\t${service.metadata.name}\n`);
  w.write(0, `Namespace:\t${service.metadata.namespace}\n`);
  writeLabels(w, service.metadata.labels);
  writeAnnotations(w, service.metadata.annotations);
  w.write(0, `Selector:\t${Object.entries(spec.selector ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(",")}\n`);
  w.write(0, `Type:\t${spec.type ?? "ClusterIP"}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  // The requested address is labelled apart from the ClusterIP since kubernetes/kubernetes#125117 (kubectl v1.31;
  // describe_test.go TestDescribeService expects `Desired LoadBalancer IP:  5.6.7.8`).
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  // describe.go buildIngressString: each address, then its ipMode in parentheses when the status records one, as
  // the apiserver does (VIP) for every IP (kubernetes/kubernetes#125117, kubectl v1.31; describe_test.go
  // TestDescribeService "test1": `LoadBalancer Ingress:     5.6.7.8 (VIP)`).
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip || i.hostname || ""}${i.ipMode ? ` (${i.ipMode})` : ""}`).join(", ")}\n`);
  const slices = serviceSlices(state, service);
  for (const port of spec.ports ?? []) {
    const name = port.name || "<unset>";
    const protocol = port.protocol ?? "TCP";
    w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, port.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? "None"}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
  writeEvents(w, events, state.now());
  return w.toString();
}

/** describeEndpoints: each subset's ready and not-ready addresses and its ports table. */
export function describeEndpoints(state: ClusterState, endpoints: Endpoints, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${endpoints.metadata.name}\n`);
  w.write(0, `Namespace:\t${endpoints.metadata.namespace}\n`);
  writeLabels(w, endpoints.metadata.labels);
  writeAnnotations(w, endpoints.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const subset of endpoints.subsets ?? []) {
    w.write(1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
    w.write(1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
    if (subset.ports?.length) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const port of subset.ports) w.write(2, `${port.name || "<unset>"}\t${port.port}\t${port.protocol ?? "TCP"}\n`);
    }
    w.write(0, "\n");
  }
  writeEvents(w, events, state.now());
  return w.toString();
}
