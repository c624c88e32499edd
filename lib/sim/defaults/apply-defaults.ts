import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import type { IEndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";
import type { IIngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IEndpoints } from "kubernetes-models/v1/Endpoints";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { IPod } from "kubernetes-models/v1/Pod";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IService } from "kubernetes-models/v1/Service";
import type { ManifestObject } from "../objects/meta";
import { copyJson } from "../store/object-json";
import { defaultEndpointSlice, defaultEndpoints, defaultIngressClass, defaultNetworkPolicy } from "./default-networking";
import { defaultService } from "./default-service";
import { defaultDeployment, defaultPod, defaultReplicaSet } from "./default-workloads";

/**
 * The API server's defaulting for the kinds the simulator stores: the generated SetDefaults_* functions
 * plus what each kind's REST strategy fills on create. Returns a defaulted copy (what a JSON round trip of
 * the input gives, defaulted); the input is not changed. Defaulting an already defaulted object changes
 * nothing. Ingress and ConfigMap have no defaults in their v1 APIs; IngressClass only defaults its
 * parameters' scope.
 */
export function applyDefaults<T extends ManifestObject>(object: T): T {
  return defaultInPlace(copyJson(object));
}

/**
 * applyDefaults without the copy, for a caller that owns the object outright: admission defaults the fresh
 * copy that strict decoding made, instead of copying it again.
 */
export function defaultInPlace<T extends ManifestObject>(copy: T): T {
  switch (copy.kind) {
    case "Service":
      defaultService(copy as unknown as IService);
      break;
    case "Pod":
      defaultPod(copy as unknown as IPod);
      break;
    case "Deployment":
      defaultDeployment(copy as unknown as IDeployment);
      break;
    case "ReplicaSet":
      defaultReplicaSet(copy as unknown as IReplicaSet);
      break;
    case "NetworkPolicy":
      defaultNetworkPolicy(copy as unknown as INetworkPolicy);
      break;
    case "Endpoints":
      defaultEndpoints(copy as unknown as IEndpoints);
      break;
    case "EndpointSlice":
      defaultEndpointSlice(copy as unknown as IEndpointSlice);
      break;
    case "IngressClass":
      defaultIngressClass(copy as unknown as IIngressClass);
      break;
    case "Namespace":
      defaultNamespace(copy as unknown as INamespace);
      break;
    case "Secret":
      // SetDefaults_Secret.
      (copy as unknown as ISecret).type ??= "Opaque";
      break;
  }
  return copy;
}

/**
 * SetDefaults_Namespace adds the immutable kubernetes.io/metadata.name label (the one NetworkPolicy
 * namespaceSelectors match on); the namespace strategy adds the `kubernetes` finalizer and phase Active.
 */
function defaultNamespace(namespace: INamespace): void {
  const metadata = (namespace.metadata ??= {});
  if (metadata.name) metadata.labels = { ...(metadata.labels ?? {}), "kubernetes.io/metadata.name": metadata.name };
  namespace.spec ??= {};
  namespace.spec.finalizers ??= ["kubernetes"];
  namespace.status ??= {};
  namespace.status.phase ??= "Active";
}
