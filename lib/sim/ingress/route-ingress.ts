import type { ClusterState } from "../cluster-state";
import type { Ingress } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import type { TraceHop } from "../network/trace";
import { memoOf, memoSlot } from "../state-memo";
import { buildNginxConfiguration, CATCH_ALL_SERVER, type NginxConfiguration, type NginxLocation, type NginxServer } from "./build-nginx-configuration";
import { listIngressControllers, formatControllerRef, type IngressControllerRef } from "./ingress-controller";
import { isCatastrophicRegex, matchNginxLocation, parseRequestPath, selectNginxServer } from "./match-nginx-location";
import { matchIngressHost, normalizeRequestHost } from "./match-ingress-host";
import { resolveIngressClass } from "./resolve-ingress-class";
import { ingressHop, ingressRef } from "./ingress-hop";

export interface IngressRouteRequest {
  /** The Host header (or TLS SNI); null when the request carries none. */
  host: string | null;
  /** The request-target path, optionally with `?query`. */
  path: string;
  scheme?: "http" | "https";
}

export interface IngressRoute {
  ingress: ObjectRef;
  /** Index into spec.rules, absent for spec.defaultBackend. */
  rule?: number;
  /** Index into spec.rules[rule].http.paths. */
  path?: number;
  /** The pathType as written. */
  pathType?: string;
  backend: {
    service?: { namespace: string; name: string; port: number | string };
    resource?: { apiGroup?: string; kind: string; name: string };
  };
  /** The request fell to an Ingress's spec.defaultBackend rather than a path. */
  isDefaultBackend: boolean;
  hops: TraceHop[];
}

/** Everything the routing decided, for the data path (serveIngressRequest) as well as for routeIngress. */
export interface IngressRouteTrace {
  route: IngressRoute | null;
  controller?: IngressControllerRef;
  configuration: NginxConfiguration;
  server: NginxServer;
  location: NginxLocation;
  /** nginx's $uri and $args for the request. */
  uri: string;
  query: string;
  hops: TraceHop[];
}

/**
 * The Ingresses a controller serves, and a hop for each one it ignores whose rules could have matched the
 * request, so "my Ingress is ignored" is explained rather than silent.
 */
function collectServedIngresses(state: ClusterState, controller: IngressControllerRef | undefined, host: string | null, hops: TraceHop[]): Ingress[] {
  const all = state.list("Ingress");
  if (!controller) {
    hops.push({ kind: "ingress", outcome: "info", summary: "No ingress controller runs in the cluster: every Ingress is considered, as the Ingress API defines routing independently of any controller." });
    return [...all];
  }
  const served: Ingress[] = [];
  for (const ingress of all) {
    const decision = resolveIngressClass(state, ingress, controller);
    if (decision.claimed) {
      served.push(ingress);
      continue;
    }
    const relevant = (ingress.spec?.rules ?? []).some((r) => !r.host || matchIngressHost(r.host, host)) || (ingress.spec?.rules ?? []).length === 0;
    if (relevant) hops.push(ingressHop(state, ingress, decision.field ?? "spec", "fail", `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name} is not served by ${formatControllerRef(controller)}: ${decision.reason}`));
  }
  return served;
}

function describeServer(state: ClusterState, server: NginxServer, requestHost: string | null, configuration: NginxConfiguration): TraceHop {
  const host = normalizeRequestHost(requestHost);
  if (server.hostname !== CATCH_ALL_SERVER) {
    const owner = configuration.ingresses.find((i) => (i.spec?.rules ?? []).some((r) => r.host?.toLowerCase() === server.hostname))!;
    const ruleIndex = (owner.spec?.rules ?? []).findIndex((r) => r.host?.toLowerCase() === server.hostname);
    const how = server.hostname.startsWith("*.") ? `matches the wildcard ${server.hostname} (one DNS label)` : `equals ${server.hostname}`;
    return ingressHop(state, owner, `spec.rules[${ruleIndex}].host`, "pass", `Host ${host} ${how}: the request is served by the rules for that host, merged from every Ingress that names it.`);
  }
  const summary =
    host === null
      ? "The request has no Host header: it goes to the controller's default server, which holds the rules without a host."
      : `No Ingress rule has host ${host} (a wildcard covers exactly one label): the request goes to the default server, which holds the rules without a host.`;
  return { kind: "ingress", outcome: "info", summary };
}

