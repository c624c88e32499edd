import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import type { IIngressBackend } from "kubernetes-models/networking.k8s.io/v1/IngressBackend";
import type { IHTTPIngressPath } from "kubernetes-models/networking.k8s.io/v1/HTTPIngressPath";
import type { FieldError } from "./field-error";
import { invalid, notSupported, required } from "./field-errors";
import { goLiteral } from "./format-field-error";
import { isDNS1035Label, isDNS1123Subdomain, isWildcardDNS1123Subdomain, nameIsDNSSubdomain } from "./dns-names";
import { parseIP } from "./ip-addresses";
import { isValidPortName, isValidPortNum } from "./ports";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

const PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];
const INVALID_PATH_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const INVALID_PATH_SUFFIXES = ["/..", "/."];

/**
 * ValidateIngressCreate → ValidateIngressSpec (kubernetes/kubernetes pkg/apis/networking/validation/validation.go):
 * rules or a defaultBackend, host syntax (DNS-1123 subdomain or a `*.` wildcard, never an IP), pathType,
 * absolute paths, one kind of backend with one kind of port, TLS hosts and secret names, ingressClassName.
 */
export function validateIngress(ingress: IIngress): FieldError[] {
  const errors = validateObjectMeta(ingress.metadata, nameIsDNSSubdomain);
  const spec = ingress.spec ?? {};
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    errors.push(invalid("spec", goLiteral("[]networking.IngressRule(nil)"), "either `defaultBackend` or `rules` must be specified"));
  }
  if (spec.defaultBackend) errors.push(...validateIngressBackend(spec.defaultBackend, "spec.defaultBackend"));
  rules.forEach((rule, i) => {
    const rulePath = `spec.rules[${i}]`;
    const host = rule.host ?? "";
    if (host.length > 0) {
      if (parseIP(host)) errors.push(invalid(`${rulePath}.host`, host, "must be a DNS name, not an IP address"));
      const msgs = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errors.push(invalid(`${rulePath}.host`, host, msg));
    }
    if (rule.http) {
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) errors.push(required(`${rulePath}.http.paths`));
      paths.forEach((path, j) => errors.push(...validateHTTPIngressPath(path, `${rulePath}.http.paths[${j}]`)));
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const msgs = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errors.push(invalid(`spec.tls[${i}].hosts[${j}]`, host, msg));
    });
    if (tls.secretName) for (const msg of nameIsDNSSubdomain(tls.secretName, false)) errors.push(invalid(`spec.tls[${i}].secretName`, tls.secretName, msg));
  });
  if (spec.ingressClassName !== undefined) {
    for (const msg of nameIsDNSSubdomain(spec.ingressClassName, false)) errors.push(invalid("spec.ingressClassName", spec.ingressClassName, msg));
  }
  return errors;
}

function validateHTTPIngressPath(path: IHTTPIngressPath, fieldPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const pathType = path.pathType as string | undefined;
  if (!pathType) return [required(`${fieldPath}.pathType`, "pathType must be specified")];
  const value = path.path ?? "";
  switch (pathType) {
    case "Exact":
    case "Prefix":
      if (!value.startsWith("/")) errors.push(invalid(`${fieldPath}.path`, value, "must be an absolute path"));
      if (value.length > 0) {
        for (const sequence of INVALID_PATH_SEQUENCES) {
          if (value.includes(sequence)) errors.push(invalid(`${fieldPath}.path`, value, `must not contain '${sequence}'`));
        }
        for (const suffix of INVALID_PATH_SUFFIXES) {
          if (value.endsWith(suffix)) errors.push(invalid(`${fieldPath}.path`, value, `cannot end with '${suffix}'`));
        }
      }
      break;
    case "ImplementationSpecific":
      if (value.length > 0 && !value.startsWith("/")) errors.push(invalid(`${fieldPath}.path`, value, "must be an absolute path"));
      break;
    default:
      errors.push(notSupported(`${fieldPath}.pathType`, pathType, PATH_TYPES));
  }
  errors.push(...validateIngressBackend(path.backend, `${fieldPath}.backend`));
  return errors;
}

/** validateIngressBackend: exactly one of service and resource; a service port by name or by number, not both. */
export function validateIngressBackend(backend: IIngressBackend | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const service = backend?.service;
  const resource = backend?.resource;
  if (service && resource) return [invalid(path, "", "cannot set both resource and service backends")];
  if (resource) {
    if (resource.apiGroup !== undefined) {
      for (const msg of isDNS1123Subdomain(resource.apiGroup)) errors.push(invalid(`${path}.resource.apiGroup`, resource.apiGroup, msg));
    }
    if (!resource.kind) errors.push(required(`${path}.resource.kind`, "kind is required"));
    if (!resource.name) errors.push(required(`${path}.resource.name`, "name is required"));
    return errors;
  }
  if (!service) return [invalid(path, "", "resource or service backend is required")];
  if (!service.name) errors.push(required(`${path}.service.name`));
  else for (const msg of isDNS1035Label(service.name)) errors.push(invalid(`${path}.service.name`, service.name, msg));
  const portName = service.port?.name ?? "";
  const portNumber = service.port?.number ?? 0;
  if (portName !== "" && portNumber !== 0) errors.push(invalid(path, "", "cannot set both port name & port number"));
  else if (portName !== "") for (const msg of isValidPortName(portName)) errors.push(invalid(`${path}.service.port.name`, portName, msg));
  else if (portNumber !== 0) for (const msg of isValidPortNum(portNumber)) errors.push(invalid(`${path}.service.port.number`, portNumber, msg));
  else errors.push(required(path, "port name or number is required"));
  return errors;
}

/**
 * ValidateIngressCreate also requires the legacy kubernetes.io/ingress.class annotation to agree with
 * spec.ingressClassName when both are set.
 */
export function validateIngressCreate(ingress: IIngress): FieldError[] {
  const errors = validateIngress(ingress);
  const annotation = ingress.metadata?.annotations?.["kubernetes.io/ingress.class"];
  const className = ingress.spec?.ingressClassName;
  if (annotation !== undefined && className !== undefined && annotation !== className) {
    errors.push(invalid("annotations.kubernetes.io/ingress.class", annotation, "must match `ingressClassName` when both are specified"));
  }
  return errors;
}

export function validateIngressUpdate(ingress: IIngress, old: IIngress): FieldError[] {
  return [...validateObjectMetaUpdate(ingress.metadata, old.metadata), ...validateIngress(ingress)];
}
