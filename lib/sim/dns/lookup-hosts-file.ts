import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import { isIPv4 } from "../network/ipv4";
import { podIP } from "../network/pod-network";

/**
 * A name from the pod's kubelet-managed /etc/hosts, which the C library reads before asking DNS (nsswitch
 * `hosts: files dns`): localhost, the pod's own hostname (and `<hostname>.<subdomain>.<ns>.svc.<zone>`), and
 * spec.hostAliases (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go managedHostsFileContent;
 * https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/). Names compare case-insensitively.
 */
export function lookupHostsFile(state: ClusterState, pod: Pod, name: string): string | undefined {
  const wanted = name.trim().toLowerCase().replace(/\.$/, "");
  if (wanted === "localhost") return "127.0.0.1";
  const ip = podIP(pod);
  const hostname = (pod.spec?.hostname ?? pod.metadata.name).toLowerCase();
  const subdomain = pod.spec?.subdomain?.toLowerCase();
  const own = [hostname, ...(subdomain ? [`${hostname}.${subdomain}.${pod.metadata.namespace ?? "default"}.svc.${state.config.clusterDomain.toLowerCase()}`] : [])];
  if (ip && own.includes(wanted)) return ip;
  for (const alias of pod.spec?.hostAliases ?? []) {
    if (alias.ip && isIPv4(alias.ip) && (alias.hostnames ?? []).some((h) => h.toLowerCase() === wanted)) return alias.ip;
  }
  return undefined;
}
