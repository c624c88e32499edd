import type { ClusterState } from "../cluster-state";
import type { ConformanceSimulator, IngressRouteAnswer } from "./conformance-simulator";
import type { IngressQuery } from "./conformance-case";
import { expectEqual, type QueryVerdict } from "./query-result";

export function formatIngressSummary(query: IngressQuery): string {
  return `ingress ${query.scheme ?? "http"}://${query.host ?? "<no host>"}${query.path}`;
}

/** The backend as the Ingress wrote it: the port stays a number or a name, never resolved. */
function formatBackend(route: IngressRouteAnswer | null): string {
  if (!route) return "null";
  const { service, resource } = route.backend;
  if (service) return `${service.namespace}/${service.name}:${service.port}`;
  if (resource) return `resource ${resource.kind}/${resource.name}`;
  return "a backend without service or resource";
}

export function expectIngress(sim: ConformanceSimulator, state: ClusterState, query: IngressQuery): QueryVerdict {
  const route = sim.routeIngress(state, { host: query.host, path: query.path, scheme: query.scheme });
  const expected = query.expect ? `${query.expect.service}:${query.expect.port}` : "null";
  return expectEqual(expected, formatBackend(route));
}
