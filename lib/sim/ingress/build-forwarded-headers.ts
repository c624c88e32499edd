import { utf8Length } from "./proxy-to-upstream";

/** A request header by case-insensitive name. */
export function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers![key];
}

/** nginx $request_length: request line, headers and body, each header line ending in CRLF. */
export function requestLength(method: string, target: string, headers: Record<string, string>, host: string | null, bodyBytes: number): number {
  const lines = [`${method} ${target} HTTP/1.1`, ...(host && !header(headers, "host") ? [`Host: ${host}`] : []), ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return lines.reduce((sum, line) => sum + utf8Length(line) + 2, 2) + bodyBytes;
}

/**
 * The request headers a backend receives from ingress-nginx (rootfs/etc/nginx/template/nginx.tmpl
 * proxy_set_header): the client's own headers, Host kept, plus X-Request-ID, X-Real-IP, X-Forwarded-For (the
 * address nginx saw; use-forwarded-headers is off by default), X-Forwarded-Host/Port/Proto/Scheme and
 * X-Scheme. Names are lower-case; nginx omits a header whose value is empty.
 */
export function buildForwardedHeaders(
  client: Record<string, string>,
  request: { host: string | null; clientIP: string; requestId: string; scheme: "http" | "https" },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(client)) if (name.toLowerCase() !== "proxy") out[name.toLowerCase()] = value;
  const port = /:([0-9]+)$/.exec(request.host ?? "")?.[1] ?? (request.scheme === "https" ? "443" : "80");
  if (request.host) out.host = request.host;
  Object.assign(out, {
    "x-request-id": request.requestId,
    "x-real-ip": request.clientIP,
    "x-forwarded-for": request.clientIP,
    ...(request.host ? { "x-forwarded-host": request.host } : {}),
    "x-forwarded-port": port,
    "x-forwarded-proto": request.scheme,
    "x-forwarded-scheme": request.scheme,
    "x-scheme": request.scheme,
  });
  return out;
}
