import type { ClusterState } from "@/lib/sim/cluster-state";
import { formatResolvConf } from "@/lib/sim/dns/format-resolv-conf";
import type { Pod } from "@/lib/sim/objects/kinds";
import { podIP } from "@/lib/sim/network/pod-network";

/**
 * The kubelet-managed hosts file (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go managedHostsFileContent):
 * localhost entries, then the pod's IP with its hostname (and FQDN when hostname and subdomain are set), then
 * spec.hostAliases.
 */
export function formatHostsFile(state: ClusterState, pod: Pod): string {
  const lines = [
    "# Kubernetes-managed hosts file.",
    "127.0.0.1\tlocalhost",
    "::1\tlocalhost ip6-localhost ip6-loopback",
    "fe00::0\tip6-localnet",
    "fe00::0\tip6-mcastprefix",
    "fe00::1\tip6-allnodes",
    "fe00::2\tip6-allrouters",
  ];
  const ip = podIP(pod);
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  if (ip) {
    const subdomain = pod.spec?.subdomain;
    lines.push(subdomain ? `${ip}\t${hostname}.${subdomain}.${pod.metadata.namespace ?? "default"}.svc.${state.config.clusterDomain}\t${hostname}` : `${ip}\t${hostname}`);
  }
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length > 0) {
    lines.push("", "# Entries added by HostAliases.");
    for (const alias of aliases) lines.push(`${alias.ip}\t${(alias.hostnames ?? []).join("\t")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Files a pod's container shows that come from Kubernetes: resolv.conf, hosts and hostname. */
export function readPodFile(state: ClusterState, pod: Pod, path: string): string | undefined {
  switch (path.replace(/\/+/g, "/")) {
    case "/etc/resolv.conf":
      return formatResolvConf(state, pod);
    case "/etc/hosts":
      return formatHostsFile(state, pod);
    case "/etc/hostname":
      return `${pod.spec?.hostname ?? pod.metadata.name}\n`;
    default:
      return undefined;
  }
}
