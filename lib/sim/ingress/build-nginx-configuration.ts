import type { IIngressBackend } from "kubernetes-models/networking.k8s.io/v1/IngressBackend";
import type { Ingress } from "../objects/kinds";
import { parseNginxAnnotations, type NginxAnnotations } from "./parse-nginx-annotations";

/** Where a request goes: a Service port (by number or by name) or, outside ingress-nginx, a resource. */
export interface IngressBackendTarget {
  namespace: string;
  service?: { name: string; port: number | string };
  resource?: { apiGroup?: string; kind: string; name: string };
}

/** What put a location into the server: an Ingress path, an Ingress's spec.defaultBackend, or the controller itself. */
export type LocationOrigin = "path" | "ingress-default-backend" | "controller-default-backend";

/** One nginx `location` block, as ingress-nginx writes it into nginx.conf. */
export interface NginxLocation {
  /** The location's path after ingress-nginx's normalisation (`/foo/` for Prefix `/foo`). */
  path: string;
  /** The path as the Ingress wrote it. */
  ingressPath: string;
  /** The path ingress-nginx itself writes for this location (differs from `path` only for a slash-less twin). */
  configPath: string;
  /** Exact or Prefix: ingress-nginx reads ImplementationSpecific (and a missing pathType) as Prefix. */
  pathType: "Exact" | "Prefix";
  /** The pathType as written, for explanations. */
  writtenPathType?: string;
  /** `= path`, `path` (prefix) or `~* "^path"` (case-insensitive regex). */
  modifier: "exact" | "prefix" | "regex";
  origin: LocationOrigin;
  ingress?: Ingress;
  rule?: number;
  pathIndex?: number;
  /** Undefined: the controller's default backend, which answers 404. */
  backend?: IngressBackendTarget;
  annotations: NginxAnnotations;
}

export interface NginxServerTls {
  ingress: Ingress;
  /** Index into spec.tls, or undefined when the host is not listed in that Ingress's spec.tls. */
  tlsIndex?: number;
  secretName?: string;
}

/** One nginx `server` block: a host (or `_`, the catch-all) and its locations in nginx.conf order. */
export interface NginxServer {
  hostname: string;
  locations: NginxLocation[];
  /** Some location uses use-regex or rewrite-target, so every location of the host becomes a regex. */
  enforceRegex: boolean;
  tls?: NginxServerTls;
}

/** Something ingress-nginx logs and skips while building its configuration. */
export interface ConfigurationNote {
  ingress: Ingress;
  field: string;
  summary: string;
}

export interface NginxConfiguration {
  servers: NginxServer[];
  /** The Ingresses in the controller's processing order (oldest first). */
  ingresses: Ingress[];
  notes: ConfigurationNote[];
}

export const CATCH_ALL_SERVER = "_";

/**
 * ingress-nginx processes Ingresses oldest first (internal/ingress/controller/store/store.go sortIngressSlice:
 * creationTimestamp ascending; equal timestamps by namespace/name descending), so on any conflict the oldest
 * Ingress wins.
 */
export function sortIngresses(ingresses: readonly Ingress[]): Ingress[] {
  return [...ingresses].sort((a, b) => {
    const ta = Date.parse(a.metadata.creationTimestamp);
    const tb = Date.parse(b.metadata.creationTimestamp);
    if (ta !== tb) return ta - tb;
    const ka = `${a.metadata.namespace}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace}/${b.metadata.name}`;
    return ka === kb ? 0 : ka > kb ? -1 : 1;
  });
}

function toTarget(ingress: Ingress, backend: IIngressBackend | undefined, includeResources: boolean): IngressBackendTarget | undefined {
  const namespace = ingress.metadata.namespace ?? "default";
  if (backend?.service) {
    const port = backend.service.port;
    return { namespace, service: { name: backend.service.name, port: port?.number !== undefined && port.number > 0 ? port.number : (port?.name ?? "") } };
  }
  if (backend?.resource && includeResources) {
    const { apiGroup, kind, name } = backend.resource;
    return { namespace, resource: { apiGroup: apiGroup ?? undefined, kind, name } };
  }
  return undefined;
}

