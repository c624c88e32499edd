import { podIP } from "@/lib/sim/network/pod-network";
import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";

/** A stable MAC address from the pod's IP, in the locally administered range veth pairs use. */
function macFor(ip: string): string {
  const octets = ip.split(".").map(Number);
  return ["aa", "bb", ...octets.map((o) => o.toString(16).padStart(2, "0"))].join(":");
}

/**
 * `ip addr` inside a pod: loopback and eth0 carrying the pod IP. The prefix follows how the plugin wires pods:
 * Calico and Cilium give each pod a /32 behind a point-to-point route, Flannel and the bridge plugins a
 * per-node /24 (https://docs.tigera.io/calico/latest/networking/determine-best-networking, flannel's cni0 bridge).
 */
export const ip: Command<ShellHost> = ({ argv, session: host }) => {
  const sub = argv[1] ?? "";
  const location = host.location;
  const pod = location.kind === "pod" ? host.cluster.get("Pod", location.pod, location.namespace) : undefined;
  const address = pod ? podIP(pod) : undefined;
  if (!pod || !address) return { stdout: "", stderr: "", exitCode: 0 };
  const cni = host.cluster.config.cni;
  const pointToPoint = cni === "calico" || cni === "cilium";
  const mtu = cni === "flannel" ? 1450 : 1480;
  if (sub === "route" || sub === "r") {
    const gateway = pointToPoint ? "169.254.1.1" : address.replace(/\.\d+$/, ".1");
    const route = pointToPoint ? "169.254.1.1 dev eth0 scope link" : `${address.replace(/\.\d+$/, ".0")}/24 dev eth0 proto kernel scope link src ${address}`;
    return { stdout: `default via ${gateway} dev eth0 \n${route} \n`, stderr: "", exitCode: 0 };
  }
  if (!["a", "addr", "address", "ad"].includes(sub) && !(sub === "-4" || sub === "-br")) {
    return { stdout: "", stderr: `Object "${sub}" is unknown, try "ip help".\n`, exitCode: 1 };
  }
  const prefix = pointToPoint ? 32 : 24;
  const broadcast = pointToPoint ? "" : ` brd ${address.replace(/\.\d+$/, ".255")}`;
  const text = [
    "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
    "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
    "    inet 127.0.0.1/8 scope host lo",
    "       valid_lft forever preferred_lft forever",
    `2: eth0@if12: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${mtu} qdisc noqueue state UP group default qlen 1000`,
    `    link/ether ${macFor(address)} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
    `    inet ${address}/${prefix}${broadcast} scope global eth0`,
    "       valid_lft forever preferred_lft forever",
    "",
  ].join("\n");
  return { stdout: text, stderr: "", exitCode: 0 };
};

export const hostname: Command<ShellHost> = ({ argv, session: host }) => {
  const location = host.location;
  if (location.kind === "workstation") return { stdout: "workstation\n", stderr: "", exitCode: 0 };
  const pod = host.cluster.get("Pod", location.pod, location.namespace);
  const name = pod?.spec?.hostname ?? location.pod;
  if (argv[1] === "-i") return { stdout: `${(pod && podIP(pod)) ?? ""}\n`, stderr: "", exitCode: 0 };
  return { stdout: `${name}\n`, stderr: "", exitCode: 0 };
};
