import type { Result } from "../result";
import { err, ok } from "../result";

export interface HttpUrl {
  scheme: "http" | "https";
  host: string;
  /** The port to dial: explicit, or the scheme's default. */
  port: number;
  /** Whether the URL named the port (the Host header then carries it). */
  explicitPort: boolean;
  /** Path, starting with `/`. */
  path: string;
  /** Query string without `?`, "" when absent. */
  query: string;
}

/**
 * Parses the URL the way curl does for the cases learners type: the scheme is optional (curl assumes http),
 * the port defaults to 80 or 443, the path to `/` (https://curl.se/docs/url-syntax.html). Errors are curl's,
 * with its exit codes: 1 unsupported protocol, 3 malformed URL.
 */
export function parseHttpUrl(text: string): Result<HttpUrl, { code: number; message: string }> {
  const trimmed = text.trim();
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(trimmed);
  const scheme = (schemeMatch?.[1] ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") return err({ code: 1, message: `Protocol "${scheme}" not supported` });
  const rest = schemeMatch ? trimmed.slice(schemeMatch[0].length) : trimmed;
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  let tail = authorityEnd === -1 ? "" : rest.slice(authorityEnd);
  const hash = tail.indexOf("#");
  if (hash !== -1) tail = tail.slice(0, hash);
  const hostPort = authority.includes("@") ? authority.slice(authority.lastIndexOf("@") + 1) : authority;
  const portMatch = /^(.*?)(?::([0-9]*))?$/.exec(hostPort);
  const host = (portMatch?.[1] ?? "").toLowerCase();
  if (host === "" || /[\s<>"{}|\\^`]/.test(host)) return err({ code: 3, message: "URL rejected: No host part in the URL" });
  const portText = portMatch?.[2];
  const port = portText ? Number(portText) : scheme === "https" ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return err({ code: 3, message: "URL rejected: Port number was not a decimal number between 0 and 65535" });
  const question = tail.indexOf("?");
  const path = (question === -1 ? tail : tail.slice(0, question)) || "/";
  const query = question === -1 ? "" : tail.slice(question + 1);
  return ok({ scheme, host, port, explicitPort: !!portText, path: path.startsWith("/") ? path : `/${path}`, query });
}
