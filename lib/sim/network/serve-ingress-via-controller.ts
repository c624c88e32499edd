import type { ClusterState } from "../cluster-state";
import { serveIngressRequest } from "../ingress/serve-ingress-request";
import type { Pod } from "../objects/kinds";
import { buildAnswerBackend } from "./answer-backend";
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
  attempt?: number;
}

/**
 * Hands a request that reached an ingress-nginx controller pod to the Ingress model (serveIngressRequest),
 * telling it how the request arrived — through which Service address, on which node, seen from which source
 * address after kube-proxy — and letting backend pods answer from the image catalog.
 */
export function serveIngressViaController(state: ClusterState, controllerPod: Pod, request: ControllerBoundRequest): HttpResult {
  const { connection } = request;
  const service = connection.service ? state.get("Service", connection.service.name, connection.service.namespace) : undefined;
  const via = connection.service?.via;
  const result = serveIngressRequest(
    state,
    controllerPod,
    {
      method: request.method,
      scheme: request.scheme,
      host: request.host,
      path: `${request.path}${request.query ? `?${request.query}` : ""}`,
      headers: request.headers,
      bodyBytes: request.bodyBytes,
      from: request.from,
      arrival: {
        via: via === undefined ? "pod-ip" : via === "external-ip" ? "load-balancer" : via,
        service,
        nodeName: connection.receivingNode,
      },
      clientIP: connection.sourceIP,
      insecure: request.insecure,
      attempt: request.attempt,
    },
    { answerBackend: buildAnswerBackend(state) },
  );
  return { ...result, hops: [...connection.hops, ...result.hops] };
}