function needsRewrite(location: NginxLocation): boolean {
  const target = location.annotations.rewriteTarget;
  return target !== undefined && target !== "" && target !== location.path;
}

/**
 * The servers and locations ingress-nginx generates from a set of Ingresses (internal/ingress/controller/
 * controller.go createServers, getBackendServers; location.go updateServerLocations; template.go buildLocation,
 * enforceRegexModifier). `controllerIndependent` is the Ingress API's own view, used when no controller runs:
 * `backend.resource` targets are kept (ingress-nginx skips them), and the oldest spec.defaultBackend answers
 * whatever no rule matches even when its Ingress has rules
 * (https://kubernetes.io/docs/concepts/services-networking/ingress/#default-backend), where ingress-nginx uses
 * such a defaultBackend only for the hosts that Ingress names.
 */
export function buildNginxConfiguration(ingresses: readonly Ingress[], options: { controllerIndependent?: boolean } = {}): NginxConfiguration {
  const includeResources = options.controllerIndependent === true;
  const sorted = sortIngresses(ingresses);
  const notes: ConfigurationNote[] = [];
  const defaultAnnotations = parseNginxAnnotations(undefined);
  const root = (origin: LocationOrigin, annotations: NginxAnnotations, ingress?: Ingress, backend?: IngressBackendTarget): NginxLocation => ({
    path: "/", ingressPath: "/", configPath: "/", pathType: "Prefix", modifier: "prefix", origin, ingress, backend, annotations,
  });
  const servers = new Map<string, NginxServer>();
  servers.set(CATCH_ALL_SERVER, { hostname: CATCH_ALL_SERVER, locations: [root("controller-default-backend", defaultAnnotations)], enforceRegex: false });

  const parsed = new Map(sorted.map((ingress) => [ingress, parseNginxAnnotations(ingress)]));
  for (const ingress of sorted) {
    const annotations = parsed.get(ingress)!;
    const defaultTarget = toTarget(ingress, ingress.spec?.defaultBackend ?? undefined, includeResources);
    const rules = ingress.spec?.rules ?? [];
    const catchAll = servers.get(CATCH_ALL_SERVER)!;
    if (defaultTarget && rules.length > 0 && !includeResources) {
      notes.push({ ingress, field: "spec.defaultBackend", summary: "ingress-nginx uses the spec.defaultBackend of an Ingress that has rules only for the hosts that Ingress names (and only if it is the oldest Ingress for them); requests for other hosts, or with no host, get the controller's 404." });
    }
    if (defaultTarget && (rules.length === 0 || includeResources) && catchAll.locations[0].origin === "controller-default-backend") {
      // "Ingress defines a backend but no rule. Using it to configure the catch-all server"; its rewrite and
      // redirect settings are not applied to the catch-all.
      catchAll.locations[0] = root("ingress-default-backend", { ...annotations, rewriteTarget: undefined, useRegex: false, appRoot: undefined, redirect: undefined, sslRedirect: true, forceSslRedirect: false }, ingress, defaultTarget);
    }
    for (const rule of rules) {
      const host = rule.host ? rule.host.toLowerCase() : CATCH_ALL_SERVER;
      if (servers.has(host)) continue;
      const location = defaultTarget ? root("ingress-default-backend", annotations, ingress, defaultTarget) : root("controller-default-backend", annotations, ingress);
      servers.set(host, { hostname: host, locations: [location], enforceRegex: false });
    }
  }

  for (const ingress of sorted) {
    for (const rule of ingress.spec?.rules ?? []) {
      const host = rule.host ? rule.host.toLowerCase() : CATCH_ALL_SERVER;
      const server = servers.get(host)!;
      if (host === CATCH_ALL_SERVER || server.tls || (ingress.spec?.tls ?? []).length === 0) continue;
      const tlsIndex = (ingress.spec?.tls ?? []).findIndex((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host));
      server.tls = { ingress, tlsIndex: tlsIndex === -1 ? undefined : tlsIndex, secretName: tlsIndex === -1 ? undefined : (ingress.spec?.tls?.[tlsIndex].secretName ?? undefined) };
    }
  }

  for (const ingress of sorted) {
    const annotations = parsed.get(ingress)!;
    (ingress.spec?.rules ?? []).forEach((rule, ruleIndex) => {
      const server = servers.get(rule.host ? rule.host.toLowerCase() : CATCH_ALL_SERVER)!;
      (rule.http?.paths ?? []).forEach((httpPath, pathIndex) => {
        const field = `spec.rules[${ruleIndex}].http.paths[${pathIndex}]`;
        const backend = toTarget(ingress, httpPath.backend, includeResources);
        if (!backend) {
          notes.push({ ingress, field: `${field}.backend`, summary: "ingress-nginx skips a path whose backend is not a Service (resource backends are not supported); the host's default backend answers it." });
          return;
        }
        // internal/k8s/main.go SetDefaultNGINXPathType: ImplementationSpecific and unset are Prefix.
        const pathType = httpPath.pathType === "Exact" ? "Exact" : "Prefix";
        const nginxPath = httpPath.path ? httpPath.path : "/";
        const same = server.locations.find((l) => l.path === nginxPath);
        if (same && same.pathType === pathType) {
          if (same.origin === "path") {
            const owner = same.ingress!;
            notes.push({
              ingress,
              field: `${field}.path`,
              summary: `host ${server.hostname === CATCH_ALL_SERVER ? "(any)" : server.hostname} already has ${pathType} ${nginxPath} from the older Ingress ${owner.metadata.namespace}/${owner.metadata.name}; ingress-nginx keeps the oldest and ignores this path.`,
            });
            return;
          }
          Object.assign(same, { origin: "path", ingress, rule: ruleIndex, pathIndex, backend, annotations, writtenPathType: httpPath.pathType });
          return;
        }
        server.locations.push({
          path: nginxPath, ingressPath: nginxPath, configPath: nginxPath, pathType, writtenPathType: httpPath.pathType, modifier: "prefix", origin: "path",
          ingress, rule: ruleIndex, pathIndex, backend, annotations,
        });
      });
    });
  }

  for (const server of servers.values()) finalizeLocations(server);
  return { servers: [...servers.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0)), ingresses: sorted, notes };
}

