import type { ClusterState } from "../cluster-state";
import type { Endpoints } from "../objects/kinds";
import type { EndpointsQuery } from "./conformance-case";
import { expectEqual, failedVerdict, type QueryVerdict } from "./query-result";

type Address = { ip: string; port: number };

export function formatEndpointsSummary(query: EndpointsQuery): string {
  return `endpoints ${query.service}${query.servicePort ? ` port ${query.servicePort}` : ""}`;
}

/** Order-insensitive: the endpoints controller sorts nothing the format promises. */
function formatAddresses(addresses: readonly Address[]): string {
  const items = addresses.map((a) => `${a.ip}:${a.port}`).sort();
  return `[${items.join(", ")}]`;
}

/**
 * Endpoints group addresses into subsets that share a port list; a named targetPort resolved to different
 * numbers on different pods yields one subset per number
 * (kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go, syncService and
 * endpoints.RepackSubsets). Each port entry carries the Service port's name, which `servicePort` selects.
 */
function collectAddresses(
  subsets: NonNullable<Endpoints["subsets"]>,
  which: "addresses" | "notReadyAddresses",
  servicePort: string | undefined,
): Address[] {
  const out: Address[] = [];
  for (const subset of subsets) {
    const ports = (subset.ports ?? []).filter((p) => servicePort === undefined || p.name === servicePort);
    for (const address of subset[which] ?? []) {
      for (const port of ports) out.push({ ip: address.ip, port: port.port });
    }
  }
  return out;
}

export function expectEndpoints(state: ClusterState, query: EndpointsQuery): QueryVerdict {
  const [namespace, name] = query.service.split("/");
  const expected = formatAddresses(query.expect);
  if (!state.get("Service", name, namespace)) return failedVerdict(expected, `service ${query.service} not found`);
  // A Service without a selector gets no Endpoints object from the controller; it holds no addresses.
  const subsets = state.get("Endpoints", name, namespace)?.subsets ?? [];
  const ready = expectEqual(expected, formatAddresses(collectAddresses(subsets, "addresses", query.servicePort)));
  if (!ready.passed || query.expectNotReady === undefined) return ready;
  const notReady = expectEqual(
    `not ready ${formatAddresses(query.expectNotReady)}`,
    `not ready ${formatAddresses(collectAddresses(subsets, "notReadyAddresses", query.servicePort))}`,
  );
  return notReady.passed ? ready : notReady;
}
