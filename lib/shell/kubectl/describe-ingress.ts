import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Ingress } from "@/lib/sim/objects/kinds";
import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import type { IIngressBackend } from "kubernetes-models/networking.k8s.io/v1/IngressBackend";
import { DescribeWriter, writeAnnotations, writeEvents, writeLabels } from "./describe-writer";
import { formatEndpointSlices, serviceSlices } from "./describe-service";

/** describeBackendV1: `svc:port (endpoints)`, or the lookup error in angle brackets. */
function describeBackend(state: ClusterState, namespace: string, backend: IIngressBackend | undefined): string {
  if (!backend) return "<default>";
  // An unset apiGroup prints as <none> (describe_test.go TestDescribeIngress "…Backend.Resource v1 Without APIGroup").
  if (backend.resource) return `APIGroup: ${backend.resource.apiGroup || "<none>"}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  const ref = backend.service;
  if (!ref) return "<none>";
  const port = ref.port?.number !== undefined ? String(ref.port.number) : (ref.port?.name ?? "");
  const service = state.get("Service", ref.name, namespace);
  if (!service) return `${ref.name}:${port} (<error: services "${ref.name}" not found>)`;
  const servicePort = (service.spec?.ports ?? []).find((p) => (ref.port?.number !== undefined ? p.port === ref.port.number : p.name === ref.port?.name));
  const endpoints = servicePort ? formatEndpointSlices(serviceSlices(state, service), servicePort.name) : "";
  return `${ref.name}:${port} (${endpoints})`;
}

/** describeIngressV1 in k8s.io/kubectl pkg/describe/describe.go (v1.32). */
export function describeIngress(state: ClusterState, ingress: Ingress, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  const namespace = ingress.metadata.namespace ?? "default";
  const spec = ingress.spec ?? {};
  w.write(0, `Name:\t${ingress.metadata.name}\n`);
  writeLabels(w, ingress.metadata.labels);
  w.write(0, `Namespace:\t${namespace}\n`);
  w.write(0, `Address:\t${(ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? "").join(",")}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? "<none>"}\n`);
  w.write(0, `Default backend:\t${describeBackend(state, namespace, spec.defaultBackend)}\n`);
  if (spec.tls?.length) {
    w.write(0, "TLS:\n");
    for (const tls of spec.tls) w.write(1, tls.secretName ? `${tls.secretName} terminates ${(tls.hosts ?? []).join(",")}\n` : `SNI routes ${(tls.hosts ?? []).join(",")}\n`);
  }
  w.write(0, "Rules:\n  Host\tPath\tBackends\n");
  w.write(1, "----\t----\t--------\n");
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || "*"}\t\n`);
    for (const path of rule.http.paths) w.write(2, `\t${path.path ?? ""} \t${describeBackend(state, namespace, path.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${describeBackend(state, namespace, spec.defaultBackend)}\n`);
  writeAnnotations(w, ingress.metadata.annotations);
  writeEvents(w, events, state.now());
  return w.toString();
}
