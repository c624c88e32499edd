import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta as ApiObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";

/**
 * The subset of cert-manager's API (cert-manager.io/v1) the course uses: an issuer, and a Certificate that
 * the ingress-shim creates for an Ingress annotated `cert-manager.io/cluster-issuer`
 * (https://cert-manager.io/docs/usage/ingress/).
 */
export interface IssuerSpec {
  acme?: { server?: string; email?: string; privateKeySecretRef?: { name?: string }; solvers?: unknown[] };
  selfSigned?: Record<string, never>;
  ca?: { secretName?: string };
}

export interface ClusterIssuer {
  apiVersion: "cert-manager.io/v1";
  kind: "ClusterIssuer";
  metadata?: ApiObjectMeta;
  spec?: IssuerSpec;
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}

export interface Issuer {
  apiVersion: "cert-manager.io/v1";
  kind: "Issuer";
  metadata?: ApiObjectMeta;
  spec?: IssuerSpec;
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}

export interface Certificate {
  apiVersion: "cert-manager.io/v1";
  kind: "Certificate";
  metadata?: ApiObjectMeta;
  spec?: {
    secretName?: string;
    dnsNames?: string[];
    issuerRef?: { name?: string; kind?: "Issuer" | "ClusterIssuer"; group?: string };
  };
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[]; notAfter?: string };
}
