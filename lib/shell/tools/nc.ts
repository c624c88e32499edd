import { connect } from "@/lib/sim/network/connect";
import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { resolveImageToolbox } from "./image-tools";
import { resolveToolOrigin } from "./resolve-tool-peer";

/** /etc/services names nc prints for well-known ports. */
const SERVICES: Readonly<Record<number, string>> = { 22: "ssh", 53: "domain", 80: "http", 443: "https", 3306: "mysql", 5432: "postgresql", 6379: "redis", 8080: "http-alt" };

/**
 * nc -zv HOST PORT: a connection attempt and nothing else. OpenBSD netcat (netshoot) reports
 * `Connection to HOST (IP) PORT port [tcp/http] succeeded!`; BusyBox nc `HOST (IP:PORT) open`. A dropped SYN
 * waits for -w seconds (or the kernel's retries) and reports a timeout; a reset reports `Connection refused`.
 */
export const nc: Command<ShellHost> = ({ argv, session: host }) => {
  const args = argv.slice(1);
  let udp = false;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-w" || arg === "-W") i++;
    else if (arg.startsWith("-")) udp ||= arg.includes("u");
    else positional.push(arg);
  }
  const [target, portText] = positional;
  const port = Number(portText);
  if (!target || !Number.isInteger(port)) return { stdout: "", stderr: "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n", exitCode: 1 };
  const origin = resolveToolOrigin(host);
  if (!origin) return { stdout: "", stderr: `nc: connect to ${target} port ${port} (tcp) failed: Network is unreachable\n`, exitCode: 1 };
  const busybox = origin.pod !== undefined && resolveImageToolbox(origin.pod.spec?.containers?.[0]?.image).nc === "busybox";
  const result = connect(host.cluster, { from: origin.peer, host: target, port, protocol: udp ? "UDP" : "TCP", attempt: host.nextAttempt() });
  const ip = result.resolvedIP ?? target;
  const proto = udp ? "udp" : "tcp";
  const service = SERVICES[port] ?? "*";
  if (result.outcome === "dns-failure") return { stdout: "", stderr: busybox ? `nc: bad address '${target}'\n` : `nc: getaddrinfo for host "${target}" port ${port}: Name does not resolve\n`, exitCode: 1 };
  if (busybox) {
    if (result.outcome === "connected") return { stdout: "", stderr: `${target} (${ip}:${port}) open\n`, exitCode: 0 };
    return { stdout: "", stderr: `nc: ${target} (${ip}:${port}): ${result.outcome === "refused" ? "Connection refused" : "Operation timed out"}\n`, exitCode: 1 };
  }
  const named = ip === target ? target : `${target} (${ip})`;
  if (result.outcome === "connected") return { stdout: "", stderr: `Connection to ${named} ${port} port [${proto}/${service}] succeeded!\n`, exitCode: 0 };
  if (result.outcome === "refused") return { stdout: "", stderr: `nc: connect to ${named} port ${port} (${proto}) failed: Connection refused\n`, exitCode: 1 };
  return { stdout: "", stderr: `nc: connect to ${named} port ${port} (${proto}) timed out: Operation now in progress\n`, exitCode: 1 };
};
