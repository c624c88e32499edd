import type { ClusterState } from "../cluster-state";
import type { Ingress } from "../objects/kinds";

const CLUSTER_ISSUER_ANNOTATION = "cert-manager.io/cluster-issuer";
const ISSUER_ANNOTATION = "cert-manager.io/issuer";

/**
 * Why a TLS Secret an Ingress names does not exist yet, in cert-manager's terms
 * (https://cert-manager.io/docs/usage/ingress/: the ingress-shim creates a Certificate named after
 * spec.tls[].secretName for an Ingress annotated cert-manager.io/cluster-issuer or cert-manager.io/issuer, and
 * the Secret appears once that Certificate is Ready; https://cert-manager.io/docs/troubleshooting/).
 */
export function explainMissingCertificate(state: ClusterState, ingress: Ingress, secretName: string): string {
  const namespace = ingress.metadata.namespace ?? "default";
  const certificate = state.list("Certificate", namespace).find((c) => c.spec?.secretName === secretName);
  const annotations = ingress.metadata.annotations ?? {};
  if (!certificate) {
    if (annotations[CLUSTER_ISSUER_ANNOTATION] || annotations[ISSUER_ANNOTATION]) {
      return `The Ingress asks cert-manager for it, but no Certificate ${namespace}/${secretName} exists: is cert-manager installed and running?`;
    }
    return `Create it (kubectl create secret tls ${secretName} --cert=tls.crt --key=tls.key -n ${namespace}) or let cert-manager issue it by annotating the Ingress with ${CLUSTER_ISSUER_ANNOTATION}.`;
  }
  const name = `Certificate ${namespace}/${certificate.metadata.name}`;
  // The issuer is checked first: cert-manager reports a missing one on the CertificateRequest
  // (`Referenced "ClusterIssuer" not found`) while the Certificate itself only says the Secret does not exist.
  // cert-manager's issuerRef.kind defaults to Issuer (a namespaced issuer).
  const kind = certificate.spec?.issuerRef?.kind ?? "Issuer";
  const issuerName = certificate.spec?.issuerRef?.name ?? "";
  const issuer = kind === "ClusterIssuer" ? state.get("ClusterIssuer", issuerName) : state.get("Issuer", issuerName, namespace);
  if (!issuer) return `${name} not ready: ${kind} ${issuerName} not found`;
  const issuerReady = issuer.status?.conditions?.find((c) => c.type === "Ready");
  if (issuerReady?.status === "False") return `${name} not ready: ${kind} ${issuerName} is not ready${issuerReady.message ? ` (${issuerReady.message})` : ""}`;
  const ready = certificate.status?.conditions?.find((c) => c.type === "Ready");
  if (ready?.status === "False" && ready.message) return `${name} not ready: ${ready.message}`;
  return `${name} is still being issued by ${kind} ${issuerName}; the Secret appears when it is Ready (kubectl describe certificate ${certificate.metadata.name} -n ${namespace}).`;
}
