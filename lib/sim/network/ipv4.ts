/**
 * IPv4 arithmetic for the simulated pod, node and Service networks. The simulator is single-stack IPv4, as a
 * default kubeadm cluster is (https://kubernetes.io/docs/concepts/services-networking/dual-stack/ is opt-in).
 */

/** Parses dotted-quad notation strictly (no leading zeros, four octets): `10.244.1.5` → 183238917. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

/** Whether `ip` lies inside `cidr` (`10.244.0.0/16`). Malformed input is simply outside. */
export function isIPv4InCIDR(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const address = parseIPv4(ip);
  const network = parseIPv4(base ?? "");
  const bits = bitsText === undefined ? 32 : Number(bitsText);
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
