import { CATCH_ALL_SERVER, type NginxConfiguration, type NginxLocation, type NginxServer } from "./build-nginx-configuration";
import { isWildcardHost, matchIngressHost, normalizeRequestHost } from "./match-ingress-host";

/**
 * The server block nginx picks for a Host (https://nginx.org/en/docs/http/server_names.html): an exact name
 * first, then the regex names ingress-nginx writes for wildcard hosts, in configuration order (servers are
 * sorted by hostname); otherwise the default server `_`. A request without a Host goes to `_` too.
 */
export function selectNginxServer(configuration: NginxConfiguration, requestHost: string | null): NginxServer {
  const host = normalizeRequestHost(requestHost);
  const catchAll = configuration.servers.find((s) => s.hostname === CATCH_ALL_SERVER)!;
  if (host === null) return catchAll;
  const exact = configuration.servers.find((s) => s.hostname !== CATCH_ALL_SERVER && !isWildcardHost(s.hostname) && s.hostname === host);
  if (exact) return exact;
  return configuration.servers.find((s) => isWildcardHost(s.hostname) && matchIngressHost(s.hostname, host)) ?? catchAll;
}

/**
 * A quantified group that itself contains a quantifier (`(a+)+`, `(\w*)*`) can take exponential time to fail
 * in a backtracking engine. PCRE stops such a match at its backtracking limit and nginx answers 500; the
 * simulator, which must answer every learner in milliseconds, refuses to run it at all.
 */
export function isCatastrophicRegex(source: string): boolean {
  return source.length > 512 || /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(source);
}

/** An nginx PCRE location path as a JavaScript RegExp; undefined when it does not compile (or would not finish). */
export function compileNginxRegex(pattern: string, anchored: boolean): RegExp | undefined {
  // PCRE's inline (?i) is the only flag ingress-nginx users write; every ingress-nginx regex is case-insensitive.
  const source = pattern.replace(/^\(\?i\)/, "");
  if (isCatastrophicRegex(source)) return undefined;
  try {
    return new RegExp(anchored ? `^(?:${source})` : source, "i");
  } catch {
    return undefined;
  }
}

export interface LocationMatch {
  location: NginxLocation;
  /** Regex locations whose path does not compile, skipped (nginx would refuse to load such a configuration). */
  invalidRegex: NginxLocation[];
}

/**
 * nginx's location choice (https://nginx.org/en/docs/http/ngx_http_core_module.html#location): an exact
 * `= path` equal to the URI wins; otherwise the longest prefix location that starts the URI. When the host
 * uses regex locations (use-regex or rewrite-target anywhere on it), every location is `~* "^path"` and the
 * first in configuration order that matches wins; ingress-nginx orders them by descending path length
 * (docs/user-guide/ingress-path-matching.md "Path Priority"). The root location `/` always exists, so some
 * location always matches.
 */
export function matchNginxLocation(server: NginxServer, uri: string): LocationMatch {
  const invalidRegex: NginxLocation[] = [];
  if (server.enforceRegex) {
    for (const location of server.locations) {
      const regex = compileNginxRegex(location.path, true);
      if (!regex) {
        invalidRegex.push(location);
        continue;
      }
      if (regex.test(uri)) return { location, invalidRegex };
    }
    return { location: rootOf(server), invalidRegex };
  }
  const exact = server.locations.find((l) => l.modifier === "exact" && l.path === uri);
  if (exact) return { location: exact, invalidRegex };
  let best: NginxLocation | undefined;
  for (const location of server.locations) {
    if (location.modifier !== "prefix" || !uri.startsWith(location.path)) continue;
    if (!best || location.path.length > best.path.length) best = location;
  }
  return { location: best ?? rootOf(server), invalidRegex };
}

function rootOf(server: NginxServer): NginxLocation {
  return server.locations.find((l) => l.path === "/")!;
}

function decodePercent(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The request-target split into nginx's $uri and $args. $uri is normalised as nginx does before matching
 * locations (ngx_http_parse_complex_uri): %XX decoded, `//` merged (merge_slashes on), `.` and `..` segments
 * resolved.
 */
export function parseRequestPath(target: string): { uri: string; query: string } {
  const withoutFragment = target.split("#", 1)[0];
  const q = withoutFragment.indexOf("?");
  const raw = q === -1 ? withoutFragment : withoutFragment.slice(0, q);
  const query = q === -1 ? "" : withoutFragment.slice(q + 1);
  const segments: string[] = [];
  const parts = decodePercent(raw.startsWith("/") ? raw : `/${raw}`).split("/");
  parts.forEach((segment, i) => {
    const last = i === parts.length - 1;
    if (segment === "..") segments.pop();
    if (segment === "." || segment === "..") {
      if (last) segments.push("");
      return;
    }
    if (segment === "" && !last) return;
    segments.push(segment);
  });
  return { uri: `/${segments.join("/")}`, query };
}
