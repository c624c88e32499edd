import type { ClusterState } from "../cluster-state";
import { findListener } from "../images/find-listener";
import { serveImageHttp, type ImageHttpAnswer } from "../images/serve-image-http";
import type { BackendAnswer, BackendRequest } from "../ingress/proxy-to-upstream";
import { podIP } from "./pod-network";

/**
 * A backend pod's answer to a request an Ingress controller proxies to it, from the image catalog. A server
 * that closes the connection or speaks another protocol gives nginx nothing it can relay: "upstream
 * prematurely closed connection", which the controller turns into 502 (ingress-nginx: proxy_next_upstream).
 */
export function buildAnswerBackend(state: ClusterState): (request: BackendRequest) => BackendAnswer {
  return (request) => {
    const listener = request.listener ?? (request.pod ? findListener(request.pod, request.port) : undefined);
    if (!listener || !request.pod) return { status: 502, headers: {}, body: "" };
    const answer: ImageHttpAnswer = serveImageHttp(listener, {
      method: request.method,
      scheme: "http",
      host: request.host ?? request.ip,
      path: request.uri,
      query: request.query,
      headers: request.headers,
      bodyBytes: request.bodyBytes,
      podName: request.pod.metadata.name,
      podNamespace: request.pod.metadata.namespace ?? "default",
      podIP: podIP(request.pod) ?? request.ip,
      clientIP: request.clientIP,
      now: state.now().toISOString(),
    });
    if (answer.kind === "error") return { status: 502, headers: {}, body: "" };
    return { status: answer.status, headers: answer.headers, body: answer.body };
  };
}
