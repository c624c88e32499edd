export type DnsRecordType = "A" | "AAAA" | "CNAME" | "SRV" | "PTR";

export interface DnsRecord {
  /** Owner name, absolute, lower case, without the trailing dot. */
  name: string;
  type: DnsRecordType;
  ttl: number;
  /** A/AAAA: the address; CNAME/PTR: the target name; SRV: the target name. */
  data: string;
  srv?: { priority: number; weight: number; port: number; target: string };
}

export interface DnsResult {
  /** NOERROR with no answers is NODATA: the name exists but has no record of that type. */
  rcode: "NOERROR" | "NXDOMAIN";
  /** The absolute name that produced the answer (the last one tried when none did). */
  fqdn?: string;
  answers: DnsRecord[];
  /** Every absolute name queried, in the order the stub resolver tried them. */
  tried: string[];
  /** The nameserver that was asked. */
  server?: string;
}

/** The answer of one zone to one absolute name. */
export interface ZoneAnswer {
  rcode: "NOERROR" | "NXDOMAIN";
  answers: DnsRecord[];
}

/**
 * kubeadm's CoreDNS Corefile sets `ttl 30` in the kubernetes plugin
 * (kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go).
 */
export const CLUSTER_DNS_TTL = 30;

export const NXDOMAIN: ZoneAnswer = { rcode: "NXDOMAIN", answers: [] };
export const NODATA: ZoneAnswer = { rcode: "NOERROR", answers: [] };
