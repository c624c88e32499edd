import type { Ingress } from "../objects/kinds";
import { isIPv4, isIPv4InCIDR } from "../network/ipv4";

/** kubernetes/ingress-nginx docs/user-guide/nginx-configuration/annotations.md: the default --annotations-prefix. */
export const NGINX_ANNOTATION_PREFIX = "nginx.ingress.kubernetes.io/";

export type BackendProtocol = "HTTP" | "HTTPS" | "AUTO_HTTP" | "GRPC" | "GRPCS" | "FCGI";

/** An annotation ingress-nginx could not use; it falls back to the default, as the controller does. */
export interface InvalidAnnotation {
  annotation: string;
  value: string;
  reason: string;
}

/**
 * The per-Ingress settings of ingress-nginx that change what a request gets, with the defaults of the
 * controller's ConfigMap (internal/ingress/controller/config/config.go NewDefault: ssl-redirect true,
 * proxy-body-size 1m, proxy-connect-timeout 5s, proxy-read-timeout 60s, proxy-next-upstream "error timeout",
 * proxy-next-upstream-tries 3, http-redirect-code 308).
 */
export interface NginxAnnotations {
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  preserveTrailingSlash: boolean;
  proxyBodySize: string;
  /** client_max_body_size in bytes; 0 disables the check (nginx ngx_http_core_module). */
  proxyBodySizeBytes: number;
  rewriteTarget?: string;
  useRegex: boolean;
  /** allowlist-source-range, or its older name whitelist-source-range. */
  allowlistSourceRange: string[];
  denylistSourceRange: string[];
  backendProtocol: BackendProtocol;
  appRoot?: string;
  redirect?: { kind: "permanent" | "temporal"; url: string; code: number };
  proxyConnectTimeoutSeconds: number;
  proxyReadTimeoutSeconds: number;
  proxyNextUpstreamTries: number;
  /** default-backend: a Service in the Ingress's namespace that answers when the path's Service has no endpoints. */
  defaultBackend?: string;
  /** service-upstream: proxy to the Service's ClusterIP instead of its endpoints. */
  serviceUpstream: boolean;
  /** upstream-vhost: the Host header sent to the backend instead of the client's. */
  upstreamVhost?: string;
  /** x-forwarded-prefix: sent as X-Forwarded-Prefix when rewrite-target rewrites (template.go buildProxyPass). */
  xForwardedPrefix?: string;
  invalid: InvalidAnnotation[];
}

export const DEFAULT_PROXY_BODY_SIZE = "1m";

/** Go strconv.ParseBool, which ingress-nginx's parser.GetBoolAnnotation uses. */
function parseGoBool(value: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return undefined;
}

/** nginx size syntax (`8m`, `512k`, `1g`, `100`): https://nginx.org/en/docs/syntax.html */
export function parseNginxSize(value: string): number | undefined {
  const match = /^([0-9]+)([kKmMgG]?)$/.exec(value.trim());
  if (!match) return undefined;
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase() as "" | "k" | "m" | "g"];
  return Number(match[1]) * scale;
}

function parseSourceRange(value: string): { ranges: string[]; bad: string[] } {
  const ranges: string[] = [];
  const bad: string[] = [];
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const [base, bits] = entry.split("/");
    const valid = isIPv4(base) && (bits === undefined || (/^[0-9]{1,2}$/.test(bits) && Number(bits) <= 32));
    (valid ? ranges : bad).push(bits === undefined ? `${entry}/32` : entry);
  }
  return { ranges, bad };
}

export function isAddressInRanges(ip: string, ranges: readonly string[]): boolean {
  return ranges.some((cidr) => isIPv4InCIDR(ip, cidr));
}

