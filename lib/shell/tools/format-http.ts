/** Reason phrases as the simulated servers send them; nginx uses its own for 503 and 504 (ngx_http_header_filter_module.c). */
const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  301: "Moved Permanently",
  302: "Moved Temporarily",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Not Allowed",
  413: "Request Entity Too Large",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

export function formatStatusLine(status: number): string {
  return `HTTP/1.1 ${status}${REASONS[status] ? ` ${REASONS[status]}` : ""}`;
}

/** `content-type` → `Content-Type`, the canonical form servers send. */
export function formatHttpHeaderName(name: string): string {
  return name
    .split("-")
    .map((part) => (part.length > 0 ? part[0].toUpperCase() + part.slice(1) : part))
    .join("-");
}
