import type { Kind } from "../objects/kinds";

/**
 * Kinds whose metadata.generation the API server maintains: set to 1 on create and bumped when the desired
 * state changes (each kind's strategy PrepareForCreate/PrepareForUpdate in kubernetes/kubernetes
 * pkg/registry; custom resources always have it).
 */
export const GENERATION_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  "Deployment",
  "ReplicaSet",
  "Ingress",
  "IngressClass",
  "NetworkPolicy",
  "EndpointSlice",
  "Certificate",
  "Issuer",
  "ClusterIssuer",
]);

/**
 * Kinds with a status subresource: writes to the main resource reset status on create and keep the stored
 * status on update (PrepareForCreate / PrepareForUpdate "status is not allowed to be changed").
 */
export const STATUS_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  "Pod",
  "Service",
  "Deployment",
  "ReplicaSet",
  "Ingress",
  "Node",
  "Namespace",
  "Certificate",
  "Issuer",
  "ClusterIssuer",
]);
