import type { ClusterState } from "../cluster-state";
import type { Ingress, Secret } from "../objects/kinds";
import type { TraceHop } from "../network/trace";
import { CATCH_ALL_SERVER, type NginxServer } from "./build-nginx-configuration";
import { matchIngressHost } from "./match-ingress-host";
import { ingressHop, objectHop } from "./ingress-hop";
import { explainMissingCertificate } from "./explain-certificate";

/** The subject ingress-nginx gives the certificate it generates at start (internal/net/ssl/ssl.go GetFakeSSLCert). */
export const FAKE_CERTIFICATE_SUBJECT = "Kubernetes Ingress Controller Fake Certificate";

export interface CurlError {
  exitCode: number;
  message: string;
}

export interface TlsCertificateChoice {
  kind: "secret" | "fake";
  secret?: Secret;
  subject: string;
  /** Whether a client that verifies certificates (curl without -k) accepts it for the host. */
  trusted: boolean;
  curlError?: CurlError;
  /** The server has a certificate configured, which is what turns ssl-redirect on (lua_ingress.lua redirect_to_https). */
  configuredForHost: boolean;
  hops: TraceHop[];
}

/**
 * What curl prints after `curl: (60) <problem>` when certificate verification fails
 * (curl src/tool_operate.c CURL_CA_CERT_ERRORMSG), for the terminal to append.
 */
export const CURL_CERTIFICATE_HELP = [
  "More details here: https://curl.se/docs/sslcerts.html",
  "",
  "curl failed to verify the legitimacy of the server and therefore could not",
  "establish a secure connection to it. To learn more about this situation and",
  "how to fix it, please visit the web page mentioned above.",
].join("\n");

/**
 * curl's error for a certificate it rejects: exit code 60 and the problem as libcurl words it; like the other
 * HttpResult errors, the message has no `curl: (60) ` prefix (the terminal adds it, then CURL_CERTIFICATE_HELP).
 */
export function formatCurlCertificateError(problem: string): CurlError {
  return { exitCode: 60, message: problem };
}

function fake(hops: TraceHop[], configuredForHost: boolean): TlsCertificateChoice {
  // The fake certificate is self-signed: OpenSSL 3 reports X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT.
  return { kind: "fake", subject: `CN=${FAKE_CERTIFICATE_SUBJECT}`, trusted: false, curlError: formatCurlCertificateError("SSL certificate problem: self-signed certificate"), configuredForHost, hops };
}

/**
 * Whether a Secret issued by cert-manager verifies for `host`: its cert-manager.io/alt-names annotation lists
 * the names, and its issuer decides whether clients trust the chain (an ACME production issuer such as
 * Let's Encrypt is in every trust store; a selfSigned or private CA issuer is not). A Secret written by hand
 * carries none of this: its PEM is not parsed and it is taken as valid for the hosts that reference it.
 */
function verifySecret(state: ClusterState, secret: Secret, host: string): { trusted: boolean; problem?: string; note?: string } {
  const annotations = secret.metadata.annotations ?? {};
  const altNames = annotations["cert-manager.io/alt-names"];
  if (altNames !== undefined && !altNames.split(",").some((name) => name.trim().toLowerCase() === host || (name.trim().startsWith("*.") && matchIngressHost(name.trim(), host)))) {
    return { trusted: false, problem: `SSL: no alternative certificate subject name matches target host name '${host}'` };
  }
  const issuerName = annotations["cert-manager.io/issuer-name"];
  if (issuerName === undefined) return { trusted: true, note: "the certificate's PEM is not inspected; it is taken as valid for this host" };
  const issuer = annotations["cert-manager.io/issuer-kind"] === "Issuer" ? state.get("Issuer", issuerName, secret.metadata.namespace) : state.get("ClusterIssuer", issuerName);
  if (issuer?.spec?.selfSigned) return { trusted: false, problem: "SSL certificate problem: self-signed certificate" };
  if (issuer?.spec?.ca || /staging/.test(issuer?.spec?.acme?.server ?? "")) return { trusted: false, problem: "SSL certificate problem: unable to get local issuer certificate" };
  return { trusted: true };
}

/**
 * The certificate ingress-nginx presents for a TLS connection (internal/ingress/controller/controller.go
 * createServers and extractTLSSecretName): the Secret named in the spec.tls entry of the first (oldest) Ingress
 * with TLS for the host; otherwise, or when that Secret is missing or holds no tls.crt/tls.key, the controller's
 * self-signed "Kubernetes Ingress Controller Fake Certificate".
 */
export function resolveTlsCertificate(state: ClusterState, server: NginxServer, host: string | null): TlsCertificateChoice {
  const hops: TraceHop[] = [];
  const name = host ?? "(no SNI)";
  if (server.hostname === CATCH_ALL_SERVER || !server.tls) {
    hops.push({ kind: "ingress", outcome: "fail", summary: `No Ingress lists ${name} under spec.tls: ingress-nginx answers the TLS handshake with its default "${FAKE_CERTIFICATE_SUBJECT}".` });
    return fake(hops, false);
  }
  const { ingress, tlsIndex, secretName } = server.tls;
  const where = `${ingress.metadata.namespace}/${ingress.metadata.name}`;
  if (tlsIndex === undefined) {
    hops.push(ingressHop(state, ingress, "spec.tls", "fail", `Ingress ${where} has spec.tls but does not list ${name} in its hosts: ingress-nginx serves its "${FAKE_CERTIFICATE_SUBJECT}" for it.`));
    return fake(hops, true);
  }
  const field = `spec.tls[${tlsIndex}].secretName`;
  if (!secretName) {
    hops.push(ingressHop(state, ingress, `spec.tls[${tlsIndex}]`, "fail", `spec.tls[${tlsIndex}] has no secretName: ingress-nginx serves its "${FAKE_CERTIFICATE_SUBJECT}".`));
    return fake(hops, true);
  }
  const namespace = ingress.metadata.namespace ?? "default";
  const secret = state.get("Secret", secretName, namespace);
  if (!secret) {
    hops.push(ingressHop(state, ingress, field, "fail", `Secret ${namespace}/${secretName} does not exist: ingress-nginx serves its "${FAKE_CERTIFICATE_SUBJECT}" instead. ${explainMissingCertificate(state, ingress as Ingress, secretName)}`));
    return fake(hops, true);
  }
  const data = { ...(secret.data ?? {}), ...(secret.stringData ?? {}) };
  if (!data["tls.crt"] || !data["tls.key"]) {
    hops.push(objectHop(state, secret, "data", "fail", `Secret ${namespace}/${secretName} has no tls.crt and tls.key (type ${secret.type ?? "Opaque"}): ingress-nginx cannot use it and serves its "${FAKE_CERTIFICATE_SUBJECT}".`));
    return fake(hops, true);
  }
  const verdict = verifySecret(state, secret, host ?? "");
  hops.push(
    ingressHop(
      state,
      ingress,
      field,
      verdict.trusted ? "pass" : "fail",
      `TLS for ${name} terminates at the controller with the certificate in Secret ${namespace}/${secretName}${verdict.trusted ? "" : `, which curl rejects: ${verdict.problem}`}${verdict.note ? ` (${verdict.note})` : ""}.`,
    ),
  );
  return {
    kind: "secret",
    secret,
    subject: secret.metadata.annotations?.["cert-manager.io/common-name"] ? `CN=${secret.metadata.annotations["cert-manager.io/common-name"]}` : `Secret ${namespace}/${secretName}`,
    trusted: verdict.trusted,
    curlError: verdict.problem ? formatCurlCertificateError(verdict.problem) : undefined,
    configuredForHost: true,
    hops,
  };
}