export function parseNginxAnnotations(ingress: Ingress | undefined): NginxAnnotations {
  const annotations = ingress?.metadata.annotations ?? {};
  const invalid: InvalidAnnotation[] = [];
  const read = (name: string): string | undefined => annotations[NGINX_ANNOTATION_PREFIX + name];
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const parsed = parseGoBool(raw);
    if (parsed === undefined) invalid.push({ annotation: NGINX_ANNOTATION_PREFIX + name, value: raw, reason: `not a boolean; ingress-nginx uses the default ${fallback}` });
    return parsed ?? fallback;
  };
  const int = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^[0-9]+$/.test(raw.trim())) {
      invalid.push({ annotation: NGINX_ANNOTATION_PREFIX + name, value: raw, reason: `not a number; ingress-nginx uses the default ${fallback}` });
      return fallback;
    }
    return Number(raw.trim());
  };

  let proxyBodySize = read("proxy-body-size") ?? DEFAULT_PROXY_BODY_SIZE;
  let proxyBodySizeBytes = parseNginxSize(proxyBodySize);
  if (proxyBodySizeBytes === undefined) {
    invalid.push({ annotation: `${NGINX_ANNOTATION_PREFIX}proxy-body-size`, value: proxyBodySize, reason: `not an nginx size (like 8m); ingress-nginx keeps the default ${DEFAULT_PROXY_BODY_SIZE}` });
    proxyBodySize = DEFAULT_PROXY_BODY_SIZE;
    proxyBodySizeBytes = parseNginxSize(DEFAULT_PROXY_BODY_SIZE) ?? 0;
  }

  const allowRaw = read("allowlist-source-range") ?? read("whitelist-source-range");
  const allow = parseSourceRange(allowRaw ?? "");
  const deny = parseSourceRange(read("denylist-source-range") ?? "");
  for (const entry of [...allow.bad, ...deny.bad]) {
    invalid.push({ annotation: `${NGINX_ANNOTATION_PREFIX}${allow.bad.includes(entry) ? "allowlist-source-range" : "denylist-source-range"}`, value: entry, reason: "not an IPv4 address or CIDR" });
  }

  const protocolRaw = (read("backend-protocol") ?? "HTTP").toUpperCase();
  const protocols: BackendProtocol[] = ["HTTP", "HTTPS", "AUTO_HTTP", "GRPC", "GRPCS", "FCGI"];
  const backendProtocol = protocols.includes(protocolRaw as BackendProtocol) ? (protocolRaw as BackendProtocol) : "HTTP";
  if (backendProtocol !== protocolRaw) invalid.push({ annotation: `${NGINX_ANNOTATION_PREFIX}backend-protocol`, value: protocolRaw, reason: `valid values are ${protocols.join(", ")}; ingress-nginx uses HTTP` });

  // internal/ingress/annotations/redirect/redirect.go: temporal-redirect wins over permanent-redirect; a code
  // outside 300-307 (temporal) or 300-308 (permanent) falls back to 302 or 301.
  let redirect: NginxAnnotations["redirect"];
  const temporal = read("temporal-redirect");
  const permanent = read("permanent-redirect");
  if (temporal) {
    const code = int("temporal-redirect-code", 302);
    redirect = { kind: "temporal", url: temporal, code: code >= 300 && code <= 307 ? code : 302 };
  } else if (permanent) {
    const code = int("permanent-redirect-code", 301);
    redirect = { kind: "permanent", url: permanent, code: code >= 300 && code <= 308 ? code : 301 };
  }

  // internal/ingress/annotations/rewrite/main.go: app-root must be a path, not an absolute URL.
  let appRoot = read("app-root");
  if (appRoot !== undefined && (!appRoot.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(appRoot))) {
    invalid.push({ annotation: `${NGINX_ANNOTATION_PREFIX}app-root`, value: appRoot, reason: "app-root only allows a path such as /app1" });
    appRoot = undefined;
  }

  const rewriteTarget = read("rewrite-target");
  return {
    sslRedirect: bool("ssl-redirect", true),
    forceSslRedirect: bool("force-ssl-redirect", false),
    preserveTrailingSlash: bool("preserve-trailing-slash", false),
    proxyBodySize,
    proxyBodySizeBytes,
    rewriteTarget: rewriteTarget === "" ? undefined : rewriteTarget,
    useRegex: bool("use-regex", false),
    allowlistSourceRange: allow.ranges,
    denylistSourceRange: deny.ranges,
    backendProtocol,
    appRoot: appRoot === "" ? undefined : appRoot,
    redirect,
    proxyConnectTimeoutSeconds: int("proxy-connect-timeout", 5),
    proxyReadTimeoutSeconds: int("proxy-read-timeout", 60),
    proxyNextUpstreamTries: int("proxy-next-upstream-tries", 3),
    defaultBackend: read("default-backend") || undefined,
    upstreamVhost: read("upstream-vhost") || undefined,
    serviceUpstream: bool("service-upstream", false),
    xForwardedPrefix: read("x-forwarded-prefix") || undefined,
    invalid,
  };
}
