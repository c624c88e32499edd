import { findListener } from "@/lib/sim/images/find-listener";
import { serveImageHttp } from "@/lib/sim/images/serve-image-http";
import { httpRequest } from "@/lib/sim/network/http-request";
import type { HttpResult } from "@/lib/sim/network/http-result";
import { parseHttpUrl } from "@/lib/sim/network/parse-http-url";
import { podIP } from "@/lib/sim/network/pod-network";
import { resolveConnectHost } from "@/lib/sim/network/resolve-connect-host";
import type { ShellHost } from "../session/shell-host";
import { formatForwardError } from "../kubectl/format-forward-error";
import type { ToolOrigin } from "./resolve-tool-peer";

export interface ToolHttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  bodyBytes?: number;
  insecure?: boolean;
}

export interface ToolHttpResult extends HttpResult {
  /** The address the client connected to, for curl -v and nc. */
  remoteIP?: string;
  remotePort?: number;
}

const LOCALHOST = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * One HTTP request from where the shell is. On the workstation, `localhost:PORT` goes through a running
 * `kubectl port-forward` straight into the pod's network namespace (no Service, no NetworkPolicy:
 * https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/), and the
 * forward prints `Handling connection for PORT`. In a pod, `localhost` is the pod itself. Everything else is
 * lib/sim's httpRequest; requests an ingress-nginx controller served are added to its access log.
 */
export function performHttpRequest(host: ShellHost, origin: ToolOrigin, request: ToolHttpRequest): ToolHttpResult {
  const url = parseHttpUrl(request.url);
  if (!url.ok) return { outcome: "refused", headers: {}, body: "", hops: [], error: url.error };
  const { host: hostname, port } = url.value;
  if (LOCALHOST.has(hostname) && !origin.pod) {
    const forward = host.findPortForward(port);
    if (!forward) return { outcome: "refused", headers: {}, body: "", hops: [], remoteIP: "127.0.0.1", remotePort: port, error: { code: 7, message: `Failed to connect to ${hostname} port ${port} after 0 ms: Couldn't connect to server` } };
    host.writeTerminal(`Handling connection for ${port}\n`);
    const pod = host.cluster.get("Pod", forward.pod, forward.namespace);
    const listener = pod ? findListener(pod, forward.podPort) : undefined;
    if (!pod || !listener || listener.http === undefined) {
      host.writeTerminal(formatForwardError(host, forward));
      return { outcome: "connected", headers: {}, body: "", hops: [], remoteIP: "127.0.0.1", remotePort: port, error: { code: 52, message: "Empty reply from server" } };
    }
    if (listener.http !== "ingress-controller") {
      const answer = serveImageHttp(listener, {
        method: (request.method ?? (request.bodyBytes ? "POST" : "GET")).toUpperCase(),
        scheme: url.value.scheme,
        host: request.headers?.Host ?? request.headers?.host ?? `${hostname}:${port}`,
        path: url.value.path,
        query: url.value.query,
        headers: { "user-agent": "curl/8.11.0", accept: "*/*", ...lowerKeys(request.headers ?? {}) },
        bodyBytes: request.bodyBytes ?? 0,
        podName: pod.metadata.name,
        podNamespace: pod.metadata.namespace ?? "default",
        podIP: podIP(pod) ?? "",
        clientIP: "127.0.0.1",
        now: host.cluster.now().toISOString(),
        insecure: request.insecure,
      });
      if (answer.kind === "error") return { outcome: "connected", headers: {}, body: "", hops: [], remoteIP: "127.0.0.1", remotePort: port, error: { code: answer.code, message: answer.message } };
      return { outcome: "connected", status: answer.status, headers: answer.headers, body: answer.body, hops: [], remoteIP: "127.0.0.1", remotePort: port };
    }
    const target = `${url.value.scheme}://${podIP(pod) ?? ""}:${forward.podPort}${url.value.path}${url.value.query ? `?${url.value.query}` : ""}`;
    return send(host, { kind: "pod", pod }, { ...request, url: target, headers: { Host: `${hostname}:${port}`, ...(request.headers ?? {}) } });
  }
  if (LOCALHOST.has(hostname) && origin.pod) {
    const target = `${url.value.scheme}://${podIP(origin.pod) ?? "127.0.0.1"}:${port}${url.value.path}${url.value.query ? `?${url.value.query}` : ""}`;
    const result = send(host, origin.peer, { ...request, url: target, headers: { Host: url.value.explicitPort ? `${hostname}:${port}` : hostname, ...(request.headers ?? {}) } });
    return { ...result, remoteIP: "127.0.0.1", error: result.error ? { ...result.error, message: result.error.message.replaceAll(podIP(origin.pod) ?? "\u0000", hostname) } : undefined };
  }
  return send(host, origin.peer, request);
}

function send(host: ShellHost, from: ToolOrigin["peer"], request: ToolHttpRequest): ToolHttpResult {
  const result = httpRequest(host.cluster, { from, url: request.url, method: request.method, headers: request.headers, bodyBytes: request.bodyBytes, insecure: request.insecure, attempt: host.nextAttempt() });
  const accessLog = (result as HttpResult & { accessLog?: string }).accessLog;
  if (accessLog) {
    const controller = findControllerPod(host, result);
    if (controller) host.recordAccessLog(controller.namespace, controller.name, accessLog);
  }
  const parsed = parseHttpUrl(request.url);
  if (!parsed.ok) return result;
  const resolved = resolveConnectHost(host.cluster, from, parsed.value.host);
  return { ...result, remoteIP: resolved.ok ? resolved.ip : parsed.value.host, remotePort: parsed.value.port };
}

/** The controller pod that logged the request: the ingress-nginx pod named by the route's hops, or the only one. */
function findControllerPod(host: ShellHost, result: HttpResult): { namespace: string; name: string } | undefined {
  const controllers = host.cluster.list("Pod").filter((p) => (p.spec?.containers ?? []).some((c) => (c.image ?? "").includes("ingress-nginx/controller")));
  for (const hop of result.hops) {
    const match = controllers.find((p) => hop.summary.includes(p.metadata.name) || (hop.object?.kind === "Pod" && hop.object.name === p.metadata.name));
    if (match) return { namespace: match.metadata.namespace ?? "default", name: match.metadata.name };
  }
  const only = controllers[0];
  return only ? { namespace: only.metadata.namespace ?? "default", name: only.metadata.name } : undefined;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
