import type { ClusterState } from "../cluster-state";
import type { Ingress } from "../objects/kinds";
import { buildNginxConfiguration, CATCH_ALL_SERVER } from "./build-nginx-configuration";
import { listIngressControllers } from "./ingress-controller";
import { resolveIngressClass } from "./resolve-ingress-class";

/** The webhook the ingress-nginx manifests register (deploy/static/provider/cloud/deploy.yaml ValidatingWebhookConfiguration). */
export const NGINX_ADMISSION_WEBHOOK = "validate.nginx.ingress.kubernetes.io";

export type NginxAdmission = { allowed: true } | { allowed: false; webhook: string; reason: string };

/**
 * What ingress-nginx's validating admission webhook answers for an Ingress being created or updated
 * (internal/ingress/controller/controller.go CheckIngress): Ingresses of other classes pass untouched;
 * `*-snippet` annotations are refused while allow-snippet-annotations is false (the default); and a host and
 * path that another Ingress already serves is refused (checkOverlap: the configuration is rebuilt with the new
 * Ingress as the newest, and any other Ingress's location with that exact path on that host is a conflict,
 * whatever its pathType). The API server turns a denial into
 * `admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: <reason>`.
 * Allowed when no ingress-nginx controller runs.
 */
export function validateNginxAdmission(state: ClusterState, ingress: Ingress): NginxAdmission {
  const controller = listIngressControllers(state)[0]?.ref;
  if (!controller || !resolveIngressClass(state, ingress, controller).claimed) return { allowed: true };
  for (const key of Object.keys(ingress.metadata.annotations ?? {})) {
    if (key.endsWith("-snippet")) {
      return { allowed: false, webhook: NGINX_ADMISSION_WEBHOOK, reason: `${key} annotation cannot be used. Snippet directives are disabled by the Ingress administrator` };
    }
  }
  const namespace = ingress.metadata.namespace ?? "default";
  const isSelf = (other: Ingress) => (other.metadata.namespace ?? "default") === namespace && other.metadata.name === ingress.metadata.name;
  const others = state.list("Ingress").filter((other) => !isSelf(other) && resolveIngressClass(state, other, controller).claimed);
  // The API server stamps creationTimestamp before validating admission runs, so the new Ingress is the newest.
  const candidate: Ingress = { ...ingress, metadata: { ...ingress.metadata, creationTimestamp: ingress.metadata.creationTimestamp || state.now().toISOString() } };
  const configuration = buildNginxConfiguration([...others, candidate]);
  for (const rule of ingress.spec?.rules ?? []) {
    const host = rule.host ? rule.host.toLowerCase() : CATCH_ALL_SERVER;
    const server = configuration.servers.find((s) => s.hostname === host);
    for (const path of rule.http?.paths ?? []) {
      if (!path.backend.service) continue;
      const wanted = path.path || "/";
      const existing = server?.locations.find((l) => l.configPath === wanted && l.origin === "path" && l.ingress && !isSelf(l.ingress));
      if (existing?.ingress) {
        return {
          allowed: false,
          webhook: NGINX_ADMISSION_WEBHOOK,
          reason: `host "${host}" and path "${wanted}" is already defined in ingress ${existing.ingress.metadata.namespace ?? "default"}/${existing.ingress.metadata.name}`,
        };
      }
    }
  }
  return { allowed: true };
}
