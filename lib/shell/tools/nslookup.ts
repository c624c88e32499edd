import type { Command, CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { resolveImageToolbox } from "./image-tools";
import { queryClusterDns } from "./query-cluster-dns";
import { resolveToolOrigin, type ToolOrigin } from "./resolve-tool-peer";

/**
 * nslookup, in BIND 9's layout (netshoot, the workstation) or BusyBox's (busybox, alpine):
 *
 *   Server:		10.96.0.10
 *   Address:	10.96.0.10#53        (BusyBox: 10.96.0.10:53)
 *
 *   Name:	my-service.default.svc.cluster.local
 *   Address: 10.96.45.210
 *
 * NXDOMAIN prints `** server can't find NAME: NXDOMAIN` (on stdout, like the rest) and exits 1; an unreachable server prints
 * `;; connection timed out; no servers could be reached` (bin/dig/nslookup.c in BIND 9.18).
 */
export const nslookup: Command<ShellHost> = ({ argv, session: host }) => {
  const args = argv.slice(1).filter((a) => !a.startsWith("-"));
  const name = args[0];
  if (!name) return { stdout: "", stderr: "Usage: nslookup [-option] [name | -] [server]\n", exitCode: 1 };
  const origin = resolveToolOrigin(host);
  if (!origin) return { stdout: "", stderr: ";; connection timed out; no servers could be reached\n", exitCode: 1 };
  const flavour = origin.pod ? resolveImageToolbox(origin.pod.spec?.containers?.[0]?.image).nslookup : "bind";
  if (flavour === "busybox-legacy") return legacyBusyBoxNslookup(host, origin, name, args[1]);
  const type = argv.some((a) => /^-(type|query)=ptr$/i.test(a)) || /^[0-9.]+$/.test(name) ? "PTR" : "A";
  const outcome = queryClusterDns(host, origin, name, { type, search: true, server: args[1] });
  if (!outcome.reachable) return { stdout: ";; connection timed out; no servers could be reached\n\n", stderr: "", exitCode: 1 };
  const header = `Server:\t\t${outcome.server}\nAddress:\t${outcome.server}${flavour === "bind" ? "#" : ":"}53\n\n`;
  const { result } = outcome;
  if (result.answers.length === 0) {
    const shown = flavour === "bind" ? name : (result.fqdn ?? name);
    const reason = result.rcode === "NXDOMAIN" ? "NXDOMAIN" : "No answer";
    if (flavour === "bind" && result.rcode === "NOERROR") return { stdout: `${header}*** Can't find ${name}: No answer\n\n`, stderr: "", exitCode: 1 };
    return { stdout: `${header}** server can't find ${shown}: ${reason}\n\n`, stderr: "", exitCode: 1 };
  }
  let body = "";
  if (type === "PTR") {
    for (const r of result.answers) body += `${r.name}\tname = ${r.data}.\n`;
    return { stdout: `${header}${body}\n`, stderr: "", exitCode: 0 };
  }
  const authoritative = result.fqdn?.endsWith(host.cluster.config.clusterDomain) ?? false;
  if (!authoritative && flavour === "bind") body += "Non-authoritative answer:\n";
  for (const r of result.answers) {
    if (r.type === "CNAME") body += `${r.name}\tcanonical name = ${r.data}.\n`;
    else if (r.type === "A") body += `Name:\t${r.name}\nAddress: ${r.data}\n`;
  }
  return { stdout: `${header}${body}\n`, stderr: "", exitCode: 0 };
};

/**
 * The nslookup applet of BusyBox up to 1.28 (networking/nslookup.c before the LEDE rewrite), which asks the C
 * library rather than speaking DNS itself: `print_host` prints `%-10s %s` (`Server:    10.96.0.10`), then
 * `Address N: IP` and, when a reverse lookup of IP finds a name, a space and that name; the server block ends
 * with a blank line. A name getaddrinfo cannot resolve prints `nslookup: can't resolve 'NAME'` on stderr and
 * exits 1. This is the output https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/ shows.
 */
function legacyBusyBoxNslookup(host: ShellHost, origin: ToolOrigin, name: string, server: string | undefined): CommandResult {
  const reverse = (ip: string): string => {
    const outcome = queryClusterDns(host, origin, ip, { type: "PTR", search: false, server });
    const target = outcome.reachable ? outcome.result.answers.find((r) => r.type === "PTR")?.data : undefined;
    return target ? ` ${target.replace(/\.$/, "")}` : "";
  };
  const forward = queryClusterDns(host, origin, name, { type: "A", search: true, server });
  const serverIP = forward.server;
  let stdout = `${"Server:".padEnd(10)} ${serverIP}\nAddress 1: ${serverIP}${reverse(serverIP)}\n\n`;
  const addresses = forward.reachable ? forward.result.answers.filter((r) => r.type === "A").map((r) => r.data) : [];
  if (addresses.length === 0) return { stdout, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  stdout += `${"Name:".padEnd(10)} ${name}\n`;
  addresses.forEach((ip, i) => (stdout += `Address ${i + 1}: ${ip}${reverse(ip)}\n`));
  return { stdout, stderr: "", exitCode: 0 };
}
