/**
 * IPv4 arithmetic for the simulated pod, node and Service networks. The simulator is single-stack IPv4, as a
 * default kubeadm cluster is (https://kubernetes.io/docs/concepts/services-networking/dual-stack/ is opt-in).
 */

/**
 * Parses dotted-quad notation strictly (no leading zeros, four octets): `10.244.1.5` → 183763205. Scanned
 * character by character: every connection parses several addresses, and splitting them allocated.
 */
export function parseIPv4(text: string): number | undefined {
  let value = 0;
  let octets = 0;
  let octet = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : DOT;
    if (code === DOT) {
      // An empty octet, or a fifth one, is malformed.
      if (digits === 0 || octets === 4) return undefined;
      value = value * 256 + octet;
      octets += 1;
      octet = 0;
      digits = 0;
    } else if (code >= ZERO && code <= NINE) {
      // No leading zero ("01"), at most three digits, at most 255.
      if ((digits === 1 && octet === 0) || digits === 3) return undefined;
      octet = octet * 10 + (code - ZERO);
      digits += 1;
      if (octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  return octets === 4 ? value : undefined;
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

/** Whether `ip` lies inside `cidr` (`10.244.0.0/16`). Malformed input is simply outside. */
export function isIPv4InCIDR(ip: string, cidr: string): boolean {
  const slash = cidr.indexOf("/");
  const address = parseIPv4(ip);
  const network = parseIPv4(slash === -1 ? cidr : cidr.slice(0, slash));
  // Only the text between the first and any second slash counts, as split("/") gave it.
  const end = slash === -1 ? -1 : cidr.indexOf("/", slash + 1);
  const bits = slash === -1 ? 32 : Number(end === -1 ? cidr.slice(slash + 1) : cidr.slice(slash + 1, end));
  if (address === undefined || network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
}

/** `10.244.1.5` → `5.1.244.10.in-addr.arpa` (RFC 1035 section 3.5). */
export function formatReverseName(ip: string): string | undefined {
  if (!isIPv4(ip)) return undefined;
  return `${ip.split(".").reverse().join(".")}.in-addr.arpa`;
}

/** `5.1.244.10.in-addr.arpa` → `10.244.1.5`; anything else → undefined. */
export function parseReverseName(name: string): string | undefined {
  const match = /^([0-9.]+)\.in-addr\.arpa$/.exec(name);
  if (!match) return undefined;
  const ip = match[1].split(".").reverse().join(".");
  return isIPv4(ip) ? ip : undefined;
}