function describeLocation(state: ClusterState, location: NginxLocation, uri: string, server: NginxServer): TraceHop {
  if (location.origin === "path") {
    const field = `spec.rules[${location.rule}].http.paths[${location.pathIndex}]`;
    const written = location.writtenPathType ?? "Prefix";
    const how = server.enforceRegex
      ? `matches the case-insensitive regex ^${location.ingressPath} (use-regex or rewrite-target on this host makes every path a regex, first match in order of descending length)`
      : location.pathType === "Exact" && location.ingressPath === uri
        ? `equals the ${written} path ${location.ingressPath}`
        : `matches the ${written} path ${location.ingressPath} element by element${written === "ImplementationSpecific" ? " (ingress-nginx treats ImplementationSpecific as Prefix)" : ""}; it is the longest matching path, and Exact wins a tie`;
    return ingressHop(state, location.ingress!, `${field}.path`, "pass", `Path ${uri} ${how}.`);
  }
  if (location.origin === "ingress-default-backend") {
    return ingressHop(state, location.ingress!, "spec.defaultBackend", "pass", `No path matches ${uri}: the request goes to spec.defaultBackend of Ingress ${location.ingress!.metadata.namespace}/${location.ingress!.metadata.name}.`);
  }
  const written = [...new Set(server.locations.filter((l) => l.origin === "path").map((l) => `${l.ingressPath} (${l.writtenPathType ?? "Prefix"})`))];
  const available = written.length > 0 ? ` The paths for ${server.hostname === CATCH_ALL_SERVER ? "requests without a matching host" : server.hostname} are ${written.join(", ")}.` : "";
  return { kind: "ingress", outcome: "fail", summary: `No path matches ${uri} and no spec.defaultBackend applies: the controller's default backend answers 404 Not Found.${available}` };
}

/**
 * The backend the location names, and whether it resolves: a Service port by number must be one of the
 * Service's spec.ports[].port, a port by name one of spec.ports[].name
 * (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-v1/#IngressBackend).
 */
function describeBackend(state: ClusterState, location: NginxLocation): TraceHop | undefined {
  if (!location.backend || !location.ingress) return undefined;
  const base = location.origin === "path" ? `spec.rules[${location.rule}].http.paths[${location.pathIndex}].backend` : "spec.defaultBackend";
  const { namespace, service, resource } = location.backend;
  if (resource) return ingressHop(state, location.ingress, `${base}.resource`, "pass", `The backend is ${resource.kind} ${resource.name}${resource.apiGroup ? ` (${resource.apiGroup})` : ""}, a resource backend.`);
  if (!service) return undefined;
  const object = state.get("Service", service.name, namespace);
  const portField = `${base}.service.port.${typeof service.port === "number" ? "number" : "name"}`;
  if (!object) return ingressHop(state, location.ingress, `${base}.service.name`, "fail", `The backend Service ${namespace}/${service.name} does not exist (kubectl get svc -n ${namespace}).`);
  const ports = object.spec?.ports ?? [];
  const port = typeof service.port === "number" ? ports.find((p) => p.port === service.port) : ports.find((p) => p.name === service.port);
  if (!port) {
    const known = ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(", ") || "none";
    return ingressHop(state, location.ingress, portField, "fail", `Service ${namespace}/${service.name} has no port ${typeof service.port === "number" ? service.port : `named "${service.port}"`}; its ports are ${known}.`);
  }
  const named = typeof service.port === "string" ? ` (port "${service.port}" is Service port ${port.port})` : "";
  return ingressHop(state, location.ingress, portField, "pass", `The backend is Service ${namespace}/${service.name} port ${port.port}${named}, targetPort ${port.targetPort ?? port.port}.`);
}

function chooseController(state: ClusterState, requested: IngressControllerRef | undefined): IngressControllerRef | undefined {
  if (requested) return requested;
  return listIngressControllers(state)[0]?.ref;
}

/**
 * The configuration built from the Ingresses served, kept by the state (state-memo.ts) while they are the
 * same stored objects: it is a function of those objects alone, and every request through the controller
 * (each HTTP check of a grade, each curl in a shell) asks for it again.
 */
function configurationFor(state: ClusterState, served: readonly Ingress[], controllerIndependent: boolean): NginxConfiguration {
  const cache = memoOf(state, CONFIGURATIONS);
  const key = controllerIndependent ? "independent" : "ingress-nginx";
  const cached = cache.get(key);
  if (cached && cached.served.length === served.length && cached.served.every((ingress, i) => ingress === served[i])) return cached.configuration;
  const configuration = buildNginxConfiguration(served, { controllerIndependent });
  cache.set(key, { served, configuration });
  return configuration;
}

