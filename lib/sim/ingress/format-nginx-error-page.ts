/**
 * The reason phrases nginx sends in its status line and error pages (nginx src/http/ngx_http_header_filter_module.c
 * ngx_http_status_lines; src/http/ngx_http_special_response.c), e.g. "503 Service Temporarily Unavailable" and
 * "504 Gateway Time-out", which differ from RFC 9110's wording on purpose: learners see these exact strings.
 */
const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  301: "Moved Permanently",
  302: "Moved Temporarily",
  303: "See Other",
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

export function formatNginxReason(status: number): string {
  return REASONS[status] ?? "";
}

/**
 * The page nginx generates for an error or redirect status (ngx_http_special_response.c: the status page
 * followed by ngx_http_error_tail, CRLF line endings). ingress-nginx runs with server_tokens off, so the tail
 * names "nginx" without a version (docs/user-guide/nginx-configuration/configmap.md server-tokens: false).
 * The 302 page's title is "302 Found" although the status line says "Moved Temporarily".
 */
export function formatNginxErrorPage(status: number): string {
  const title = status === 302 ? "302 Found" : `${status} ${formatNginxReason(status)}`;
  return [
    "<html>",
    `<head><title>${title}</title></head>`,
    "<body>",
    `<center><h1>${title}</h1></center>`,
    "<hr><center>nginx</center>",
    "</body>",
    "</html>",
    "",
  ].join("\r\n");
}

/** nginx's answer to plain HTTP on an ssl listener (ngx_http_special_response.c ngx_http_error_497_page, sent as 400). */
export function formatNginxPlainHttpToHttpsPage(): string {
  return [
    "<html>",
    "<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>",
    "<body>",
    "<center><h1>400 Bad Request</h1></center>",
    "<center>The plain HTTP request was sent to HTTPS port</center>",
    "<hr><center>nginx</center>",
    "</body>",
    "</html>",
    "",
  ].join("\r\n");
}
