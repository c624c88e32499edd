import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import type { TraceHop, TrafficPeer } from "../network/trace";
import { isTrafficAllowed } from "../netpol/is-traffic-allowed";
import { describeListeners, findListener, type ContainerListener } from "../images/find-listener";
import { formatPodName } from "../network/pod-network";
import { hashString } from "../proxy/select-endpoint";
import type { ProxyEndpoint } from "../proxy/build-service-endpoints";
import type { NginxAnnotations } from "./parse-nginx-annotations";
import type { IngressUpstream } from "./resolve-ingress-upstream";
import { formatNginxErrorPage, formatNginxPlainHttpToHttpsPage } from "./format-nginx-error-page";

/** The request as it leaves nginx for one backend pod (after rewrite-target). */
export interface BackendRequest {
  pod?: Pod;
  ip: string;
  port: number;
  listener?: ContainerListener;
  method: string;
  host: string | null;
  uri: string;
  query: string;
  headers: Record<string, string>;
  bodyBytes: number;
  /** What nginx adds: X-Forwarded-For / X-Real-IP carry the client address it saw. */
  clientIP: string;
}

export interface BackendAnswer {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

/** How a backend process answers; httpRequest supplies the image catalog's behaviour. */
export type AnswerBackend = (request: BackendRequest) => BackendAnswer;

export interface UpstreamAttempt {
  addr: string;
  status: number | "-";
  responseLength: number;
  responseTimeSeconds: number;
}

export interface ProxyOutcome {
  status: number;
  headers: Record<string, string>;
  body: string;
  attempts: UpstreamAttempt[];
  servedBy?: { pod: Pod; container: string };
  hops: TraceHop[];
}

/** UTF-8 byte length, for Content-Length and $body_bytes_sent. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Without the image catalog's answer, a backend that listens answers 200 with a line naming itself. */
export const minimalBackendAnswer: AnswerBackend = (request) => ({
  status: 200,
  headers: { "content-type": "text/plain; charset=utf-8" },
  body: `${request.method} ${request.uri}${request.query ? `?${request.query}` : ""} answered by ${request.pod ? formatPodName(request.pod) : request.ip} (${request.ip}:${request.port})\n`,
});

function orderEndpoints(endpoints: readonly ProxyEndpoint[], key: string, seed: number): ProxyEndpoint[] {
  const sorted = [...endpoints].sort((a, b) => a.ip.localeCompare(b.ip) || a.port - b.port);
  const start = sorted.length === 0 ? 0 : hashString(key, seed) % sorted.length;
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

/**
 * nginx's proxy_pass to an ingress-nginx upstream: the Lua balancer picks an endpoint (round robin, here a
 * seeded hash so traces are reproducible), and with proxy_next_upstream "error timeout" and
 * proxy_next_upstream_tries 3 a failed connection moves on to the next endpoint
 * (https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream). A NetworkPolicy that
 * drops controller → pod traffic is a connect timeout (proxy-connect-timeout, 5 s): 504 Gateway Time-out. A
 * port nothing listens on is refused: 502 Bad Gateway. A process that does not speak HTTP, or a TLS mismatch
 * with backend-protocol, is also a 502.
 */
export function proxyToUpstream(
  state: ClusterState,
  controllerPod: Pod,
  upstream: IngressUpstream,
  annotations: NginxAnnotations,
  request: Omit<BackendRequest, "pod" | "ip" | "port" | "listener">,
  options: { answer: AnswerBackend; attempt: number; serviceAddress?: string },
): ProxyOutcome {
  const hops: TraceHop[] = [];
  const attempts: UpstreamAttempt[] = [];
  const ordered = orderEndpoints(upstream.endpoints, `${upstream.name}|${request.clientIP}|${options.attempt}`, state.config.seed);
  // service-upstream: nginx knows one server, the ClusterIP, and kube-proxy picks the pod; there is nothing to
  // retry (annotations.md#service-upstream "Known Issues").
  const limit = options.serviceAddress ? 1 : annotations.proxyNextUpstreamTries === 0 ? ordered.length : annotations.proxyNextUpstreamTries;
  const tries = Math.min(ordered.length, limit);
  const failure = (status: number): ProxyOutcome => ({ status, headers: { "content-type": "text/html" }, body: formatNginxErrorPage(status), attempts, hops });

  for (const endpoint of ordered.slice(0, tries)) {
    const addr = options.serviceAddress ?? `${endpoint.ip}:${endpoint.port}`;
    const where = endpoint.pod ? `pod ${formatPodName(endpoint.pod)} (${addr})` : addr;
    const destination: TrafficPeer = endpoint.pod ? { kind: "pod", pod: endpoint.pod } : { kind: "external", ip: endpoint.ip };
    const verdict = isTrafficAllowed(state, { source: { kind: "pod", pod: controllerPod }, destination, port: endpoint.port, protocol: "TCP" });
    if (!verdict.allowed) {
      hops.push(...verdict.hops);
      hops.push({ kind: "policy", outcome: "fail", summary: `The controller pod ${formatPodName(controllerPod)} cannot reach ${where}: NetworkPolicy drops the connection, so nginx waits proxy-connect-timeout (${annotations.proxyConnectTimeoutSeconds}s). Allow ingress from the ingress-nginx namespace to the backend pods.` });
      attempts.push({ addr, status: 504, responseLength: 0, responseTimeSeconds: annotations.proxyConnectTimeoutSeconds });
      continue;
    }
    const listener = endpoint.pod ? findListener(endpoint.pod, endpoint.port, "TCP") : undefined;
    if (endpoint.pod && !listener) {
      hops.push({ kind: "container", outcome: "fail", summary: `Nothing listens on port ${endpoint.port} in ${where} (${describeListeners(endpoint.pod)}): the connection is refused. Check the Service's targetPort.` });
      attempts.push({ addr, status: 502, responseLength: 0, responseTimeSeconds: 0 });
      continue;
    }
    const tlsBackend = ["HTTPS", "GRPCS"].includes(annotations.backendProtocol);
    const listenerTls = listener?.purpose === "https";
    if (listener && listener.http === undefined && !listenerTls) {
      hops.push({ kind: "container", outcome: "fail", summary: `${where} accepts the connection but does not speak HTTP (${listener.purpose}): nginx gets no valid response header and answers 502.` });
      attempts.push({ addr, status: 502, responseLength: 0, responseTimeSeconds: 0.001 });
      return failure(502);
    }
    if (tlsBackend && listener && !listenerTls) {
      hops.push({ kind: "container", outcome: "fail", summary: `backend-protocol is ${annotations.backendProtocol} but ${where} serves plain HTTP: the TLS handshake to the backend fails (502).` });
      attempts.push({ addr, status: 502, responseLength: 0, responseTimeSeconds: 0.001 });
      continue;
    }
    const answer: BackendAnswer =
      !tlsBackend && listenerTls
        ? { status: 400, headers: { "content-type": "text/html" }, body: formatNginxPlainHttpToHttpsPage() }
        : options.answer({ ...request, pod: endpoint.pod, ip: endpoint.ip, port: endpoint.port, listener });
    hops.push({ kind: "endpoint", outcome: "pass", summary: `nginx proxies ${request.method} ${request.uri}${request.query ? `?${request.query}` : ""} to ${where}${listenerTls && !tlsBackend ? ", which expects TLS (set backend-protocol: HTTPS)" : ""}; it answers ${answer.status}.` });
    attempts.push({ addr, status: answer.status, responseLength: utf8Length(answer.body), responseTimeSeconds: 0.001 });
    const container = listener?.container.name ?? "";
    return { status: answer.status, headers: answer.headers, body: answer.body, attempts, servedBy: endpoint.pod ? { pod: endpoint.pod, container } : undefined, hops };
  }
  const last = attempts[attempts.length - 1];
  return failure(last && last.status === 504 ? 504 : 502);
}
