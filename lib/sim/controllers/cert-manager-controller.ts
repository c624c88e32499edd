import type { Certificate, ClusterIssuer, Issuer } from "../objects/cert-manager";
import type { Ingress, Secret } from "../objects/kinds";
import type { Stored } from "../objects/meta";
import type { ControllerContext } from "./controller-context";
import { controllerRef, isControlledBy } from "./owner-references";
import { buildSimulatedPem, encodeBase64 } from "./simulated-pem";

type StoredCertificate = Stored<Certificate>;
type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; observedGeneration?: number };

const SOURCE = "cert-manager-certificates-issuing";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issuer readiness as cert-manager reports it (pkg/issuer/acme/setup.go, selfsigned, ca): an ACME issuer is
 * Ready once its account is registered (always, here), a selfSigned issuer is Ready, a CA issuer is Ready
 * when its CA Secret exists.
 */
function issuerCondition(ctx: ControllerContext, issuer: Stored<Issuer> | Stored<ClusterIssuer>): Condition {
  const spec = issuer.spec ?? {};
  if (spec.ca) {
    const namespace = issuer.kind === "Issuer" ? issuer.metadata.namespace : "cert-manager";
    const secretName = spec.ca.secretName ?? "";
    if (!ctx.get("Secret", secretName, namespace)) {
      return { type: "Ready", status: "False", reason: "ErrGetKeyPair", message: `Error getting keypair for CA issuer: secrets "${secretName}" not found` };
    }
    return { type: "Ready", status: "True", reason: "KeyPairVerified", message: "Signing CA verified" };
  }
  if (spec.acme) return { type: "Ready", status: "True", reason: "ACMEAccountRegistered", message: "The ACME account was registered with the ACME server" };
  return { type: "Ready", status: "True", reason: "IsReady", message: "" };
}

function withTransition(condition: Condition, previous: readonly Condition[] | undefined, now: string, generation?: number): Condition {
  const old = previous?.find((c) => c.type === condition.type);
  return { ...condition, lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : now, ...(generation ? { observedGeneration: generation } : {}) };
}

function reconcileIssuers(ctx: ControllerContext): void {
  for (const issuer of [...ctx.list("Issuer"), ...ctx.list("ClusterIssuer")]) {
    if (!ctx.isDirty(issuer.metadata.namespace ?? "cert-manager")) continue;
    const ready = withTransition(issuerCondition(ctx, issuer), issuer.status?.conditions, ctx.timestamp(), issuer.metadata.generation);
    ctx.update({ ...issuer, status: { ...issuer.status, conditions: [ready] } } as typeof issuer);
  }
}

/**
 * The ingress-shim (https://cert-manager.io/docs/usage/ingress/): an Ingress annotated
 * cert-manager.io/cluster-issuer or cert-manager.io/issuer gets one Certificate per spec.tls secretName,
 * named after the Secret, covering that entry's hosts, owned by the Ingress.
 */
function reconcileIngressShim(ctx: ControllerContext): void {
  for (const ingress of ctx.list("Ingress")) {
    if (!ctx.isDirty(ingress.metadata.namespace)) continue;
    const annotations = ingress.metadata.annotations ?? {};
    const clusterIssuer = annotations["cert-manager.io/cluster-issuer"];
    const issuer = annotations["cert-manager.io/issuer"];
    const issuerName = clusterIssuer ?? issuer;
    const namespace = ingress.metadata.namespace!;
    const wanted = new Map<string, string[]>();
    if (issuerName) {
      for (const tls of ingress.spec?.tls ?? []) {
        if (!tls.secretName) continue;
        wanted.set(tls.secretName, [...(wanted.get(tls.secretName) ?? []), ...(tls.hosts ?? [])]);
      }
    }
    const owned = ctx.list("Certificate", namespace).filter((c) => isControlledBy(c, ingress));
    for (const [secretName, hosts] of wanted) {
      const existing = ctx.get("Certificate", secretName, namespace);
      if (existing && !isControlledBy(existing, ingress)) continue;
      const spec = {
        dnsNames: [...new Set(hosts)],
        issuerRef: { group: "cert-manager.io", kind: clusterIssuer ? ("ClusterIssuer" as const) : ("Issuer" as const), name: issuerName! },
        secretName,
        usages: ["digital signature", "key encipherment"],
      };
      if (existing) ctx.update<StoredCertificate>({ ...existing, spec });
      else
        ctx.create<StoredCertificate>({
          apiVersion: "cert-manager.io/v1",
          kind: "Certificate",
          metadata: { name: secretName, namespace, ownerReferences: [controllerRef(ingress as Ingress)] },
          spec,
        });
    }
    for (const certificate of owned) if (!wanted.has(certificate.metadata.name)) ctx.delete({ kind: "Certificate", name: certificate.metadata.name, namespace });
  }
}

/**
 * Issuance (cert-manager's certificates controllers, condensed): with a Ready issuer the Certificate's Secret
 * is written (type kubernetes.io/tls, simulated PEM) and the Certificate is Ready; without one it stays
 * Ready False. The Certificate's own conditions read as cert-manager's do ("Issuing certificate as Secret
 * does not exist"); the reason the request is stuck (`Referenced "ClusterIssuer" not found: …`, which
 * cert-manager reports on the CertificateRequest) is recorded as a Warning event on the Certificate.
 */
