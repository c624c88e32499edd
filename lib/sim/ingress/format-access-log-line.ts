/**
 * One request as ingress-nginx's default `upstreaminfo` log format records it
 * (kubernetes/ingress-nginx docs/user-guide/nginx-configuration/log-format.md):
 *
 *   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
 *   "$http_user_agent" $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name]
 *   $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id
 */
export interface AccessLogEntry {
  remoteAddr: string;
  remoteUser?: string;
  time: Date;
  /** `GET /users?page=2 HTTP/1.1`: the request line as received. */
  request: string;
  status: number;
  bodyBytesSent: number;
  referer?: string;
  userAgent?: string;
  requestLength: number;
  requestTimeSeconds: number;
  /** `namespace-service-port` (internal/ingress/controller/util.go upstreamName), empty before a location was chosen. */
  proxyUpstreamName?: string;
  proxyAlternativeUpstreamName?: string;
  /** One entry per upstream server tried, in order (nginx joins them with ", "). */
  upstreams?: { addr: string; responseLength: number; responseTimeSeconds: number; status: number | "-" }[];
  requestId: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** nginx $time_local, Common Log Format: `01/May/2025:09:00:00 +0000` (the simulated nodes run in UTC). */
export function formatTimeLocal(time: Date): string {
  return `${pad(time.getUTCDate())}/${MONTHS[time.getUTCMonth()]}/${time.getUTCFullYear()}:${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())} +0000`;
}

/** An empty nginx variable is logged as "-"; quotes and control characters are escaped as \xHH (log_format escape=default). */
function value(text: string | undefined): string {
  if (text === undefined || text === "") return "-";
  return text.replace(/["\\\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export function formatAccessLogLine(entry: AccessLogEntry): string {
  const upstreams = entry.upstreams ?? [];
  const join = (values: string[]) => (values.length === 0 ? "-" : values.join(", "));
  return [
    `${value(entry.remoteAddr)} - ${value(entry.remoteUser)} [${formatTimeLocal(entry.time)}] "${value(entry.request)}"`,
    `${entry.status} ${entry.bodyBytesSent} "${value(entry.referer)}" "${value(entry.userAgent)}"`,
    `${entry.requestLength} ${entry.requestTimeSeconds.toFixed(3)}`,
    `[${entry.proxyUpstreamName ?? ""}] [${entry.proxyAlternativeUpstreamName ?? ""}]`,
    join(upstreams.map((u) => u.addr)),
    join(upstreams.map((u) => String(u.responseLength))),
    join(upstreams.map((u) => u.responseTimeSeconds.toFixed(3))),
    join(upstreams.map((u) => String(u.status))),
    entry.requestId,
  ].join(" ");
}
