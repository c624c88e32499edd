import type { ClusterState } from "../cluster-state";
import { findListener } from "../images/find-listener";
import { serveImageHttp } from "../images/serve-image-http";
import { connect, type ConnectResult } from "./connect";
import type { HttpResult } from "./http-result";
import { parseHttpUrl, type HttpUrl } from "./parse-http-url";
import { podIP } from "./pod-network";
import { serveIngressViaController } from "./serve-ingress-via-controller";
import type { TrafficPeer } from "./trace";

export interface HttpRequest {
  from: TrafficPeer;
  url: string;
  method?: string;
  /** Request headers as `curl -H` gives them; a Host header overrides the URL's host. */
  headers?: Record<string, string>;
  bodyBytes?: number;
  /** `curl -k`. */
  insecure?: boolean;
  attempt?: number;
}

/** curl's messages for a connection that never carried a request (curl 8, lib/connect.c and lib/strerror.c). */
function connectError(result: ConnectResult, url: HttpUrl): HttpResult["error"] {
  switch (result.outcome) {
    case "dns-failure":
      return { code: 6, message: `Could not resolve host: ${url.host}` };
    case "refused":
      return { code: 7, message: `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server` };
    case "timeout":
      // The kernel gives up a SYN after its retries (net.ipv4.tcp_syn_retries=6, about 130 s).
      return { code: 28, message: `Failed to connect to ${url.host} port ${url.port} after 130000 ms: Couldn't connect to server` };
    case "connected":
      return undefined;
  }
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * One HTTP request as `curl` would make it from `from`: connect (DNS, kube-proxy, NetworkPolicy, listening
 * port), then let the process behind the port answer — an Ingress controller routes it by its rules, any other
 * image answers as the catalog says (nginx's welcome page, echoserver's echo, http-echo's text, PostgreSQL's
 * empty reply). Never throws.
 */
export function httpRequest(state: ClusterState, request: HttpRequest): HttpResult {
  const parsed = parseHttpUrl(request.url);
  if (!parsed.ok) {
    return { outcome: "refused", headers: {}, body: "", hops: [{ kind: "endpoint", outcome: "fail", summary: `curl cannot use the URL ${JSON.stringify(request.url)}: ${parsed.error.message}` }], error: parsed.error };
  }
  const url = parsed.value;
  const method = (request.method ?? (request.bodyBytes ? "POST" : "GET")).toUpperCase();
  const headers = { ...(request.headers ?? {}) };
  const host = headerValue(headers, "host") ?? (url.explicitPort ? `${url.host}:${url.port}` : url.host);
  const result = connect(state, { from: request.from, host: url.host, port: url.port, protocol: "TCP", attempt: request.attempt });
  const hops = [...result.hops];
  const pod = result.endpoint?.pod;
  if (result.outcome !== "connected" || !pod) {
    return { outcome: result.outcome, headers: {}, body: "", hops, error: connectError(result, url) ?? { code: 7, message: "Couldn't connect to server" } };
  }
  const listener = findListener(pod, result.endpoint?.port ?? url.port);
  if (listener?.http === "ingress-controller") {
    return serveIngressViaController(state, pod, {
      from: request.from,
      connection: result,
      scheme: url.scheme,
      host: headerValue(headers, "host") ?? url.host,
      path: url.path,
      query: url.query,
      method,
      headers,
      bodyBytes: request.bodyBytes ?? 0,
      insecure: request.insecure,
      attempt: request.attempt,
    });
  }
  if (!listener) return { outcome: "refused", headers: {}, body: "", hops, error: connectError({ ...result, outcome: "refused" }, url) };
  const answer = serveImageHttp(listener, {
    method,
    scheme: url.scheme,
    host,
    path: url.path,
    query: url.query,
    headers: { "user-agent": "curl/8.11.0", accept: "*/*", ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) },
    bodyBytes: request.bodyBytes ?? 0,
    podName: pod.metadata.name,
    podNamespace: pod.metadata.namespace ?? "default",
    podIP: podIP(pod) ?? result.endpoint?.ip ?? "",
    clientIP: result.sourceIP ?? "",
    now: state.now().toISOString(),
    insecure: request.insecure,
  });
  const servedBy = { pod: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace }, container: listener.container.name };
  if (answer.kind === "error") {
    hops.push({ kind: "container", outcome: "fail", summary: `${listener.container.image ?? "the container"} on ${listener.port} did not answer HTTP: curl reports (${answer.code}) ${answer.message}` });
    return { outcome: "connected", headers: {}, body: "", hops, servedBy, error: { code: answer.code, message: answer.message } };
  }
  hops.push({
    kind: "container",
    outcome: answer.status < 400 ? "pass" : "fail",
    summary: `${method} ${url.path}${url.query ? `?${url.query}` : ""} → ${answer.status} from ${pod.metadata.namespace}/${pod.metadata.name} (${listener.container.image ?? "?"})${answer.note ? `; ${answer.note}` : ""}`,
  });
  return { outcome: "connected", status: answer.status, headers: answer.headers, body: answer.body, hops, servedBy };
}
