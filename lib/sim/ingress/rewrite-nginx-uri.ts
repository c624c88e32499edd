import type { NginxLocation } from "./build-nginx-configuration";
import { compileNginxRegex } from "./match-nginx-location";

export interface UriRewrite {
  /** The URI and query sent to the backend. */
  uri: string;
  query: string;
  /** Whether rewrite-target changed anything. */
  rewritten: boolean;
  /** The capture groups of the rewrite regex, for explanations ($1 is captures[1]). */
  captures?: string[];
}

/**
 * rewrite-target as ingress-nginx writes it (internal/ingress/controller/template/template.go buildProxyPass):
 * `rewrite "(?i)<location path>" <target> break;` unless the target equals the path. nginx's rewrite matches
 * the regex anywhere in $uri (it is not anchored), replaces the whole URI with the target after substituting
 * $1…$9 (an unmatched group is empty), and keeps the original query string unless the target has its own
 * `?` (https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#rewrite). Without a match the URI is unchanged.
 */
export function rewriteNginxUri(location: NginxLocation, uri: string, query: string): UriRewrite {
  const target = location.annotations.rewriteTarget;
  if (target === undefined || target === "" || target === location.path) return { uri, query, rewritten: false };
  const regex = compileNginxRegex(location.path, false);
  const match = regex?.exec(uri);
  if (!match) return { uri, query, rewritten: false };
  const replaced = target.replace(/\$([1-9])/g, (_all, n: string) => match[Number(n)] ?? "");
  const q = replaced.indexOf("?");
  if (q !== -1) {
    // A target ending in "?" drops the original arguments; other arguments in it come first.
    const extra = replaced.slice(q + 1);
    const args = replaced.endsWith("?") ? "" : [extra, query].filter((s) => s !== "").join("&");
    return { uri: replaced.slice(0, q) || "/", query: args, rewritten: true, captures: [...match].map((m) => m ?? "") };
  }
  return { uri: replaced === "" ? "/" : replaced, query, rewritten: true, captures: [...match].map((m) => m ?? "") };
}
