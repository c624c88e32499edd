/**
 * Host matching for Ingress rules (https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards):
 * a precise host must equal the request's Host; `*.foo.com` matches exactly one DNS label in front of
 * `foo.com` (`bar.foo.com` yes, `baz.bar.foo.com` and `foo.com` no). ingress-nginx writes a wildcard host as
 * the server_name regex `~^(?<subdomain>[\w-]+)\.foo\.com$` (internal/ingress/controller/template/template.go
 * buildServerName) and nginx compares server names case-insensitively.
 */

/**
 * The Host header as nginx compares it: lower-cased, without a port and without a trailing dot
 * (nginx ngx_http_validate_host). Null or empty when the request carries no usable Host.
 */
export function normalizeRequestHost(host: string | null | undefined): string | null {
  if (host === null || host === undefined) return null;
  let value = host.trim().toLowerCase();
  if (value.startsWith("[")) return value; // an IPv6 literal, never equal to a DNS host
  const colon = value.lastIndexOf(":");
  if (colon !== -1 && /^[0-9]*$/.test(value.slice(colon + 1))) value = value.slice(0, colon);
  if (value.endsWith(".")) value = value.slice(0, -1);
  return value === "" ? null : value;
}

export function isWildcardHost(ruleHost: string): boolean {
  return ruleHost.startsWith("*.");
}

/** Whether an Ingress rule's host (non-empty) matches a request's Host. Never throws. */
export function matchIngressHost(ruleHost: string, requestHost: string | null | undefined): boolean {
  const host = normalizeRequestHost(requestHost);
  if (host === null) return false;
  const rule = ruleHost.toLowerCase();
  if (!isWildcardHost(rule)) return rule === host;
  const suffix = rule.slice(1); // ".foo.com"
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  // [\w-]+ : one label of word characters and hyphens, no dots.
  return /^[A-Za-z0-9_-]+$/.test(label);
}
