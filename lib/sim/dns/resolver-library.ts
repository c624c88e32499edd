import { parseImageReference } from "../images/parse-image-reference";

/**
 * Which C library's stub resolver a container uses; they walk the search list differently:
 * - glibc (resolv/res_query.c __res_context_search): a name with at least ndots dots is tried as-is first, then
 *   with each search domain; otherwise the search domains first and the name as-is last. NXDOMAIN and NODATA
 *   both move on to the next candidate.
 * - musl (src/network/lookup_name.c name_from_dns_search): a name with at least ndots dots is tried only
 *   as-is; otherwise the search domains, then as-is. Only NXDOMAIN moves on; NODATA ends the search.
 */
export type ResolverLibrary = "glibc" | "musl";

/** Alpine-based images use musl: netshoot and curlimages/curl are built on Alpine, as are `*-alpine` tags. */
export function resolverLibraryForImage(image: string | undefined): ResolverLibrary {
  const reference = image === undefined ? undefined : parseImageReference(image);
  if (!reference) return "glibc";
  if (reference.name === "docker.io/nicolaka/netshoot" || reference.name === "docker.io/curlimages/curl") return "musl";
  if (reference.name === "docker.io/library/alpine" || /(^|-)alpine|musl/.test(reference.tag)) return "musl";
  return "glibc";
}
