/**
 * Normalises a query name: DNS comparisons are case-insensitive (RFC 4343; kubernetes/dns
 * docs/specification.md section 2.1) and a trailing dot marks a name as absolute (RFC 1034 section 3.1).
 */
export function parseDnsName(name: string): { labels: string[]; absolute: boolean } | undefined {
  const trimmed = name.trim().toLowerCase();
  if (trimmed === "" || trimmed === ".") return undefined;
  const absolute = trimmed.endsWith(".");
  const body = absolute ? trimmed.slice(0, -1) : trimmed;
  if (body.length > 253) return undefined;
  const labels = body.split(".");
  // RFC 1035 section 2.3.4: labels are 1-63 octets. Underscores appear in SRV owner names (RFC 2782).
  if (labels.some((l) => l.length === 0 || l.length > 63 || !/^[a-z0-9_-]+$/.test(l))) return undefined;
  return { labels, absolute };
}

/** Whether `name` is `zone` or lies below it. */
export function isInZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/** The labels of `name` left of `zone`: `web.shop.svc` for `web.shop.svc.cluster.local` in `cluster.local`. */
export function labelsBelowZone(name: string, zone: string): string[] {
  if (name === zone) return [];
  return name.slice(0, name.length - zone.length - 1).split(".");
}
