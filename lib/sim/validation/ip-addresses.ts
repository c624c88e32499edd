/**
 * IP and CIDR parsing as Go's net package (and k8s.io/utils/net's "sloppy" legacy parsing, which accepts
 * leading zeros in IPv4 octets) understands them. Messages: apimachinery pkg/util/validation/ip.go.
 */
export const IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
export const CIDR_ERROR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

export interface ParsedIP {
  family: 4 | 6;
  /** 4 or 16 bytes. */
  bytes: number[];
}

export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseIPv6(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const doubleColon = text.indexOf("::");
  if (doubleColon !== text.lastIndexOf("::")) return undefined;
  const expand = (part: string): number[] | undefined => {
    if (part === "") return [];
    const groups = part.split(":");
    const out: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (i === groups.length - 1 && g.includes(".")) {
        const v4 = parseIPv4(g);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
        out.push(parseInt(g, 16));
      }
    }
    return out;
  };
  let words: number[] | undefined;
  if (doubleColon === -1) {
    words = expand(text);
    if (!words || words.length !== 8) return undefined;
  } else {
    const head = expand(text.slice(0, doubleColon));
    const tail = expand(text.slice(doubleColon + 2));
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
  }
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

export function parseIP(text: string): ParsedIP | undefined {
  const v4 = parseIPv4(text);
  if (v4) return { family: 4, bytes: v4 };
  if (!text.includes(":")) return undefined;
  const v6 = parseIPv6(text);
  return v6 ? { family: 6, bytes: v6 } : undefined;
}

export interface ParsedCIDR {
  ip: ParsedIP;
  prefix: number;
  /** The network address (host bits cleared). */
  network: number[];
}

export function parseCIDR(text: string): ParsedCIDR | undefined {
  const slash = text.indexOf("/");
  if (slash === -1) return undefined;
  const ip = parseIP(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > ip.bytes.length * 8) return undefined;
  const network = ip.bytes.map((byte, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  return { ip, prefix, network };
}

export function isValidIP(text: string): string[] {
  return parseIP(text) ? [] : [IP_ERROR];
}

export function isValidCIDR(text: string): string[] {
  return parseCIDR(text) ? [] : [CIDR_ERROR];
}

/** Does `outer` contain the address `ip` (same family)? Go's (*net.IPNet).Contains. */
export function cidrContains(outer: ParsedCIDR, ip: ParsedIP): boolean {
  if (outer.ip.family !== ip.family) return false;
  return ip.bytes.every((byte, i) => {
    const bits = Math.max(0, Math.min(8, outer.prefix - i * 8));
    const mask = (0xff << (8 - bits)) & 0xff;
    return (byte & mask) === outer.network[i];
  });
}

/**
 * ValidateNonSpecialIP (kubernetes/kubernetes pkg/apis/core/validation/validation.go): endpoints and
 * external IPs may not be unspecified, loopback or link-local, because no node could route to them.
 */
export function isNonSpecialIP(text: string): string[] {
  const ip = parseIP(text);
  if (!ip) return [];
  const b = ip.bytes;
  const errs: string[] = [];
  if (b.every((x) => x === 0)) errs.push(`may not be unspecified (${text})`);
  const loopback = ip.family === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  if (loopback) errs.push("may not be in the loopback range (127.0.0.0/8, ::1/128)");
  const linkLocal = ip.family === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80;
  if (linkLocal) errs.push("may not be in the link-local range (169.254.0.0/16, fe80::/10)");
  const linkLocalMulticast = ip.family === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02;
  if (linkLocalMulticast) errs.push("may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
  return errs;
}
