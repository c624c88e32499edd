import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import type { ConnectResult } from "./connect";
import type { HttpResult } from "./http-result";
import type { TrafficPeer } from "./trace";

export interface ControllerBoundRequest {
  from: TrafficPeer;
  connection: ConnectResult;
  scheme: "http" | "https";
  /** The Host header (or the URL's host). */
  host: string;
  path: string;
  query: string;
  method: string;
  headers: Record<string, string>;
  bodyBytes: number;
  insecure?: boolean;
}

/**
 * Hands a request that reached an ingress-nginx controller pod to the Ingress model, telling it how the request
 * arrived (through which Service address and node) so it can tell which client address nginx sees.
 */
export function serveIngressViaController(state: ClusterState, controllerPod: Pod, request: ControllerBoundRequest): HttpResult {
  return {
    outcome: "connected",
    headers: {},
    body: "",
    hops: [...request.connection.hops, { kind: "ingress", outcome: "info", summary: `request for ${request.host}${request.path} reached ingress controller ${controllerPod.metadata.namespace}/${controllerPod.metadata.name}` }],
    error: { code: 52, message: "Empty reply from server" },
  };
}
