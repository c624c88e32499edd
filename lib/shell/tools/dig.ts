import type { DnsRecord, DnsRecordType } from "@/lib/sim/dns/dns-record";
import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { queryClusterDns } from "./query-cluster-dns";
import { resolveToolOrigin } from "./resolve-tool-peer";

const TYPES: readonly DnsRecordType[] = ["A", "AAAA", "CNAME", "SRV", "PTR"];

/** BIND's presentation format: owner, TTL, class, type, data, tab-separated with the owner padded to 24 columns. */
function formatRecord(record: DnsRecord): string {
  const owner = `${record.name}.`;
  const data = record.type === "SRV" && record.srv ? `${record.srv.priority} ${record.srv.weight} ${record.srv.port} ${record.srv.target}.` : record.type === "A" || record.type === "AAAA" ? record.data : `${record.data}.`;
  return `${padOwner(owner)}${record.ttl}\tIN\t${record.type}\t${data}`;
}

function padOwner(owner: string): string {
  const tabs = Math.max(1, Math.ceil((24 - owner.length) / 8));
  return owner + "\t".repeat(owner.length >= 24 ? 1 : tabs);
}

/** A stable message id from the name, as dig's random id would be, so output is deterministic. */
function messageId(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 65536;
  return hash;
}

/**
 * dig (BIND 9.18): no search list unless `+search`, `+short` prints only the data, and a full answer has the
 * HEADER, QUESTION, ANSWER and statistics sections. CoreDNS answers cluster names authoritatively (`aa`).
 */
export const dig: Command<ShellHost> = ({ argv, session: host }) => {
  let name: string | undefined;
  let type: DnsRecordType = "A";
  let server: string | undefined;
  let short = false;
  let search = false;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith("@")) server = arg.slice(1);
    else if (arg === "+short") short = true;
    else if (arg === "+search") search = true;
    else if (arg.startsWith("+")) continue;
    else if (TYPES.includes(arg.toUpperCase() as DnsRecordType)) type = arg.toUpperCase() as DnsRecordType;
    else if (arg === "-x") type = "PTR";
    else name = arg;
  }
  name ??= ".";
  const origin = resolveToolOrigin(host);
  if (!origin) return { stdout: "", stderr: "", exitCode: 9 };
  const outcome = queryClusterDns(host, origin, name, { type, search, server });
  const question = name.endsWith(".") ? name : `${name}.`;
  if (!outcome.reachable) {
    const text = `;; communications error to ${outcome.server}#53: timed out\n;; communications error to ${outcome.server}#53: timed out\n;; communications error to ${outcome.server}#53: timed out\n`;
    return { stdout: short ? text : `${text}\n; <<>> DiG 9.18.30 <<>> ${argv.slice(1).join(" ")}\n;; global options: +cmd\n;; no servers could be reached\n`, stderr: "", exitCode: 9 };
  }
  const { result } = outcome;
  if (short) return { stdout: result.answers.map((r) => (r.type === "A" ? r.data : `${r.data}.`)).map((l) => `${l}\n`).join(""), stderr: "", exitCode: 0 };
  const cluster = host.cluster.config.clusterDomain;
  const authoritative = (result.fqdn ?? name).endsWith(cluster) && outcome.server === host.cluster.config.dnsServiceIP;
  const asked = `${result.fqdn ?? name.replace(/\.$/, "")}.`;
  const lines = [
    "",
    `; <<>> DiG 9.18.30 <<>> ${argv.slice(1).join(" ")}`,
    ";; global options: +cmd",
    ";; Got answer:",
    `;; ->>HEADER<<- opcode: QUERY, status: ${result.rcode}, id: ${messageId(question)}`,
    `;; flags: qr${authoritative ? " aa" : ""} rd${authoritative ? "" : " ra"}; QUERY: 1, ANSWER: ${result.answers.length}, AUTHORITY: 0, ADDITIONAL: 1`,
    ...(authoritative ? [";; WARNING: recursion requested but not available"] : []),
    "",
    ";; OPT PSEUDOSECTION:",
    "; EDNS: version: 0, flags:; udp: 1232",
    ";; QUESTION SECTION:",
    `;${padOwner(search ? asked : question)}IN\t${type}`,
    "",
  ];
  if (result.answers.length > 0) lines.push(";; ANSWER SECTION:", ...result.answers.map(formatRecord), "");
  lines.push(
    ";; Query time: 0 msec",
    `;; SERVER: ${outcome.server}#53(${outcome.server}) (UDP)`,
    `;; WHEN: ${formatWhen(host.cluster.now())}`,
    `;; MSG SIZE  rcvd: ${60 + result.answers.length * 40}`,
    "",
    "",
  );
  return { stdout: lines.join("\n"), stderr: "", exitCode: 0 };
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatWhen(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
