import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { findPodByIP } from "@/lib/sim/network/pod-network";
import { resolveConnectHost } from "@/lib/sim/network/resolve-connect-host";
import { findClusterNodeByIP } from "@/lib/sim/network/cluster-nodes";
import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { resolveImageToolbox } from "./image-tools";
import { resolveToolOrigin } from "./resolve-tool-peer";

type Reply = "reply" | "silence";

/**
 * Whether an ICMP echo gets an answer. Pods and nodes answer; Service ClusterIPs do not (kube-proxy's iptables
 * rules match only the Service's TCP/UDP ports, so nothing owns the VIP for ICMP:
 * https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-work-by-ip). NetworkPolicy
 * rules that list ports match only those protocols, so an isolated pod drops ICMP unless a rule without ports
 * admits the peer — modelled by asking isTrafficAllowed for a port no rule lists.
 */
function echo(host: ShellHost, origin: NonNullable<ReturnType<typeof resolveToolOrigin>>, ip: string): Reply {
  const pod = findPodByIP(host.cluster, ip);
  if (pod) {
    if (origin.peer.kind === "external") return "silence";
    return isTrafficAllowed(host.cluster, { source: origin.peer, destination: { kind: "pod", pod }, port: 0, protocol: "TCP" }).allowed ? "reply" : "silence";
  }
  if (findClusterNodeByIP(host.cluster, ip)) return "reply";
  return "silence";
}

/** ping -c N (iputils in netshoot and on the workstation, BusyBox's elsewhere). Without -c, four echoes are shown. */
export const ping: Command<ShellHost> = ({ argv, session: host }) => {
  let count = 4;
  let target: string | undefined;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-c") count = Math.max(1, Math.min(20, Number(args[++i]) || 1));
    else if (/^-c\d+$/.test(args[i])) count = Math.max(1, Math.min(20, Number(args[i].slice(2))));
    else if (args[i] === "-W" || args[i] === "-w" || args[i] === "-i") i++;
    else if (!args[i].startsWith("-")) target = args[i];
  }
  if (!target) return { stdout: "", stderr: "ping: usage error: Destination address required\n", exitCode: 1 };
  const origin = resolveToolOrigin(host);
  if (!origin) return { stdout: "", stderr: "ping: sendto: Network unreachable\n", exitCode: 2 };
  const busybox = origin.pod !== undefined && resolveImageToolbox(origin.pod.spec?.containers?.[0]?.image).ping === "busybox";
  const resolved = resolveConnectHost(host.cluster, origin.peer, target);
  if (!resolved.ok) return { stdout: "", stderr: busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name does not resolve\n`, exitCode: 2 };
  const ip = resolved.ip;
  const reply = echo(host, origin, ip);
  const lines: string[] = [busybox ? `PING ${target} (${ip}): 56 data bytes` : `PING ${target} (${ip}) 56(84) bytes of data.`];
  const times = Array.from({ length: count }, (_, i) => 0.061 + ((i * 7) % 5) * 0.011);
  if (reply === "reply") for (let i = 0; i < count; i++) lines.push(busybox ? `64 bytes from ${ip}: seq=${i} ttl=63 time=${times[i].toFixed(3)} ms` : `64 bytes from ${ip}: icmp_seq=${i + 1} ttl=63 time=${times[i].toFixed(3)} ms`);
  lines.push("", `--- ${target} ping statistics ---`);
  const received = reply === "reply" ? count : 0;
  const loss = reply === "reply" ? 0 : 100;
  if (busybox) {
    lines.push(`${count} packets transmitted, ${received} packets received, ${loss}% packet loss`);
    if (received > 0) lines.push(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${(times.reduce((a, b) => a + b, 0) / count).toFixed(3)}/${Math.max(...times).toFixed(3)} ms`);
  } else {
    lines.push(`${count} packets transmitted, ${received} received, ${loss}% packet loss, time ${(count - 1) * 1001 + (received ? 2 : 50)}ms`);
    if (received > 0) lines.push(`rtt min/avg/max/mdev = ${Math.min(...times).toFixed(3)}/${(times.reduce((a, b) => a + b, 0) / count).toFixed(3)}/${Math.max(...times).toFixed(3)}/0.015 ms`);
  }
  return { stdout: `${lines.join("\n")}\n`, stderr: "", exitCode: received > 0 ? 0 : 1 };
};
