import type { IContainer } from "kubernetes-models/v1/Container";
import { readContainerEnv, readContainerFlag } from "./container-args";
import { parseImageReference } from "./parse-image-reference";
import type { ContainerListener } from "./find-listener";

export interface ImageHttpRequest {
  method: string;
  scheme: "http" | "https";
  /** The Host header value. */
  host: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  bodyBytes: number;
  podName: string;
  podNamespace: string;
  podIP: string;
  /** The source address the server sees. */
  clientIP: string;
  /** The simulated clock, RFC 3339. */
  now: string;
  /** curl -k: accept a self-signed certificate. */
  insecure?: boolean;
}

export type ImageHttpAnswer =
  | { kind: "response"; status: number; headers: Record<string, string>; body: string; note?: string }
  | { kind: "error"; code: number; message: string };

const response = (status: number, body: string, headers: Record<string, string> = {}, note?: string): ImageHttpAnswer => ({
  kind: "response",
  status,
  headers: { "content-type": "text/plain; charset=utf-8", "content-length": String(body.length), ...headers },
  body,
  note,
});

function nginxVersion(container: IContainer): string {
  const tag = parseImageReference(container.image ?? "")?.tag ?? "";
  return /^[0-9]+\.[0-9]+\.[0-9]+/.exec(tag)?.[0] ?? "1.27.3";
}

/** nginx's built-in default page, served from /usr/share/nginx/html/index.html in the official image. */
const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error page (src/http/ngx_http_special_response.c). */
function nginxError(status: number, reason: string, version: string): ImageHttpAnswer {
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
  return response(status, body, { "content-type": "text/html", server: `nginx/${version}` });
}

/** ingress-nginx images/echo (registry.k8s.io/echoserver): the request as the server saw it. */
function echoserverBody(r: ImageHttpRequest): string {
  const headers = Object.entries({ ...r.headers, host: r.host })
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `\t${k}=${v}`)
    .join("\n");
  return [
    "",
    "",
    `Hostname: ${r.podName}`,
    "",
    "Pod Information:",
    "\t-no pod information available-",
    "",
    "Server values:",
    "\tserver_version=nginx: 1.13.3 - lua: 10008",
    "",
    "Request Information:",
    `\tclient_address=${r.clientIP}`,
    `\tmethod=${r.method}`,
    `\treal path=${r.path}`,
    `\tquery=${r.query}`,
    "\trequest_version=1.1",
    `\trequest_scheme=${r.scheme}`,
    // The echo script prints $scheme://$host:$server_port$request_uri; nginx's $host has no port.
    `\trequest_uri=${r.scheme}://${r.host.replace(/:[0-9]+$/, "")}:8080${r.path}${r.query ? `?${r.query}` : ""}`,
    "",
    "Request Headers:",
    headers,
    "",
    "Request Body:",
    r.bodyBytes > 0 ? `\t(${r.bodyBytes} bytes)` : "\t-no body in request-",
    "",
    "",
  ].join("\n");
}

