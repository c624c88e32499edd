import type { ClusterState } from "../cluster-state";
import { buildResolvConf, NODE_UPSTREAM_NAMESERVER, type ResolvConf } from "../dns/build-resolv-conf";
import type { DnsResult } from "../dns/dns-record";
import { resolveDns } from "../dns/resolve-dns";
import { resolverLibraryForImage } from "../dns/resolver-library";
import { isIPv4 } from "./ipv4";
import type { TraceHop, TrafficPeer } from "./trace";

export type HostResolution =
  | { ok: true; ip: string; dns?: DnsResult; hop?: TraceHop }
  | { ok: false; dns: DnsResult; hop: TraceHop };

/** A node's, or a workstation's, resolver: the upstream one, which knows no cluster names. */
const UPSTREAM_CONF: ResolvConf = { nameservers: [NODE_UPSTREAM_NAMESERVER], searches: [], options: {}, ndots: 1 };

/**
 * Turns the host part of a URL or `nc` target into an address the way the client's resolver would: a pod uses
 * the resolv.conf kubelet gave it (cluster DNS, search list, ndots), and its image's C library decides how the
 * search list is walked; nodes and clients outside the cluster use an upstream resolver that knows only public
 * names (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/: cluster names resolve only
 * through the cluster DNS Service).
 */
export function resolveConnectHost(state: ClusterState, from: TrafficPeer, host: string): HostResolution {
  const literal = host.trim().replace(/^\[|\]$/g, "");
  if (isIPv4(literal)) return { ok: true, ip: literal };
  const dns =
    from.kind === "pod"
      ? resolveDns(state, {
          name: literal,
          type: "A",
          fromNamespace: from.pod.metadata.namespace ?? "default",
          resolvConf: buildResolvConf(state, from.pod),
          resolver: resolverLibraryForImage(from.pod.spec?.containers?.[0]?.image),
        })
      : resolveDns(state, { name: literal, type: "A", fromNamespace: "default", resolvConf: UPSTREAM_CONF });
  const address = dns.answers.find((a) => a.type === "A");
  const chain = dns.answers.filter((a) => a.type === "CNAME").map((a) => ` → CNAME ${a.data}`).join("");
  const attempts = `tried ${dns.tried.length} name${dns.tried.length === 1 ? "" : "s"}${dns.tried.length > 0 ? `: ${dns.tried.join(", ")}` : ""}`;
  if (!address) {
    const why = dns.rcode === "NOERROR" ? "no A record" : "NXDOMAIN";
    return { ok: false, dns, hop: { kind: "dns", outcome: "fail", summary: `could not resolve ${literal}: ${why} from ${dns.server ?? "no nameserver"} (${attempts})` } };
  }
  return {
    ok: true,
    ip: address.data,
    dns,
    hop: { kind: "dns", outcome: "pass", summary: `${literal} → ${dns.fqdn}${chain} → ${address.data} (${attempts})` },
  };
}
