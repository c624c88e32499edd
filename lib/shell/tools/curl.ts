import type { Command, CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { formatHttpHeaderName, formatStatusLine } from "./format-http";
import { performHttpRequest, type ToolHttpResult } from "./perform-http-request";
import { resolveToolOrigin } from "./resolve-tool-peer";
import { parseCurlArgs, TRY_HELP, type CurlOptions } from "./parse-curl-args";

/** curl -w variables the course uses (https://curl.se/docs/manpage.html#-w). */
function formatWriteOut(template: string, result: ToolHttpResult, url: string): string {
  const values: Record<string, string> = {
    http_code: String(result.status ?? 0).padStart(3, "0"),
    response_code: String(result.status ?? 0).padStart(3, "0"),
    remote_ip: result.remoteIP ?? "",
    remote_port: String(result.remotePort ?? ""),
    size_download: String(byteLength(result.body)),
    url_effective: url,
    time_total: "0.004215",
    time_connect: "0.000512",
    exitcode: String(result.error?.code ?? 0),
    content_type: result.headers["content-type"] ?? "",
  };
  return template
    .replace(/%\{([a-z_]+)\}/g, (m, name: string) => values[name] ?? m)
    .replace(/\\n/g, "\n")
    .replace(/\\t/g, "\t")
    .replace(/\\r/g, "\r");
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The timeout message depends on which limit fired (lib/connect.c, lib/multi.c in curl 8). */
function timeoutMessage(options: CurlOptions, host: string, port: number | undefined, fallback: string): string {
  if (options.connectTimeout !== undefined && (options.maxTime === undefined || options.connectTimeout <= options.maxTime)) {
    return `Failed to connect to ${host} port ${port ?? 80} after ${Math.round(options.connectTimeout * 1000) + 2} ms: Timeout was reached`;
  }
  if (options.maxTime !== undefined) return `Connection timed out after ${Math.round(options.maxTime * 1000) + 1} milliseconds`;
  return fallback;
}

function hostOf(url: string): string {
  return /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(url)?.[1] ?? url;
}

/**
 * curl as learners use it in a cluster (https://curl.se/docs/manpage.html): the body on stdout; -v's
 * `*`, `>` and `<` lines, errors `curl: (N) …` and the progress meter on stderr; -s silences errors unless -S;
 * exit status 0 for any HTTP response, curl's error number otherwise (22 with -f for HTTP errors).
 */
export const curl: Command<ShellHost> = ({ argv, session: host, stdoutIsTerminal }) => {
  const parsed = parseCurlArgs(argv.slice(1));
  if ("error" in parsed) return { stdout: "", stderr: parsed.error, exitCode: 2 };
  if (parsed.urls.length === 0) return { stdout: "", stderr: `curl: no URL specified!\n${TRY_HELP}`, exitCode: 2 };
  const origin = resolveToolOrigin(host);
  if (!origin) return { stdout: "", stderr: "curl: (7) Couldn't connect to server\n", exitCode: 7 };
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  for (const url of parsed.urls) {
    const done = fetchUrl(host, origin, parsed, url, stdoutIsTerminal);
    stdout += done.stdout;
    stderr += done.stderr;
    exitCode = done.exitCode;
  }
  return { stdout, stderr, exitCode };
};

function fetchUrl(host: ShellHost, origin: NonNullable<ReturnType<typeof resolveToolOrigin>>, options: CurlOptions, firstUrl: string, stdoutIsTerminal: boolean): CommandResult {
  let url = firstUrl;
  let stderr = "";
  let stdout = "";
  const method = options.method ?? (options.head ? "HEAD" : options.data !== undefined ? "POST" : "GET");
  for (let redirects = 0; ; redirects++) {
    const headers: Record<string, string> = { ...options.headers };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === "user-agent")) headers["User-Agent"] = "curl/8.11.0";
    if (!Object.keys(headers).some((k) => k.toLowerCase() === "accept")) headers.Accept = "*/*";
    if (options.data !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["Content-Type"] = "application/x-www-form-urlencoded";
    const result = performHttpRequest(host, origin, { url, method, headers, bodyBytes: options.data === undefined ? undefined : byteLength(options.data), insecure: options.insecure });
    if (options.verbose) stderr += formatVerbose(result, url, method, headers);
    if (result.error) {
      let message = result.error.message;
      if (result.outcome === "timeout") message = timeoutMessage(options, hostOf(url), result.remotePort, message);
      if (options.writeOut) stdout += formatWriteOut(options.writeOut, result, url);
      if (!options.silent || options.showError) stderr += `curl: (${result.error.code}) ${message}\n`;
      return { stdout, stderr, exitCode: result.error.code };
    }
    const status = result.status ?? 0;
    const location = result.headers.location;
    if (options.location && location && status >= 300 && status < 400 && redirects < 50) {
      if (options.include) stdout += formatHeaders(result);
      url = new URL(location, /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`).toString();
      continue;
    }
    if (options.fail && status >= 400) {
      if (!options.silent || options.showError) stderr += `curl: (22) The requested URL returned error: ${status}\n`;
      return { stdout, stderr, exitCode: 22 };
    }
    let body = "";
    if (options.head) body = formatHeaders(result);
    else body = (options.include ? formatHeaders(result) : "") + result.body;
    if (options.output === undefined) stdout += body;
    if (!options.silent && (!stdoutIsTerminal || options.output !== undefined)) stderr += formatProgress(byteLength(result.body));
    if (options.writeOut) stdout += formatWriteOut(options.writeOut, result, url);
    return { stdout, stderr, exitCode: 0 };
  }
}

function formatHeaders(result: ToolHttpResult): string {
  const lines = [formatStatusLine(result.status ?? 0), ...Object.entries(result.headers).map(([k, v]) => `${formatHttpHeaderName(k)}: ${v}`)];
  return `${lines.join("\n")}\n\n`;
}

/** curl -v's trace of one exchange (curl 8.11 wording). */
function formatVerbose(result: ToolHttpResult, url: string, method: string, headers: Record<string, string>): string {
  const hostname = hostOf(url);
  const ip = result.remoteIP ?? hostname;
  const port = result.remotePort ?? 80;
  const lines: string[] = [];
  if (result.outcome === "dns-failure") return `* Could not resolve host: ${hostname}\n* shutting down connection #0\n`;
  if (!/^[0-9.]+$/.test(hostname)) lines.push(`* Host ${hostname}:${port} was resolved.`, "* IPv6: (none)", `* IPv4: ${ip}`);
  lines.push(`*   Trying ${ip}:${port}...`);
  if (result.outcome !== "connected") {
    lines.push(result.outcome === "timeout" ? `* Connection timed out after 0 milliseconds` : `* connect to ${ip} port ${port} failed: Connection refused`, "* closing connection #0");
    return `${lines.join("\n")}\n`;
  }
  lines.push(`* Connected to ${hostname} (${ip}) port ${port}`, "* using HTTP/1.x");
  const path = /^(?:[a-z]+:\/\/)?[^/]*(\/[^#]*)?/i.exec(url)?.[1] ?? "/";
  const hasHost = Object.keys(headers).some((k) => k.toLowerCase() === "host");
  lines.push(`> ${method} ${path} HTTP/1.1`);
  if (!hasHost) lines.push(`> Host: ${/^(?:[a-z]+:\/\/)?([^/?#]+)/i.exec(url)?.[1] ?? hostname}`);
  const order = (k: string) => ["host", "user-agent", "accept"].indexOf(k.toLowerCase());
  const sent = Object.entries(headers).sort(([a], [b]) => (order(a) < 0 ? 9 : order(a)) - (order(b) < 0 ? 9 : order(b)));
  for (const [k, v] of sent) lines.push(`> ${k}: ${v}`);
  lines.push("> ", "* Request completely sent off");
  if (result.error) {
    lines.push(`* ${result.error.message}`, "* closing connection #0");
    return `${lines.join("\n")}\n`;
  }
  lines.push(`< ${formatStatusLine(result.status ?? 0)}`);
  for (const [k, v] of Object.entries(result.headers)) lines.push(`< ${formatHttpHeaderName(k)}: ${v}`);
  lines.push("< ", `* Connection #0 to host ${hostname} left intact`);
  return `${lines.join("\n")}\n`;
}

/** The meter curl draws on stderr when its output is not the terminal; the simulated transfer is instant. */
function formatProgress(bytes: number): string {
  const size = bytes < 100000 ? String(bytes) : `${Math.round(bytes / 1024)}k`;
  return [
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current",
    "                                 Dload  Upload   Total   Spent    Left  Speed",
    `100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0   ${size.padStart(4)}      0 --:--:-- --:--:-- --:--:--  ${size.padStart(4)}`,
    "",
  ].join("\n");
}
