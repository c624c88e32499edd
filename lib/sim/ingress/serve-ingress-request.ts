import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import type { TraceHop, TrafficPeer } from "../network/trace";
import type { HttpResult } from "../network/http-result";
import { hashString } from "../proxy/select-endpoint";
import { resolveControllerOfPod } from "./ingress-controller";
import { traceIngressRoute } from "./route-ingress";
import { resolveClientAddress, type IngressArrival } from "./resolve-client-address";
import { resolveTlsCertificate } from "./resolve-tls-certificate";
import { isAddressInRanges, NGINX_ANNOTATION_PREFIX } from "./parse-nginx-annotations";
import { formatNginxErrorPage, formatNginxReason } from "./format-nginx-error-page";
import { formatAccessLogLine } from "./format-access-log-line";
import { rewriteNginxUri } from "./rewrite-nginx-uri";
import { resolveIngressUpstream } from "./resolve-ingress-upstream";
import { minimalBackendAnswer, proxyToUpstream, utf8Length, type AnswerBackend, type UpstreamAttempt } from "./proxy-to-upstream";
import { ingressHop, objectRef } from "./ingress-hop";
import { buildForwardedHeaders, header, requestLength } from "./build-forwarded-headers";
import { normalizeRequestHost } from "./match-ingress-host";

/** One HTTP request as it arrives at an ingress-nginx controller pod. */
export interface IngressHttpRequest {
  method?: string;
  scheme: "http" | "https";
  /** The Host header, also the TLS SNI name; null when the client sent none. */
  host: string | null;
  /** The request-target: path and optional `?query`. */
  path: string;
  /** Request headers, any case (User-Agent, Referer and Content-Length are read). */
  headers?: Record<string, string>;
  /** Request body size; over proxy-body-size gets 413. */
  bodyBytes?: number;
  /** Who sent it. */
  from: TrafficPeer;
  /** How it reached the pod (default: through the controller's LoadBalancer for an external client, else its ClusterIP). */
  arrival?: IngressArrival;
  /** The source address the pod saw, when the caller already computed it (connect's sourceIP). */
  clientIP?: string;
  /** curl -k: accept any certificate. */
  insecure?: boolean;
  /** Which repeated attempt this is, to spread requests over endpoints. */
  attempt?: number;
}

export interface IngressHttpResult extends HttpResult {
  /** The line ingress-nginx writes to its access log (kubectl logs), when it logs the request. */
  accessLog?: string;
  /** [$proxy_upstream_name]: `namespace-service-port`. */
  upstreamName?: string;
  /** Simulated seconds the request took ($request_time). */
  durationSeconds: number;
}

export interface ServeIngressOptions {
  /** How backend processes answer; defaults to a one-line 200 from any listening HTTP server. */
  answerBackend?: AnswerBackend;
}

/**
 * ingress-nginx's data path for one request reaching a controller pod, in nginx's phase order
 * (https://nginx.org/en/docs/dev/development_guide.html#http_phases): TLS handshake with the host's certificate;
 * server by Host; server-level app-root redirect; location by path; client_max_body_size (proxy-body-size, 413)
 * as soon as the location is known; the rewrite phase (permanent/temporal-redirect `return`, rewrite-target,
 * then lua_ingress.lua's ssl-redirect / force-ssl-redirect 308); the access phase (allow/deny source ranges,
 * 403); then proxying to a ready endpoint pod. Every response carries nginx's own page for its status and an
 * access-log line in the default upstreaminfo format.
 */
