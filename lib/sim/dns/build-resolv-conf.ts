import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  /** `ndots:5` → { ndots: "5" }; flag options (`rotate`) map to "". */
  options: Record<string, string>;
  ndots: number;
}

/**
 * The upstream resolver the simulated nodes use (the gateway of kind's Docker network). Pods with dnsPolicy
 * Default inherit it, so they cannot resolve cluster names.
 */
export const NODE_UPSTREAM_NAMESERVER = "172.18.0.1";

/** The stub resolvers' default when resolv.conf sets no ndots (glibc resolv/res_init.c, musl resolvconf.c: 1). */
const DEFAULT_NDOTS = 1;

/**
 * The resolv.conf kubelet writes into a pod (kubernetes/kubernetes pkg/kubelet/network/dns/dns.go GetPodDNS;
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy):
 * - ClusterFirst (the default): the cluster DNS Service, search `<ns>.svc.<zone> svc.<zone> <zone>`, ndots:5;
 *   a hostNetwork pod with ClusterFirst falls back to Default unless the policy is ClusterFirstWithHostNet;
 * - Default: the node's own resolv.conf;
 * - None: only what dnsConfig says.
 * dnsConfig is then merged: nameservers and searches appended (duplicates dropped), options overriding by name.
 */
export function buildResolvConf(state: ClusterState, pod: Pod): ResolvConf {
  const namespace = pod.metadata.namespace ?? "default";
  const zone = state.config.clusterDomain;
  let policy = pod.spec?.dnsPolicy ?? "ClusterFirst";
  if (policy === "ClusterFirst" && pod.spec?.hostNetwork === true) policy = "Default";
  let nameservers: string[] = [];
  let searches: string[] = [];
  // A null-prototype map: option names come from the pod spec and may be anything, `__proto__` included.
  const options: Record<string, string> = Object.create(null) as Record<string, string>;
  if (policy === "ClusterFirst" || policy === "ClusterFirstWithHostNet") {
    nameservers = [state.config.dnsServiceIP];
    searches = [`${namespace}.svc.${zone}`, `svc.${zone}`, zone];
    options.ndots = "5";
  } else if (policy === "Default") {
    nameservers = [NODE_UPSTREAM_NAMESERVER];
  }
  const config = pod.spec?.dnsConfig;
  for (const ns of config?.nameservers ?? []) if (!nameservers.includes(ns)) nameservers.push(ns);
  for (const s of config?.searches ?? []) if (!searches.includes(s)) searches.push(s);
  for (const option of config?.options ?? []) {
    if (option.name) options[option.name] = option.value ?? "";
  }
  const ndots = Number(options.ndots);
  return {
    // kubelet keeps at most 3 nameservers and 32 search domains (pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPaths).
    nameservers: nameservers.slice(0, 3),
    searches: searches.slice(0, 32),
    options,
    ndots: Number.isInteger(ndots) && ndots >= 0 ? Math.min(ndots, 15) /* glibc caps it at RES_MAXNDOTS, 15 */ : DEFAULT_NDOTS,
  };
}
