import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import { buildResolvConf } from "./build-resolv-conf";

/**
 * A pod's /etc/resolv.conf as `cat /etc/resolv.conf` shows it, in the order kubelet writes it
 * (kubelet hands the DNS config to the runtime, which writes search, nameserver, options in that order:
 * containerd internal/cri parseDNSOptions).
 */
export function formatResolvConf(state: ClusterState, pod: Pod): string {
  const conf = buildResolvConf(state, pod);
  const lines: string[] = [];
  if (conf.searches.length > 0) lines.push(`search ${conf.searches.join(" ")}`);
  for (const ns of conf.nameservers) lines.push(`nameserver ${ns}`);
  const options = Object.entries(conf.options).map(([k, v]) => (v === "" ? k : `${k}:${v}`));
  if (options.length > 0) lines.push(`options ${options.join(" ")}`);
  return `${lines.join("\n")}\n`;
}
