import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { formatStatusLine } from "./format-http";
import { performHttpRequest } from "./perform-http-request";
import { resolveToolOrigin } from "./resolve-tool-peer";

/**
 * BusyBox wget (networking/wget.c): `wget -qO- URL` prints the body; without -q it reports
 * `Connecting to HOST (IP:PORT)` and where it saves (`--spider`: `remote file exists`); errors are `wget: bad address 'x'`,
 * `wget: can't connect to remote host (IP): Connection refused`, `wget: download timed out` and
 * `wget: server returned error: HTTP/1.1 404 Not Found`.
 */
export const wget: Command<ShellHost> = ({ argv, session: host }) => {
  let quiet = false;
  let output: string | undefined;
  let timeout: string | undefined;
  let spider = false;
  const urls: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-O") output = args[++i];
    else if (arg.startsWith("-O")) output = arg.slice(2);
    else if (arg === "-T") timeout = args[++i];
    else if (/^-[qS]+O?-?$/.test(arg)) {
      quiet ||= arg.includes("q");
      if (arg.includes("O")) output = arg.endsWith("-") ? "-" : args[++i];
    } else if (arg === "--spider") spider = true;
    else if (arg.startsWith("--")) continue;
    else urls.push(arg);
  }
  if (urls.length === 0) return { stdout: "", stderr: "BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n", exitCode: 1 };
  const origin = resolveToolOrigin(host);
  if (!origin) return { stdout: "", stderr: "wget: can't connect to remote host: Network is unreachable\n", exitCode: 1 };
  const url = urls[0];
  // BusyBox wget identifies itself as "Wget" (networking/wget.c).
  const result = performHttpRequest(host, origin, { url, headers: { "User-Agent": "Wget" } });
  const hostname = /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(url)?.[1] ?? url;
  let log = quiet ? "" : `Connecting to ${hostname} (${result.remoteIP ?? hostname}:${result.remotePort ?? 80})\n`;
  if (result.outcome === "dns-failure") return { stdout: "", stderr: `wget: bad address '${hostname}'\n`, exitCode: 1 };
  if (result.outcome === "refused") return { stdout: "", stderr: `${log}wget: can't connect to remote host (${result.remoteIP ?? hostname}): Connection refused\n`, exitCode: 1 };
  if (result.outcome === "timeout") return { stdout: "", stderr: `${log}wget: download timed out\n`, exitCode: 1 };
  if (result.error) return { stdout: "", stderr: `${log}wget: error getting response: Connection reset by peer\n`, exitCode: 1 };
  if ((result.status ?? 0) >= 400) return { stdout: "", stderr: `${log}wget: server returned error: ${formatStatusLine(result.status ?? 0)}\n`, exitCode: 1 };
  // --spider stops once the response headers are read and reports, unless -q, "remote file exists" on stderr
  // instead of saving the body (networking/wget.c download_one_url); an error status has failed above already.
  // https://kubernetes.io/docs/tasks/administer-cluster/declare-network-policy/ shows this output.
  if (spider) return { stdout: "", stderr: quiet ? "" : `${log}remote file exists\n`, exitCode: 0 };
  const size = new TextEncoder().encode(result.body).length;
  if (output === "-") {
    if (!quiet) log += `writing to stdout\n-                    100% |********************************|   ${size}  0:00:00 ETA\nwritten to stdout\n`;
    return { stdout: result.body, stderr: log, exitCode: 0 };
  }
  const file = output ?? "index.html";
  if (!quiet) log += `saving to '${file}'\n${file.padEnd(20)} 100% |********************************|   ${size}  0:00:00 ETA\n'${file}' saved\n`;
  void timeout;
  return { stdout: "", stderr: log, exitCode: 0 };
};
