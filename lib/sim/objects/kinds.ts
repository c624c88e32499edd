import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { INode } from "kubernetes-models/v1/Node";
import type { IPod } from "kubernetes-models/v1/Pod";
import type { IService } from "kubernetes-models/v1/Service";
import type { IEndpoints } from "kubernetes-models/v1/Endpoints";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import type { IEndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";
import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import type { IIngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { Stored } from "./meta";
import type { Certificate, ClusterIssuer, Issuer } from "./cert-manager";

export type Namespace = Stored<INamespace>;
export type Node = Stored<INode>;
export type Pod = Stored<IPod>;
export type Service = Stored<IService>;
export type Endpoints = Stored<IEndpoints>;
export type Secret = Stored<ISecret>;
export type ConfigMap = Stored<IConfigMap>;
export type Deployment = Stored<IDeployment>;
export type ReplicaSet = Stored<IReplicaSet>;
export type EndpointSlice = Stored<IEndpointSlice>;
export type Ingress = Stored<IIngress>;
export type IngressClass = Stored<IIngressClass>;
export type NetworkPolicy = Stored<INetworkPolicy>;

/** Every kind the simulator stores, keyed by its API kind. */
export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  Pod: Pod;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  Secret: Secret;
  ConfigMap: ConfigMap;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  Ingress: Ingress;
  IngressClass: IngressClass;
  NetworkPolicy: NetworkPolicy;
  ClusterIssuer: Stored<ClusterIssuer>;
  Issuer: Stored<Issuer>;
  Certificate: Stored<Certificate>;
}

export type Kind = keyof KindMap;
export type AnyObject = KindMap[Kind];

export interface KindInfo {
  kind: Kind;
  /** group/version as written in apiVersion. */
  apiVersion: string;
  /** API group ("" for core). */
  group: string;
  /** Lower-case plural resource name (`services`, `networkpolicies`). */
  resource: string;
  /** Singular name kubectl accepts (`service`). */
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
}

/**
 * Resource names as the API server's discovery documents them (`kubectl api-resources`).
 * The qualified resource (`ingresses.networking.k8s.io`) is what error messages print.
 */
export const KIND_INFO: Readonly<Record<Kind, KindInfo>> = {
  Namespace: { kind: "Namespace", apiVersion: "v1", group: "", resource: "namespaces", singular: "namespace", shortNames: ["ns"], namespaced: false },
  Node: { kind: "Node", apiVersion: "v1", group: "", resource: "nodes", singular: "node", shortNames: ["no"], namespaced: false },
  Pod: { kind: "Pod", apiVersion: "v1", group: "", resource: "pods", singular: "pod", shortNames: ["po"], namespaced: true },
  Service: { kind: "Service", apiVersion: "v1", group: "", resource: "services", singular: "service", shortNames: ["svc"], namespaced: true },
  Endpoints: { kind: "Endpoints", apiVersion: "v1", group: "", resource: "endpoints", singular: "endpoints", shortNames: ["ep"], namespaced: true },
  EndpointSlice: { kind: "EndpointSlice", apiVersion: "discovery.k8s.io/v1", group: "discovery.k8s.io", resource: "endpointslices", singular: "endpointslice", shortNames: [], namespaced: true },
  Secret: { kind: "Secret", apiVersion: "v1", group: "", resource: "secrets", singular: "secret", shortNames: [], namespaced: true },
  ConfigMap: { kind: "ConfigMap", apiVersion: "v1", group: "", resource: "configmaps", singular: "configmap", shortNames: ["cm"], namespaced: true },
  Deployment: { kind: "Deployment", apiVersion: "apps/v1", group: "apps", resource: "deployments", singular: "deployment", shortNames: ["deploy"], namespaced: true },
  ReplicaSet: { kind: "ReplicaSet", apiVersion: "apps/v1", group: "apps", resource: "replicasets", singular: "replicaset", shortNames: ["rs"], namespaced: true },
  Ingress: { kind: "Ingress", apiVersion: "networking.k8s.io/v1", group: "networking.k8s.io", resource: "ingresses", singular: "ingress", shortNames: ["ing"], namespaced: true },
  IngressClass: { kind: "IngressClass", apiVersion: "networking.k8s.io/v1", group: "networking.k8s.io", resource: "ingressclasses", singular: "ingressclass", shortNames: [], namespaced: false },
  NetworkPolicy: { kind: "NetworkPolicy", apiVersion: "networking.k8s.io/v1", group: "networking.k8s.io", resource: "networkpolicies", singular: "networkpolicy", shortNames: ["netpol"], namespaced: true },
  ClusterIssuer: { kind: "ClusterIssuer", apiVersion: "cert-manager.io/v1", group: "cert-manager.io", resource: "clusterissuers", singular: "clusterissuer", shortNames: [], namespaced: false },
  Issuer: { kind: "Issuer", apiVersion: "cert-manager.io/v1", group: "cert-manager.io", resource: "issuers", singular: "issuer", shortNames: [], namespaced: true },
  Certificate: { kind: "Certificate", apiVersion: "cert-manager.io/v1", group: "cert-manager.io", resource: "certificates", singular: "certificate", shortNames: ["cert", "certs"], namespaced: true },
};

export const KINDS = Object.keys(KIND_INFO) as Kind[];

export function isKind(value: unknown): value is Kind {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(KIND_INFO, value);
}

/** `services`, `ingresses.networking.k8s.io`: the form the API server uses in messages. */
export function qualifiedResource(kind: Kind): string {
  const info = KIND_INFO[kind];
  return info.group === "" ? info.resource : `${info.resource}.${info.group}`;
}
