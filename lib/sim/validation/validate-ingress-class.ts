import type { IIngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import type { FieldError } from "./field-error";
import { immutable, invalid, required, tooLong } from "./field-errors";
import { isDNS1123Subdomain, nameIsDNSSubdomain, regexError } from "./dns-names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

const MAX_CONTROLLER_LENGTH = 250;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPath = new RegExp(`^${HTTP_PATH_FMT}$`);

/**
 * ValidateIngressClass (kubernetes/kubernetes pkg/apis/networking/validation/validation.go): the controller
 * is a domain-prefixed path such as `k8s.io/ingress-nginx` (apimachinery IsDomainPrefixedPath), at most 250
 * characters, and immutable.
 */
export function validateIngressClass(ingressClass: IIngressClass): FieldError[] {
  const errors = validateObjectMeta(ingressClass.metadata, nameIsDNSSubdomain);
  const controller = ingressClass.spec?.controller ?? "";
  if (controller.length > MAX_CONTROLLER_LENGTH) errors.push(tooLong("spec.controller", MAX_CONTROLLER_LENGTH));
  errors.push(...isDomainPrefixedPath("spec.controller", controller));
  const parameters = ingressClass.spec?.parameters;
  if (parameters) {
    if (!parameters.kind) errors.push(required("spec.parameters.kind", "kind is required"));
    if (!parameters.name) errors.push(required("spec.parameters.name", "name is required"));
    if (parameters.scope !== undefined && parameters.scope !== "Cluster" && parameters.scope !== "Namespace") {
      errors.push({ type: "FieldValueNotSupported", field: "spec.parameters.scope", badValue: parameters.scope, supported: ["Cluster", "Namespace"] });
    }
  }
  return errors;
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