function queryParam(query: string, name: string): string | undefined {
  for (const pair of query.split("&")) {
    const [key, value = ""] = pair.split("=");
    if (key !== name) continue;
    // Go's url.ParseQuery rejects a bad escape; netexec then sees no msg.
    try {
      return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * How the process behind a listening port answers one HTTP request, per image. Plain-HTTP servers hit with
 * TLS fail the handshake as curl reports it; non-HTTP servers answer as they do on a real cluster (PostgreSQL
 * closes the connection, Redis answers a RESP error curl reads as HTTP/0.9).
 */
export function serveImageHttp(listener: ContainerListener, r: ImageHttpRequest): ImageHttpAnswer {
  const tlsPort = listener.purpose === "https";
  if (r.scheme === "https" && !tlsPort) return { kind: "error", code: 35, message: "OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number" };
  if (tlsPort && r.scheme === "http") {
    return response(400, "<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n</body>\r\n</html>\r\n", { "content-type": "text/html" });
  }
  if (tlsPort && !r.insecure) return { kind: "error", code: 60, message: "SSL certificate problem: self-signed certificate" };
  const head = r.method === "HEAD";
  const strip = (a: ImageHttpAnswer): ImageHttpAnswer => (head && a.kind === "response" ? { ...a, body: "" } : a);
  switch (listener.http ?? (tlsPort ? "echoserver" : undefined)) {
    case "nginx-welcome": {
      const version = nginxVersion(listener.container);
      if (r.path !== "/" && r.path !== "/index.html") return strip(nginxError(404, "Not Found", version));
      if (r.method !== "GET" && r.method !== "HEAD") return nginxError(405, "Not Allowed", version);
      return strip(response(200, NGINX_WELCOME, { "content-type": "text/html", server: `nginx/${version}` }));
    }
    case "httpd-it-works":
      if (r.path !== "/" && r.path !== "/index.html") {
        return strip(response(404, '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n', { "content-type": "text/html; charset=iso-8859-1", server: "Apache/2.4.62 (Unix)" }));
      }
      return strip(response(200, "<html><body><h1>It works!</h1></body></html>\n", { "content-type": "text/html", server: "Apache/2.4.62 (Unix)" }));
    case "http-echo": {
      // hashicorp/http-echo: /health answers its own status; every other path the -text (or ECHO_TEXT).
      if (r.path === "/health") return strip(response(200, '{"status":"ok"}\n', { "content-type": "application/json" }));
      const text = readContainerFlag(listener.container, "text") ?? readContainerEnv(listener.container, "ECHO_TEXT") ?? "";
      return strip(response(200, `${text}\n`, { "x-app-name": "http-echo" }));
    }
    case "agnhost-netexec": {
      // kubernetes/kubernetes test/images/agnhost/netexec/netexec.go handlers.
      if (r.path === "/") return strip(response(200, `NOW: ${r.now.replace("T", " ").replace(/Z$/, "")} +0000 UTC`));
      if (r.path === "/hostname") return strip(response(200, r.podName));
      if (r.path === "/echo") return strip(response(200, queryParam(r.query, "msg") ?? ""));
      if (r.path === "/clientip") return strip(response(200, `${r.clientIP}:40000`));
      if (r.path === "/healthz") return strip(response(200, ""));
      return strip(response(404, "404 page not found\n"));
    }
    case "agnhost-serve-hostname":
      return strip(response(200, r.podName));
    case "hello-app": {
      // hello-app/main.go hello(): three Fprintf lines; the 2.0 image prints Version: 2.0.0.
      const tag = parseImageReference(listener.container.image ?? "")?.tag ?? "";
      const version = /^\d+\.\d+$/.test(tag) ? `${tag}.0` : "1.0.0";
      return strip(response(200, `Hello, world!\nVersion: ${version}\nHostname: ${r.podName}\n`));
    }
    case "echoserver":
      return strip(response(200, echoserverBody(r), { "content-type": "text/plain", server: "echoserver" }));
    case "health-endpoint": {
      // CoreDNS health (:8080/health), ready (:8181/ready) and metrics (:9153/metrics); ingress-nginx's
      // :10254/healthz and /metrics. Each is a Go http.ServeMux: other paths get "404 page not found".
      if (["/health", "/ready"].includes(r.path)) return strip(response(200, "OK"));
      if (r.path === "/healthz") return strip(response(200, "ok"));
      if (r.path === "/metrics") return strip(response(200, "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n# TYPE process_start_time_seconds gauge\n", { "content-type": "text/plain; version=0.0.4; charset=utf-8" }));
      return strip(response(404, "404 page not found\n"));
    }
    case "course-json": {
      const name = parseImageReference(listener.container.image ?? "")?.repository.split("/").pop() ?? "app";
      if (r.path === "/healthz") return strip(response(200, '{"status":"ok"}', { "content-type": "application/json; charset=utf-8", "x-powered-by": "Express" }));
      const body = JSON.stringify({ service: name, pod: r.podName, namespace: r.podNamespace, method: r.method, path: r.path });
      return strip(response(200, body, { "content-type": "application/json; charset=utf-8", "x-powered-by": "Express" }));
    }
    case "postgres":
      return { kind: "error", code: 52, message: "Empty reply from server" };
    case "redis":
      return { kind: "error", code: 1, message: "Received HTTP/0.9 when not allowed" };
    case "ingress-controller":
    case undefined:
      break;
  }
  if (listener.source === "containerPort") {
    return response(200, "OK\n", {}, `image ${listener.container.image ?? "?"} is not in the simulator's catalog; a plain 200 stands in for its answer`);
  }
  // A known image's non-HTTP port (DNS over TCP, a webhook, metrics): the server drops what it cannot parse.
  return { kind: "error", code: 52, message: "Empty reply from server" };
}
