import type { IIngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import type { FieldError } from "./field-error";
import { forbidden, immutable, invalid, notSupported, required, tooLong } from "./field-errors";
import { isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain, regexError } from "./dns-names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

const MAX_CONTROLLER_LENGTH = 250;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPath = new RegExp(`^${HTTP_PATH_FMT}$`);

/**
 * ValidateIngressClass (kubernetes/kubernetes pkg/apis/networking/validation/validation.go): the controller
 * is a domain-prefixed path such as `k8s.io/ingress-nginx` (apimachinery IsDomainPrefixedPath), at most 250
 * characters, and immutable. The parameters scope is defaulted to Cluster (pkg/apis/networking/v1/defaults.go).
 */
export function validateIngressClass(ingressClass: IIngressClass): FieldError[] {
  const errors = validateObjectMeta(ingressClass.metadata, nameIsDNSSubdomain);
  const controller = ingressClass.spec?.controller ?? "";
  if (controller.length > MAX_CONTROLLER_LENGTH) errors.push(tooLong("spec.controller", MAX_CONTROLLER_LENGTH));
  errors.push(...isDomainPrefixedPath("spec.controller", controller));
  errors.push(...validateParameters(ingressClass.spec?.parameters));
  return errors;
}

/** validateIngressClassParametersReference: a typed reference plus a scope, namespaced or cluster-wide. */
function validateParameters(parameters: NonNullable<IIngressClass["spec"]>["parameters"]): FieldError[] {
  if (!parameters) return [];
  const errors: FieldError[] = [];
  if (parameters.apiGroup !== undefined) {
    for (const msg of isDNS1123Subdomain(parameters.apiGroup)) errors.push(invalid("spec.parameters.apiGroup", parameters.apiGroup, msg));
  }
  if (!parameters.kind) errors.push(required("spec.parameters.kind", "kind is required"));
  else for (const msg of isValidPathSegmentName(parameters.kind)) errors.push(invalid("spec.parameters.kind", parameters.kind, msg));
  if (!parameters.name) errors.push(required("spec.parameters.name", "name is required"));
  else for (const msg of isValidPathSegmentName(parameters.name)) errors.push(invalid("spec.parameters.name", parameters.name, msg));
  const scope = parameters.scope;
  if (scope === undefined) return [...errors, required("spec.parameters.scope")];
  if (scope !== "Cluster" && scope !== "Namespace") return [...errors, notSupported("spec.parameters.scope", scope, ["Cluster", "Namespace"])];
  if (scope === "Namespace") {
    if (parameters.namespace === undefined) errors.push(required("spec.parameters.namespace", "`parameters.scope` is set to 'Namespace'"));
    else for (const msg of nameIsDNSLabel(parameters.namespace, false)) errors.push(invalid("spec.parameters.namespace", parameters.namespace, msg));
  } else if (parameters.namespace !== undefined) {
    errors.push(forbidden("spec.parameters.namespace", "`parameters.scope` is set to 'Cluster'"));
  }
  return errors;
}

/** IsValidPathSegmentName (apimachinery pkg/api/validation/path/name.go): the name must fit in a URL path. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const illegal of ["/", "%"]) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  return errs;
}

function isDomainPrefixedPath(path: string, value: string): FieldError[] {
  if (value.length === 0) return [required(path)];
  const slash = value.indexOf("/");
  const host = slash === -1 ? value : value.slice(0, slash);
  const rest = slash === -1 ? "" : value.slice(slash + 1);
  if (slash === -1 || host.length === 0 || rest.length === 0) {
    return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errors = isDNS1123Subdomain(host).map((msg) => invalid(path, host, msg));
  if (!httpPath.test(rest)) errors.push(invalid(path, rest, regexError("Invalid path", HTTP_PATH_FMT)));
  return errors;
}

export function validateIngressClassUpdate(ingressClass: IIngressClass, old: IIngressClass): FieldError[] {
  const errors = validateObjectMetaUpdate(ingressClass.metadata, old.metadata);
  if ((ingressClass.spec?.controller ?? "") !== (old.spec?.controller ?? "")) {
    errors.push(immutable("spec.controller", ingressClass.spec?.controller ?? ""));
  }
  return [...errors, ...validateIngressClass(ingressClass)];
}
