import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta as ApiObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";

/**
 * ObjectMeta as the simulator stores it: the API server has filled in name, uid, resourceVersion and
 * creationTimestamp (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go).
 */
export interface ObjectMeta extends ApiObjectMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
}

/** An API object once stored: `metadata` is always present and complete. */
export type Stored<T extends { metadata?: unknown }> = Omit<T, "metadata"> & { metadata: ObjectMeta };

/** An object as written by a user: anything that claims an apiVersion and kind. */
export interface ManifestObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: unknown;
  [field: string]: unknown;
}

/** Names one object the way kubectl does (`service/web` in namespace `shop`). */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}
