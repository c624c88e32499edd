/**
 * NetworkPolicy `ipBlock` peers: a CIDR minus `except` CIDRs
 * (kubernetes/kubernetes staging/src/k8s.io/api/networking/v1/types.go, IPBlock: "The except entry describes
 * CIDRs that should not be included within this rule"; validation requires every except to be a strict subset
 * of cidr, pkg/apis/networking/validation/validation.go ValidateIPBlock).
 *
 * The simulated cluster is single-stack IPv4 (a kubeadm default). An IPv6 block is kept but matches no
 * address, which is what a single-stack IPv4 data plane does with it.
 */
export interface Cidr {
  text: string;
  family: 4 | 6;
  /** Network address as an unsigned 32-bit number (IPv4 only). */
  network: number;
  prefix: number;
}

export interface IPBlockMatcher {
  cidr: Cidr;
  except: Cidr[];
}

const IPV4_OCTET = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

/** `10.244.1.7` → 0x0af40107; anything that is not dotted-quad IPv4 → undefined. */
export function parseIPv4Address(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => IPV4_OCTET.test(p))) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

/** `172.17.0.0/16` → Cidr. IPv6 text (anything with a colon) is recognised but never matches. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.trim().split("/");
  if (extra !== undefined || address === undefined || prefixText === undefined || !/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (address.includes(":")) return prefix <= 128 ? { text, family: 6, network: 0, prefix } : undefined;
  const value = parseIPv4Address(address);
  if (value === undefined || prefix > 32) return undefined;
  return { text, family: 4, network: maskIPv4(value, prefix), prefix };
}

function maskIPv4(value: number, prefix: number): number {
  const size = 2 ** (32 - prefix);
  return Math.floor(value / size) * size;
}

export function isAddressInCidr(address: number, cidr: Cidr): boolean {
  return cidr.family === 4 && maskIPv4(address, cidr.prefix) === cidr.network;
}

/** An unparsable cidr gives undefined: validation rejects it, so a stored object never carries one. */
export function buildIPBlockMatcher(block: { cidr: string; except?: readonly string[] }): IPBlockMatcher | undefined {
  const cidr = parseCidr(block.cidr);
  if (cidr === undefined) return undefined;
  const except = (block.except ?? []).map(parseCidr).filter((c): c is Cidr => c !== undefined);
  return { cidr, except };
}

/** In `cidr` and in none of `except` (the docs' example: all of 172.17.0.0/16 except 172.17.1.0/24). */
export function matchIPBlock(matcher: IPBlockMatcher, ip: string): boolean {
  const address = parseIPv4Address(ip);
  if (address === undefined || !isAddressInCidr(address, matcher.cidr)) return false;
  return !matcher.except.some((c) => isAddressInCidr(address, c));
}

/** Whether the address falls in one of the except ranges (for explanations). */
export function findExcept(matcher: IPBlockMatcher, ip: string): Cidr | undefined {
  const address = parseIPv4Address(ip);
  if (address === undefined) return undefined;
  return matcher.except.find((c) => isAddressInCidr(address, c));
}