function reconcileCertificates(ctx: ControllerContext): void {
  for (const certificate of ctx.list("Certificate")) {
    if (!ctx.isDirty(certificate.metadata.namespace)) continue;
    const namespace = certificate.metadata.namespace!;
    const ref = certificate.spec?.issuerRef;
    const kind = ref?.kind ?? "Issuer";
    const issuer = kind === "ClusterIssuer" ? ctx.get("ClusterIssuer", ref?.name ?? "") : ctx.get("Issuer", ref?.name ?? "", namespace);
    const issuerReady = issuer?.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
    const secretName = certificate.spec?.secretName ?? certificate.metadata.name;
    const now = ctx.timestamp();
    const previous = certificate.status?.conditions as Condition[] | undefined;
    if (!issuer || !issuerReady) {
      const reason = !issuer
        ? `Referenced "${kind}" not found: ${kind.toLowerCase()}.cert-manager.io "${ref?.name ?? ""}" not found`
        : `Referenced issuer does not have a Ready status condition`;
      const wasPending = previous?.some((c) => c.type === "Ready" && c.status === "False");
      const status = {
        conditions: [
          withTransition({ type: "Issuing", status: "True", reason: "DoesNotExist", message: "Issuing certificate as Secret does not exist" }, previous, now, certificate.metadata.generation),
          withTransition({ type: "Ready", status: "False", reason: "DoesNotExist", message: "Issuing certificate as Secret does not exist" }, previous, now, certificate.metadata.generation),
        ],
      };
      ctx.update<StoredCertificate>({ ...certificate, status });
      if (!wasPending) ctx.record({ type: "Warning", reason: issuer ? "IssuerNotReady" : "IssuerNotFound", message: reason, object: certificate, source: "cert-manager-certificaterequests-issuer" });
      continue;
    }
    const existingSecret = ctx.get("Secret", secretName, namespace);
    const dnsNames = certificate.spec?.dnsNames ?? [];
    const subject = dnsNames[0] ?? certificate.metadata.name;
    const annotations = {
      "cert-manager.io/alt-names": dnsNames.join(","),
      "cert-manager.io/certificate-name": certificate.metadata.name,
      "cert-manager.io/common-name": subject,
      "cert-manager.io/ip-sans": "",
      "cert-manager.io/issuer-group": ref?.group ?? "cert-manager.io",
      "cert-manager.io/issuer-kind": kind,
      "cert-manager.io/issuer-name": ref?.name ?? "",
      "cert-manager.io/uri-sans": "",
    };
    const data = { "tls.crt": encodeBase64(buildSimulatedPem("CERTIFICATE", subject)), "tls.key": encodeBase64(buildSimulatedPem("PRIVATE KEY", subject)) };
    const issuedBefore = existingSecret?.metadata.annotations?.["cert-manager.io/certificate-name"] === certificate.metadata.name;
    if (!existingSecret) {
      ctx.create<Secret>({ apiVersion: "v1", kind: "Secret", type: "kubernetes.io/tls", metadata: { name: secretName, namespace, annotations, labels: { "controller.cert-manager.io/fao": "true" } }, data });
    } else {
      ctx.update<Secret>({ ...existingSecret, type: existingSecret.type ?? "kubernetes.io/tls", metadata: { ...existingSecret.metadata, annotations: { ...(existingSecret.metadata.annotations ?? {}), ...annotations } }, data: { ...(existingSecret.data ?? {}), ...data } });
    }
    // Default duration 90 days, renewal at two thirds of it (https://cert-manager.io/docs/usage/certificate/).
    const notBefore = certificate.status && "notBefore" in certificate.status ? String((certificate.status as { notBefore?: string }).notBefore) : now;
    const start = Date.parse(notBefore);
    const status = {
      conditions: [withTransition({ type: "Ready", status: "True", reason: "Ready", message: "Certificate is up to date and has not expired" }, previous, now, certificate.metadata.generation)],
      notAfter: new Date(start + 90 * DAY_MS).toISOString().replace(".000Z", "Z"),
      notBefore,
      renewalTime: new Date(start + 60 * DAY_MS).toISOString().replace(".000Z", "Z"),
      revision: 1,
    };
    ctx.update<StoredCertificate>({ ...certificate, status } as StoredCertificate);
    if (!issuedBefore) ctx.record({ type: "Normal", reason: "Issuing", message: "The certificate has been successfully issued", object: certificate, source: SOURCE });
  }
}

/** cert-manager's controllers, in the order their work depends on each other. */
export function reconcileCertManager(ctx: ControllerContext): void {
  if (ctx.list("Issuer").length === 0 && ctx.list("ClusterIssuer").length === 0 && ctx.list("Certificate").length === 0 && !ctx.list("Ingress").some((i) => i.metadata.annotations?.["cert-manager.io/cluster-issuer"] || i.metadata.annotations?.["cert-manager.io/issuer"])) return;
  reconcileIssuers(ctx);
  reconcileIngressShim(ctx);
  reconcileCertificates(ctx);
}