const CONFIGURATIONS = memoSlot(() => new Map<string, { served: readonly Ingress[]; configuration: NginxConfiguration }>());

/** routeIngress with everything it decided, for serveIngressRequest and for explanations. */
export function traceIngressRoute(state: ClusterState, request: IngressRouteRequest, options: { controller?: IngressControllerRef } = {}): IngressRouteTrace {
  const controller = chooseController(state, options.controller);
  const hops: TraceHop[] = [];
  const served = collectServedIngresses(state, controller, request.host, hops);
  const configuration = configurationFor(state, served, controller === undefined);
  const { uri, query } = parseRequestPath(typeof request.path === "string" ? request.path : "/");
  const server = selectNginxServer(configuration, request.host);
  hops.push(describeServer(state, server, request.host, configuration));
  const { location, invalidRegex } = matchNginxLocation(server, uri);
  for (const bad of invalidRegex) {
    hops.push(ingressHop(state, bad.ingress!, `spec.rules[${bad.rule}].http.paths[${bad.pathIndex}].path`, "fail", isCatastrophicRegex(bad.ingressPath) ? `Path ${bad.ingressPath} nests quantifiers (like (a+)+), which can backtrack for ever; the simulator does not evaluate it and PCRE would give up with a 500.` : `Path ${bad.ingressPath} is not a valid regular expression; nginx cannot load it.`));
  }
  for (const note of configuration.notes) {
    if (note.field === "spec.defaultBackend" && location.origin !== "controller-default-backend") continue;
    if (note.field.startsWith("spec.rules[") && !(note.ingress.spec?.rules ?? []).some((r) => (r.host ? r.host.toLowerCase() : CATCH_ALL_SERVER) === server.hostname)) continue;
    hops.push(ingressHop(state, note.ingress, note.field, "info", note.summary));
  }
  hops.push(describeLocation(state, location, uri, server));
  const backendHop = describeBackend(state, location);
  if (backendHop) hops.push(backendHop);
  if (server.hostname !== CATCH_ALL_SERVER && location.origin !== "path") {
    // ingress-nginx puts host-less rules in the default server `_`, which nginx never consults for a Host that
    // has its own server block (controller.go getBackendServers: rule.Host "" → defServerName).
    const catchAll = configuration.servers.find((s) => s.hostname === CATCH_ALL_SERVER)!;
    const hostless = matchNginxLocation(catchAll, uri).location;
    if (hostless.origin === "path" && hostless.ingress) {
      hops.push(ingressHop(state, hostless.ingress, `spec.rules[${hostless.rule}].http.paths[${hostless.pathIndex}].path`, "info", `A rule without host also matches ${uri}, but ingress-nginx only uses host-less rules for Hosts no rule names; add the path under host ${server.hostname}.`));
    }
  }

  let route: IngressRoute | null = null;
  if (location.origin !== "controller-default-backend" && location.ingress && location.backend) {
    const { service, resource } = location.backend;
    route = {
      ingress: ingressRef(location.ingress),
      rule: location.origin === "path" ? location.rule : undefined,
      path: location.origin === "path" ? location.pathIndex : undefined,
      pathType: location.origin === "path" ? (location.writtenPathType ?? "Prefix") : undefined,
      backend: {
        service: service ? { namespace: location.backend.namespace, name: service.name, port: service.port } : undefined,
        resource,
      },
      isDefaultBackend: location.origin === "ingress-default-backend",
      hops,
    };
  }
  return { route, controller, configuration, server, location, uri, query, hops };
}

/**
 * Which backend the cluster's Ingresses send a request to: host matching (exact, case-insensitive; `*.foo.com`
 * covers one label), rules merged per host across the controller's Ingresses (oldest wins a conflict), path
 * matching with Exact, Prefix and ingress-nginx's ImplementationSpecific (Prefix, or a regex under use-regex /
 * rewrite-target), longest path first and Exact before Prefix on a tie
 * (https://kubernetes.io/docs/concepts/services-networking/ingress/#multiple-matches), then spec.defaultBackend.
 * Null when nothing matches and the controller's own default backend would answer 404. With `controller`
 * unset, the cluster's first ingress-nginx controller decides which Ingresses count; with none running, all do.
 */
export function routeIngress(state: ClusterState, request: IngressRouteRequest, options: { controller?: IngressControllerRef } = {}): IngressRoute | null {
  return traceIngressRoute(state, request, options).route;
}