export function serveIngressRequest(state: ClusterState, controllerPod: Pod, request: IngressHttpRequest, options: ServeIngressOptions = {}): IngressHttpResult {
  const method = (request.method ?? "GET").toUpperCase();
  const headers = request.headers ?? {};
  const declaredLength = Number(header(headers, "content-length") ?? 0);
  const bodyBytes = request.bodyBytes ?? (Number.isFinite(declaredLength) && declaredLength > 0 ? declaredLength : 0);
  const controller = resolveControllerOfPod(controllerPod);
  if (!controller) {
    return { outcome: "refused", headers: {}, body: "", hops: [{ kind: "ingress", outcome: "fail", summary: `Pod ${controllerPod.metadata.namespace}/${controllerPod.metadata.name} does not run the ingress-nginx controller.` }], durationSeconds: 0 };
  }
  const trace = traceIngressRoute(state, { host: request.host, path: request.path, scheme: request.scheme }, { controller });
  const { server, location, uri, query } = trace;
  const client = resolveClientAddress(state, controllerPod, controller, request.from, request.arrival);
  const clientIP = request.clientIP ?? client.ip;
  // The TLS handshake comes before any HTTP routing, so its steps come first in the trace.
  const hops: TraceHop[] = request.clientIP ? [] : [client.hop];
  const hostName = normalizeRequestHost(request.host);
  const certificate = resolveTlsCertificate(state, server, hostName);
  const now = state.now();
  let durationSeconds = 0;
  const requestId = [0, 1, 2, 3].map((i) => hashString(`${clientIP}|${method}|${request.host}|${request.path}|${request.attempt ?? 0}|${i}`, state.config.seed).toString(16).padStart(8, "0")).join("");

  if (request.scheme === "https") {
    hops.push(...certificate.hops);
    if (!certificate.trusted && !request.insecure) {
      return { outcome: "connected", headers: {}, body: "", hops, error: { code: certificate.curlError!.exitCode, message: certificate.curlError!.message }, durationSeconds };
    }
  }
  hops.push(...trace.hops);

  let upstreamName: string | undefined;
  let attempts: UpstreamAttempt[] = [];
  const respond = (status: number, extra: Record<string, string>, body: string, servedBy?: HttpResult["servedBy"]): IngressHttpResult => {
    // nginx drops the upstream's Date and Server and sends its own (proxy_pass_header); server_tokens is off in
    // ingress-nginx, so Server carries no version. A HEAD answer keeps Content-Length but sends no body.
    const responseHeaders: Record<string, string> = {
      "content-type": "text/html",
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k.toLowerCase(), v])),
      date: now.toUTCString(),
      server: "nginx",
      "content-length": String(utf8Length(body)),
      connection: "keep-alive",
    };
    const sentBody = method === "HEAD" ? "" : body;
    // configmap.md hsts: true, hsts-max-age 31536000, hsts-include-subdomains true, on HTTPS with a certificate.
    if (request.scheme === "https" && certificate.configuredForHost) responseHeaders["strict-transport-security"] = "max-age=31536000; includeSubDomains";
    const logged = !(location.origin === "controller-default-backend" && server.hostname === "_");
    const accessLog = logged
      ? formatAccessLogLine({
          remoteAddr: clientIP,
          time: now,
          request: `${method} ${request.path} HTTP/1.1`,
          status,
          bodyBytesSent: utf8Length(sentBody),
          referer: header(headers, "referer"),
          userAgent: header(headers, "user-agent"),
          requestLength: requestLength(method, request.path, headers, request.host, bodyBytes),
          requestTimeSeconds: durationSeconds,
          proxyUpstreamName: upstreamName,
          upstreams: attempts,
          requestId,
        })
      : undefined;
    hops.push({ kind: "ingress", outcome: status < 400 ? "pass" : "fail", summary: `ingress-nginx answers ${status} ${formatNginxReason(status)}.` });
    return { outcome: "connected", status, headers: responseHeaders, body: sentBody, hops, servedBy, accessLog, upstreamName, durationSeconds };
  };
  const page = (status: number, extra: Record<string, string> = {}) => respond(status, { "content-type": "text/html", ...extra }, formatNginxErrorPage(status));
  const hostHeader = request.host ?? server.hostname;

  // Server-level `if ($uri = /) { return 302 $scheme://$http_host<app-root>; }` (nginx.tmpl), before any location.
  const appRoot = server.locations.find((l) => l.annotations.appRoot !== undefined && l.ingress);
  if (uri === "/" && appRoot) {
    hops.push(ingressHop(state, appRoot.ingress!, `metadata.annotations[${NGINX_ANNOTATION_PREFIX}app-root]`, "info", `app-root redirects / to ${appRoot.annotations.appRoot}.`));
    return page(302, { location: `${request.scheme}://${hostHeader}${appRoot.annotations.appRoot}` });
  }

  const annotations = location.annotations;
  const annotationField = (name: string) => `metadata.annotations[${NGINX_ANNOTATION_PREFIX}${name}]`;
  if (annotations.proxyBodySizeBytes > 0 && bodyBytes > annotations.proxyBodySizeBytes) {
    const summary = `The request body (${bodyBytes} bytes) is larger than proxy-body-size ${annotations.proxyBodySize} (${annotations.proxyBodySizeBytes} bytes): nginx's client_max_body_size refuses it with 413 before it reaches any backend.`;
    hops.push(location.ingress ? ingressHop(state, location.ingress, annotationField("proxy-body-size"), "fail", summary) : { kind: "ingress", outcome: "fail", summary });
    return page(413);
  }

  upstreamName = location.backend ? `${location.backend.namespace}-${location.backend.service?.name ?? "INVALID"}-${location.backend.service?.port ?? ""}` : "upstream-default-backend";
  if (annotations.redirect && location.ingress) {
    const { kind, url, code } = annotations.redirect;
    hops.push(ingressHop(state, location.ingress, annotationField(`${kind}-redirect`), "info", `${kind}-redirect answers ${code} with Location ${url}; nothing is proxied.`));
    return page(code, { location: url });
  }
  const rewrite = rewriteNginxUri(location, uri, query);
  if (rewrite.rewritten && location.ingress) {
    hops.push(ingressHop(state, location.ingress, annotationField("rewrite-target"), "info", `rewrite-target ${annotations.rewriteTarget} turns ${uri} into ${rewrite.uri}${rewrite.query ? `?${rewrite.query}` : ""} for the backend.`));
  }

  // rootfs/etc/nginx/lua/lua_ingress.lua redirect_to_https: force-ssl-redirect always on http; ssl-redirect
  // (default true) when the host has a certificate, which any host listed in spec.tls has, even the fake one.
  // configmap.md no-tls-redirect-locations (default "/.well-known/acme-challenge"): a location whose path starts
  // with it is never redirected (template.go isLocationInLocationList), so cert-manager's HTTP-01 solver
  // Ingress keeps working over plain HTTP.
  const exempt = location.path.startsWith("/.well-known/acme-challenge");
  if (request.scheme === "http" && !exempt && (annotations.forceSslRedirect || (annotations.sslRedirect && certificate.configuredForHost))) {
    // The trailing slash is dropped unless preserve-trailing-slash is set; the port is dropped (use-port-in-redirects off).
    const target = !annotations.preserveTrailingSlash && request.path.endsWith("/") ? request.path.slice(0, -1) : request.path;
    const redirectHost = (request.host ?? "").replace(/:[0-9]+$/, "");
    const summary = `${annotations.forceSslRedirect ? "force-ssl-redirect" : "ssl-redirect (on by default when the Ingress has TLS)"} answers 308 Permanent Redirect to https.`;
    hops.push(location.ingress ? ingressHop(state, location.ingress, annotationField(annotations.forceSslRedirect ? "force-ssl-redirect" : "ssl-redirect"), "info", summary) : { kind: "ingress", outcome: "info", summary });
    return page(308, { location: `https://${redirectHost}${target}` });
  }

  if (annotations.denylistSourceRange.length > 0 && isAddressInRanges(clientIP, annotations.denylistSourceRange)) {
    hops.push(ingressHop(state, location.ingress!, annotationField("denylist-source-range"), "fail", `Client address ${clientIP} is in denylist-source-range: 403 Forbidden.`));
    return page(403);
  }
  if (annotations.allowlistSourceRange.length > 0 && !isAddressInRanges(clientIP, annotations.allowlistSourceRange)) {
    const name = location.ingress?.metadata.annotations?.[`${NGINX_ANNOTATION_PREFIX}allowlist-source-range`] !== undefined ? "allowlist-source-range" : "whitelist-source-range";
    hops.push(ingressHop(state, location.ingress!, annotationField(name), "fail", `Client address ${clientIP} is not in ${name} ${annotations.allowlistSourceRange.join(",")}: 403 Forbidden.`));
    return page(403);
  }

  let upstream;
  if (location.backend) {
    const field = location.origin === "path" ? `spec.rules[${location.rule}].http.paths[${location.pathIndex}].backend` : "spec.defaultBackend";
    upstream = resolveIngressUpstream(state, location.backend, location.ingress, field);
  } else if (controller.defaultBackendService) {
    // --default-backend-service: "the controller configures NGINX to forward requests to the first port of
    // this Service" (docs/user-guide/cli-arguments.md).
    const { namespace, name } = controller.defaultBackendService;
    const firstPort = state.get("Service", name, namespace)?.spec?.ports?.[0];
    upstream = { ...resolveIngressUpstream(state, { namespace, service: { name, port: firstPort?.port ?? 80 } }, undefined, ""), name: "upstream-default-backend" };
    hops.push({ kind: "ingress", outcome: "info", summary: `The controller's default backend is Service ${namespace}/${name} (--default-backend-service).` });
  } else {
    // The controller's built-in default backend (127.0.0.1:8181) answers every request with 404.
    attempts = [{ addr: "127.0.0.1:8181", status: 404, responseLength: utf8Length(formatNginxErrorPage(404)), responseTimeSeconds: 0 }];
    return page(404);
  }
  hops.push(...upstream.hops);
  if (upstream.endpoints.length === 0 && annotations.defaultBackend && location.ingress) {
    // controller.go getBackendServers: a location whose upstream has no endpoints uses the default-backend
    // annotation's Service (first port) as `custom-default-backend-<namespace>-<name>`, if that has endpoints.
    const namespace = location.ingress.metadata.namespace ?? "default";
    const firstPort = state.get("Service", annotations.defaultBackend, namespace)?.spec?.ports?.[0];
    const custom = resolveIngressUpstream(state, { namespace, service: { name: annotations.defaultBackend, port: firstPort?.port ?? 80 } }, location.ingress, annotationField("default-backend"));
    if (custom.endpoints.length > 0) {
      hops.push(...custom.hops, ingressHop(state, location.ingress, annotationField("default-backend"), "info", `The path's Service has no endpoints, so the default-backend annotation's Service ${namespace}/${annotations.defaultBackend} answers.`));
      upstream = { ...custom, name: `custom-default-backend-${namespace}-${annotations.defaultBackend}` };
    }
  }
  upstreamName = upstream.name;
  const clusterIP = upstream.service?.spec?.clusterIP;
  const serviceAddress = annotations.serviceUpstream && clusterIP && clusterIP !== "None" && upstream.servicePort ? `${clusterIP}:${upstream.servicePort.port}` : undefined;
  if (serviceAddress && upstream.endpoints.length === 0) {
    // The ClusterIP is nginx's only server; kube-proxy rejects connections to a Service without endpoints.
    hops.push(ingressHop(state, location.ingress!, annotationField("service-upstream"), "fail", `service-upstream sends the request to the ClusterIP ${serviceAddress}; with no endpoints kube-proxy refuses the connection (502).`));
    attempts = [{ addr: serviceAddress, status: 502, responseLength: 0, responseTimeSeconds: 0 }];
    return page(502);
  }
  if (upstream.endpoints.length === 0) return page(503);

  const forwarded = buildForwardedHeaders(headers, { host: request.host, clientIP, requestId, scheme: request.scheme });
  // nginx.tmpl: `proxy_set_header Host <upstream-vhost>` replaces $best_http_host; X-Forwarded-Prefix is only
  // added next to a rewrite (template.go buildProxyPass).
  if (annotations.upstreamVhost) forwarded.host = annotations.upstreamVhost;
  if (annotations.xForwardedPrefix && rewrite.rewritten) forwarded["x-forwarded-prefix"] = annotations.xForwardedPrefix;
  const proxied = proxyToUpstream(state, controllerPod, upstream, annotations, { method, host: request.host, uri: rewrite.uri, query: rewrite.query, headers: forwarded, bodyBytes, clientIP }, { answer: options.answerBackend ?? minimalBackendAnswer, attempt: request.attempt ?? 0, serviceAddress });
  attempts = proxied.attempts;
  hops.push(...proxied.hops);
  durationSeconds = attempts.reduce((sum, a) => sum + a.responseTimeSeconds, 0);
  const servedBy = proxied.servedBy ? { pod: objectRef(proxied.servedBy.pod), container: proxied.servedBy.container } : undefined;
  return respond(proxied.status, proxied.headers, proxied.body, servedBy);
}
