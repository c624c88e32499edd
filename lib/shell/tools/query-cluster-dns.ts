import { buildResolvConf, NODE_UPSTREAM_NAMESERVER, type ResolvConf } from "@/lib/sim/dns/build-resolv-conf";
import type { DnsRecordType, DnsResult } from "@/lib/sim/dns/dns-record";
import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { resolverLibraryForImage } from "@/lib/sim/dns/resolver-library";
import { connect } from "@/lib/sim/network/connect";
import type { ShellHost } from "../session/shell-host";
import type { ToolOrigin } from "./resolve-tool-peer";

/** The workstation's resolver: the site's upstream DNS, which knows public names only. */
const WORKSTATION_CONF: ResolvConf = { nameservers: [NODE_UPSTREAM_NAMESERVER], searches: [], options: {}, ndots: 1 };

export type DnsOutcome = { reachable: true; server: string; result: DnsResult } | { reachable: false; server: string };

/**
 * One lookup as a DNS client in the pod makes it: the pod's resolv.conf (search list, ndots) and C library
 * decide the names tried; the query itself is a UDP packet to the nameserver, which NetworkPolicy may drop —
 * then the client hears nothing (`connection timed out; no servers could be reached`).
 */
export function queryClusterDns(host: ShellHost, origin: ToolOrigin, name: string, options: { type?: DnsRecordType; search: boolean; server?: string }): DnsOutcome {
  const conf = origin.pod ? buildResolvConf(host.cluster, origin.pod) : WORKSTATION_CONF;
  const server = options.server ?? conf.nameservers[0] ?? NODE_UPSTREAM_NAMESERVER;
  if (origin.pod && server === host.cluster.config.dnsServiceIP) {
    const probe = connect(host.cluster, { from: origin.peer, host: server, port: 53, protocol: "UDP", attempt: host.nextAttempt() });
    if (probe.outcome !== "connected") return { reachable: false, server };
  }
  const resolvConf: ResolvConf = { ...conf, nameservers: [server], searches: options.search ? conf.searches : [] };
  const result = resolveDns(host.cluster, {
    name,
    type: options.type ?? "A",
    fromNamespace: origin.pod?.metadata.namespace ?? "default",
    resolvConf,
    resolver: resolverLibraryForImage(origin.pod?.spec?.containers?.[0]?.image),
  });
  return { reachable: true, server, result };
}
