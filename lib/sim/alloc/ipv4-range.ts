import { formatIPv4, parseIPv4 } from "../network/ipv4";

/** An IPv4 prefix as a base address and a size, for offset arithmetic in the allocators. */
export interface IPv4Range {
  cidr: string;
  base: number;
  size: number;
}

/** `10.96.0.0/12` → its range; the base is masked, as net.ParseCIDR does. Malformed input → undefined. */
export function parseIPv4Range(cidr: string): IPv4Range | undefined {
  const [addressText, bitsText] = cidr.split("/");
  const address = parseIPv4(addressText ?? "");
  const bits = Number(bitsText);
  if (address === undefined || bitsText === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { cidr, base: Math.floor(address / size) * size, size };
}

export function offsetOf(range: IPv4Range, ip: string): number | undefined {
  const value = parseIPv4(ip);
  if (value === undefined) return undefined;
  const offset = value - range.base;
  return offset >= 0 && offset < range.size ? offset : undefined;
}

export function addressAt(range: IPv4Range, offset: number): string {
  return formatIPv4(range.base + offset);
}
