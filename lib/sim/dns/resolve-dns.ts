import type { ClusterState } from "../cluster-state";
import { formatReverseName, isIPv4, parseReverseName } from "../network/ipv4";
import type { ResolvConf } from "./build-resolv-conf";
import { isInZone, parseDnsName } from "./dns-name";
import type { DnsRecord, DnsRecordType, DnsResult, ZoneAnswer } from "./dns-record";
import { lookupClusterZone } from "./lookup-cluster-zone";
import { lookupExternalZone } from "./lookup-external-zone";
import { lookupReverseZone } from "./lookup-reverse-zone";
import type { ResolverLibrary } from "./resolver-library";

export interface DnsQuery {
  name: string;
  type?: DnsRecordType;
  /** The querying pod's namespace: it heads the ClusterFirst search list. */
  fromNamespace: string;
  /** The pod's resolv.conf (buildResolvConf); defaults to ClusterFirst for fromNamespace. */
  resolvConf?: ResolvConf;
  resolver?: ResolverLibrary;
}

/** CNAME chains longer than this are treated as loops (CoreDNS and glibc both bound them). */
const MAX_CNAME_HOPS = 8;

function clusterFirst(state: ClusterState, namespace: string): ResolvConf {
  const zone = state.config.clusterDomain;
  return {
    nameservers: [state.config.dnsServiceIP],
    searches: [`${namespace}.svc.${zone}`, `svc.${zone}`, zone],
    options: { ndots: "5" },
    ndots: 5,
  };
}

/**
 * One query to one server. The cluster DNS Service (CoreDNS) answers the cluster zone and in-addr.arpa
 * itself and forwards the rest upstream (kubeadm Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa`,
 * `forward . /etc/resolv.conf`); any other server is an upstream that knows nothing of the cluster.
 */
function queryServer(state: ClusterState, server: string, fqdn: string, type: DnsRecordType): ZoneAnswer {
  const clusterDns = server === state.config.dnsServiceIP;
  const reverseIP = parseReverseName(fqdn);
  if (reverseIP !== undefined) return clusterDns ? lookupReverseZone(state, fqdn, reverseIP, type) : { rcode: "NXDOMAIN", answers: [] };
  if (isInZone(fqdn, state.config.clusterDomain.toLowerCase())) {
    return clusterDns ? lookupClusterZone(state, fqdn, type) : { rcode: "NXDOMAIN", answers: [] };
  }
  return lookupExternalZone(state, fqdn, type);
}

/** Follows CNAMEs the way a recursive server fills the answer section (RFC 1034 section 4.3.2 step 3a). */
function queryWithCnames(state: ClusterState, server: string, fqdn: string, type: DnsRecordType): ZoneAnswer {
  const answers: DnsRecord[] = [];
  let name = fqdn;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const answer = queryServer(state, server, name, type);
    answers.push(...answer.answers);
    const cname = answer.answers.find((r) => r.type === "CNAME");
    if (!cname || type === "CNAME") return { rcode: answers.length > 0 ? "NOERROR" : answer.rcode, answers };
    const parsed = parseDnsName(cname.data);
    if (!parsed) return { rcode: "NOERROR", answers };
    name = parsed.labels.join(".");
  }
  return { rcode: "NOERROR", answers };
}

/** The candidate names a stub resolver tries, in order (see resolver-library.ts for the two rules). */
export function buildSearchCandidates(labels: string[], absolute: boolean, conf: ResolvConf, resolver: ResolverLibrary): string[] {
  const name = labels.join(".");
  if (absolute) return [name];
  const dots = labels.length - 1;
  const searched = conf.searches.map((s) => `${name}.${s.toLowerCase().replace(/\.$/, "")}`);
  if (dots >= conf.ndots) return resolver === "musl" ? [name] : [name, ...searched];
  return [...searched, name];
}

/**
 * What `nslookup`/`dig +search`/getaddrinfo see for a name typed in a pod: the resolv.conf search list and
 * ndots decide which absolute names are asked (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services),
 * each is answered per the kubernetes/dns specification, and `tried` records the order. Never throws.
 */
export function resolveDns(state: ClusterState, query: DnsQuery): DnsResult {
  const type = query.type ?? "A";
  const conf = query.resolvConf ?? clusterFirst(state, query.fromNamespace);
  const resolver = query.resolver ?? "glibc";
  const server = conf.nameservers[0];
  const literal = query.name.trim();
  if (isIPv4(literal)) {
    // Resolvers answer an address literal themselves; a PTR question is asked for its reverse name.
    if (type !== "PTR") return { rcode: "NOERROR", fqdn: literal, answers: type === "A" ? [{ name: literal, type: "A", ttl: 0, data: literal }] : [], tried: [], server };
    const reverse = formatReverseName(literal) ?? literal;
    const answer = server === undefined ? { rcode: "NXDOMAIN" as const, answers: [] } : queryWithCnames(state, server, reverse, "PTR");
    return { ...answer, fqdn: reverse, tried: [reverse], server };
  }
  const parsed = parseDnsName(literal);
  if (!parsed || server === undefined) return { rcode: "NXDOMAIN", answers: [], tried: [], server };
  const candidates = buildSearchCandidates(parsed.labels, parsed.absolute, conf, resolver);
  const tried: string[] = [];
  let noData: string | undefined;
  for (const fqdn of candidates) {
    tried.push(fqdn);
    const answer = queryWithCnames(state, server, fqdn, type);
    if (answer.answers.length > 0) return { rcode: "NOERROR", fqdn, answers: answer.answers, tried, server };
    if (answer.rcode === "NOERROR") {
      noData ??= fqdn;
      if (resolver === "musl") return { rcode: "NOERROR", fqdn, answers: [], tried, server };
    }
  }
  return { rcode: noData ? "NOERROR" : "NXDOMAIN", fqdn: noData ?? tried[tried.length - 1], answers: [], tried, server };
}
