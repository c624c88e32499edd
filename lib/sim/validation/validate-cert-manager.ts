import type { Certificate, ClusterIssuer, Issuer } from "../objects/cert-manager";
import type { FieldError } from "./field-error";
import { forbidden, notSupported, required } from "./field-errors";
import { nameIsDNSSubdomain } from "./dns-names";
import { validateObjectMeta } from "./validate-object-meta";

/**
 * The checks cert-manager's validating webhook makes on the fields the course uses
 * (cert-manager/cert-manager internal/apis/certmanager/validation/issuer.go and certificate.go):
 * an issuer configures exactly one issuer type; a Certificate names its Secret, its issuer, and at least
 * one identity.
 */
export function validateIssuer(issuer: Issuer | ClusterIssuer): FieldError[] {
  const errors = validateObjectMeta(issuer.metadata, nameIsDNSSubdomain);
  const spec = issuer.spec ?? {};
  const configured = (["acme", "ca", "selfSigned"] as const).filter((type) => spec[type] !== undefined);
  if (configured.length === 0) errors.push(required("spec", "at least one issuer must be configured"));
  else if (configured.length > 1) errors.push(forbidden(`spec.${configured[1]}`, "may not specify more than one issuer type"));
  if (spec.acme) {
    if (!spec.acme.server) errors.push(required("spec.acme.server", "ACME server URL is required"));
    if (!spec.acme.privateKeySecretRef?.name) errors.push(required("spec.acme.privateKeySecretRef.name", "private key secret name is a required field"));
  }
  if (spec.ca && !spec.ca.secretName) errors.push(required("spec.ca.secretName"));
  return errors;
}

export function validateCertificate(certificate: Certificate): FieldError[] {
  const errors = validateObjectMeta(certificate.metadata, nameIsDNSSubdomain);
  const spec = certificate.spec ?? {};
  if (!spec.secretName) errors.push(required("spec.secretName", "must be specified"));
  if (!spec.issuerRef?.name) errors.push(required("spec.issuerRef.name", "must be specified"));
  const kind = spec.issuerRef?.kind;
  if (kind !== undefined && kind !== "Issuer" && kind !== "ClusterIssuer") {
    errors.push(notSupported("spec.issuerRef.kind", kind, ["Issuer", "ClusterIssuer"]));
  }
  if ((spec.dnsNames ?? []).length === 0) {
    errors.push(required("spec", "at least one of commonName, dnsNames, uriSANs, ipAddresses, emailSANs or otherNames must be set"));
  }
  return errors;
}