/** Sort by descending length (then descending path), add the exact twin of each Prefix path, pick modifiers. */
function finalizeLocations(server: NginxServer): void {
  const sorted = [...server.locations]
    .sort((a, b) => (a.path === b.path ? 0 : a.path > b.path ? -1 : 1))
    .sort((a, b) => b.path.length - a.path.length);
  const exactPaths = new Set(sorted.filter((l) => l.pathType === "Exact").map((l) => l.path));
  const writtenPaths = new Set(sorted.map((l) => l.path));
  const locations: NginxLocation[] = [];
  for (const location of sorted) {
    if (location.path === "/" || location.pathType !== "Prefix" || needsRewrite(location) || location.annotations.useRegex) {
      locations.push(location);
      continue;
    }
    // location.go: a Prefix path /foo becomes `location /foo/` plus `location = /foo`, so /foobar does not
    // match. For a Prefix path written with a trailing slash (/aaa/bbb/) the twin is `= /aaa/bbb`: the Ingress
    // API says Prefix ignores the trailing slash (the docs' Examples table; ingress-controller-conformance
    // features/path_rules.feature "prefix /aaa/bbb/ matches request /aaa/bbb"), where plain nginx would
    // answer 301 to /aaa/bbb/.
    // When another path already is /aaa/bbb, the twin keeps ingress-nginx's own path.
    const normalized = location.path.endsWith("/") ? location.path : `${location.path}/`;
    const trimmed = normalized.slice(0, -1);
    const twinPath = writtenPaths.has(trimmed) && trimmed !== location.path ? location.path : trimmed;
    const hadExact = exactPaths.has(twinPath);
    const exactTwin: NginxLocation = { ...location, path: twinPath, configPath: location.path, pathType: "Exact" };
    location.path = normalized;
    location.configPath = normalized;
    locations.push(location);
    if (!hadExact) locations.push(exactTwin);
  }
  server.enforceRegex = locations.some((l) => needsRewrite(l) || l.annotations.useRegex);
  for (const location of locations) {
    location.modifier = server.enforceRegex ? "regex" : location.pathType === "Exact" ? "exact" : "prefix";
  }
  server.locations = locations;
}
