import type { ClusterState } from "../cluster-state";
import { buildResolvConf, NODE_UPSTREAM_NAMESERVER, type ResolvConf } from "../dns/build-resolv-conf";
import type { DnsResult } from "../dns/dns-record";
import { resolveDns } from "../dns/resolve-dns";
import { lookupHostsFile } from "../dns/lookup-hosts-file";
import { resolverLibraryForImage } from "../dns/resolver-library";
import { isIPv4 } from "./ipv4";
import type { ObjectRef } from "../objects/meta";
import type { TraceHop, TrafficPeer } from "./trace";

export type HostResolution =
  | { ok: true; ip: string; dns?: DnsResult; hop?: TraceHop; hops?: TraceHop[] }
  | { ok: false; dns: DnsResult; hop: TraceHop; hops?: TraceHop[] };

/**
 * Whether a DNS query from the client reaches a nameserver: the query is itself a UDP flow to
 * nameserver:53, translated by kube-proxy and filtered by NetworkPolicy like any other
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/: an egress default-deny also
 * blocks DNS unless a rule allows it). Supplied by connect so resolution and connection share one model.
 */
export type NameserverProbe = (nameserver: string) => { reachable: boolean; hops: TraceHop[] };

/** A node's, or a workstation's, resolver: the upstream one, which knows no cluster names. */
const UPSTREAM_CONF: ResolvConf = { nameservers: [NODE_UPSTREAM_NAMESERVER], searches: [], options: {}, ndots: 1 };

/** The Service a cluster name belongs to (`[<hostname>.]<service>.<ns>.svc.<zone>`), for the DNS hop's object. */
function serviceOfName(state: ClusterState, fqdn: string | undefined): ObjectRef | undefined {
  const suffix = `.svc.${state.config.clusterDomain.toLowerCase()}`;
  if (!fqdn?.endsWith(suffix)) return undefined;
  const labels = fqdn.slice(0, -suffix.length).split(".");
  if (labels.length < 2 || labels.length > 3) return undefined;
  const [name, namespace] = labels.slice(-2);
  return state.get("Service", name, namespace) ? { kind: "Service", name, namespace } : undefined;
}

/**
 * Turns the host part of a URL or `nc` target into an address the way the client's resolver would: a pod uses
 * the resolv.conf kubelet gave it (cluster DNS, search list, ndots), and its image's C library decides how the
 * search list is walked; nodes and clients outside the cluster use an upstream resolver that knows only public
 * names (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/: cluster names resolve only
 * through the cluster DNS Service).
 */
export function resolveConnectHost(state: ClusterState, from: TrafficPeer, host: string, probe?: NameserverProbe): HostResolution {
  const literal = host.trim().replace(/^\[|\]$/g, "");
  if (isIPv4(literal)) return { ok: true, ip: literal };
  const fromHosts = from.kind === "pod" ? lookupHostsFile(state, from.pod, literal) : undefined;
  if (fromHosts) return { ok: true, ip: fromHosts, hops: [{ kind: "dns", outcome: "pass", summary: `${literal} → ${fromHosts} from the pod's /etc/hosts (no DNS query)` }] };
  let conf = from.kind === "pod" ? buildResolvConf(state, from.pod) : UPSTREAM_CONF;
  const probeHops: TraceHop[] = [];
  if (probe && from.kind === "pod" && conf.nameservers.length > 0) {
    // The stub resolver asks each nameserver in turn until one answers (resolv.conf(5) "nameserver").
    const reachable = conf.nameservers.find((ns) => {
      const result = probe(ns);
      if (!result.reachable) probeHops.push(...result.hops);
      return result.reachable;
    });
    if (reachable === undefined) {
      const dns: DnsResult = { rcode: "NXDOMAIN", answers: [], tried: [], server: conf.nameservers[0] };
      const hop: TraceHop = { kind: "dns", outcome: "fail", summary: `could not resolve ${literal}: no nameserver answered (${conf.nameservers.map((ns) => `${ns}:53/UDP`).join(", ")}); the DNS query itself was refused or dropped` };
      return { ok: false, dns, hop, hops: [...probeHops, hop] };
    }
    conf = { ...conf, nameservers: [reachable, ...conf.nameservers.filter((ns) => ns !== reachable)] };
  }
  const dns =
    from.kind === "pod"
      ? resolveDns(state, {
          name: literal,
          type: "A",
          fromNamespace: from.pod.metadata.namespace ?? "default",
          resolvConf: conf,
          resolver: resolverLibraryForImage(from.pod.spec?.containers?.[0]?.image),
        })
      : resolveDns(state, { name: literal, type: "A", fromNamespace: "default", resolvConf: conf });
  const address = dns.answers.find((a) => a.type === "A");
  const chain = dns.answers.filter((a) => a.type === "CNAME").map((a) => ` → CNAME ${a.data}`).join("");
  const attempts = `tried ${dns.tried.length} name${dns.tried.length === 1 ? "" : "s"}${dns.tried.length > 0 ? `: ${dns.tried.join(", ")}` : ""}`;
  if (!address) {
    const why = dns.rcode === "NOERROR" ? "no A record" : "NXDOMAIN";
    const hop: TraceHop = { kind: "dns", outcome: "fail", summary: `could not resolve ${literal}: ${why} from ${dns.server ?? "no nameserver"} (${attempts})` };
    return { ok: false, dns, hop, hops: [...probeHops, hop] };
  }
  const object = serviceOfName(state, dns.fqdn);
  const named = dns.fqdn === literal.toLowerCase().replace(/\.$/, "") ? literal : `${literal} → ${dns.fqdn}`;
  return {
    ok: true,
    ip: address.data,
    dns,
    hop: { kind: "dns", outcome: "pass", object, summary: `${named}${chain} → ${address.data} (${attempts})` },
    hops: [...probeHops, { kind: "dns", outcome: "pass", object, summary: `${named}${chain} → ${address.data} (${attempts})` }],
  };
}
