import type { ProxyEndpoint } from "./build-service-endpoints";

/** FNV-1a, 32 bit: a stable, seedable hash so the same request always takes the same path. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * kube-proxy's iptables mode picks an endpoint with `-m statistic --mode random` per new connection, and with
 * sessionAffinity ClientIP the `recent` module pins a client IP to the endpoint it first reached
 * (pkg/proxy/iptables/proxier.go writeServiceToEndpointRules). The simulator replaces the randomness with a
 * hash of the cluster seed, the Service port, the client IP and (without affinity) the attempt number, so a
 * trace is reproducible and repeated attempts still spread over the endpoints.
 */
export function selectEndpoint(
  endpoints: readonly ProxyEndpoint[],
  options: { seed: number; servicePortName: string; clientIP: string; sessionAffinity: "None" | "ClientIP"; attempt?: number },
): ProxyEndpoint | undefined {
  if (endpoints.length === 0) return undefined;
  const sorted = [...endpoints].sort((a, b) => a.ip.localeCompare(b.ip) || a.port - b.port);
  const key =
    options.sessionAffinity === "ClientIP"
      ? `${options.servicePortName}|${options.clientIP}`
      : `${options.servicePortName}|${options.clientIP}|${options.attempt ?? 0}`;
  return sorted[hashString(key, options.seed) % sorted.length];
}
