import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import type { IEndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";
import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import type { IIngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IEndpoints } from "kubernetes-models/v1/Endpoints";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { IPod } from "kubernetes-models/v1/Pod";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IService } from "kubernetes-models/v1/Service";
import type { Certificate, Issuer } from "../objects/cert-manager";
import type { Kind } from "../objects/kinds";
import type { LabelSelector } from "../selectors/label-selector";
import type { FieldError } from "./field-error";
import { immutable, invalid, required } from "./field-errors";
import { goLiteral } from "./format-field-error";
import { isSemanticallyEqual } from "./is-semantically-equal";
import { nameIsDNSSubdomain } from "./dns-names";
import { validateCertificate, validateIssuer } from "./validate-cert-manager";
import { validateConfigMap, validateConfigMapUpdate } from "./validate-config-map";
import { formatLabelSelectorGo, validateDeployment, validateDeploymentUpdate, validatePodTemplateForReplicaSet } from "./validate-deployment";
import { validateEndpointSlice, validateEndpointSliceUpdate } from "./validate-endpoint-slice";
import { validateEndpoints, validateEndpointsUpdate } from "./validate-endpoints";
import { validateIngressCreate, validateIngressUpdate } from "./validate-ingress";
import { validateIngressClass, validateIngressClassUpdate } from "./validate-ingress-class";
import { validateLabelSelector } from "./validate-labels";
import { validateNamespace, validateNamespaceUpdate } from "./validate-namespace";
import { validateNetworkPolicy, validateNetworkPolicyUpdate } from "./validate-network-policy";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";
import { validatePod, validatePodUpdate } from "./validate-pod";
import { validateSecret, validateSecretUpdate } from "./validate-secret";
import { validateService, validateServiceUpdate } from "./validate-service";

/** The semantic validation of one kind (create), run on the defaulted object. */
export function validateObject(kind: Kind, object: unknown): FieldError[] {
  switch (kind) {
    case "Service": return validateService(object as IService);
    case "Pod": return validatePod(object as IPod);
    case "Deployment": return validateDeployment(object as IDeployment);
    case "ReplicaSet": return validateReplicaSet(object as IReplicaSet);
    case "Ingress": return validateIngressCreate(object as IIngress);
    case "IngressClass": return validateIngressClass(object as IIngressClass);
    case "NetworkPolicy": return validateNetworkPolicy(object as INetworkPolicy);
    case "Endpoints": return validateEndpoints(object as IEndpoints);
    case "EndpointSlice": return validateEndpointSlice(object as IEndpointSlice);
    case "Secret": return validateSecret(object as ISecret);
    case "ConfigMap": return validateConfigMap(object as IConfigMap);
    case "Namespace": return validateNamespace(object as INamespace);
    case "Node": return validateObjectMeta((object as { metadata?: never }).metadata, nameIsDNSSubdomain);
    case "Issuer":
    case "ClusterIssuer": return validateIssuer(object as Issuer);
    case "Certificate": return validateCertificate(object as Certificate);
  }
}

/** The update validation of one kind: immutable fields first, then the create rules on the new object. */
export function validateObjectUpdate(kind: Kind, object: unknown, old: unknown): FieldError[] {
  switch (kind) {
    case "Service": return validateServiceUpdate(object as IService, old as IService);
    case "Pod": return validatePodUpdate(object as IPod, old as IPod);
    case "Deployment": return validateDeploymentUpdate(object as IDeployment, old as IDeployment);
    case "ReplicaSet": return validateReplicaSetUpdate(object as IReplicaSet, old as IReplicaSet);
    case "Ingress": return validateIngressUpdate(object as IIngress, old as IIngress);
    case "IngressClass": return validateIngressClassUpdate(object as IIngressClass, old as IIngressClass);
    case "NetworkPolicy": return validateNetworkPolicyUpdate(object as INetworkPolicy, old as INetworkPolicy);
    case "Endpoints": return validateEndpointsUpdate(object as IEndpoints, old as IEndpoints);
    case "EndpointSlice": return validateEndpointSliceUpdate(object as IEndpointSlice, old as IEndpointSlice);
    case "Secret": return validateSecretUpdate(object as ISecret, old as ISecret);
    case "ConfigMap": return validateConfigMapUpdate(object as IConfigMap, old as IConfigMap);
    case "Namespace": return validateNamespaceUpdate(object as INamespace, old as INamespace);
    default: {
      const metadata = (value: unknown) => (value as { metadata?: never }).metadata;
      return [...validateObjectMetaUpdate(metadata(object), metadata(old)), ...validateObject(kind, object)];
    }
  }
}

/** ValidateReplicaSetUpdate plus the strategy's apps/v1 rule that spec.selector never changes. */
function validateReplicaSetUpdate(replicaSet: IReplicaSet, old: IReplicaSet): FieldError[] {
  const errors = [...validateObjectMetaUpdate(replicaSet.metadata, old.metadata), ...validateReplicaSet(replicaSet)];
  if (!isSemanticallyEqual(replicaSet.spec?.selector ?? null, old.spec?.selector ?? null)) {
    errors.push(immutable("spec.selector", goLiteral(formatLabelSelectorGo(replicaSet.spec?.selector as LabelSelector | undefined))));
  }
  return errors;
}

/** ValidateReplicaSet (pkg/apis/apps/validation/validation.go): like a Deployment without a strategy. */
function validateReplicaSet(replicaSet: IReplicaSet): FieldError[] {
  const errors = validateObjectMeta(replicaSet.metadata, nameIsDNSSubdomain);
  const spec = replicaSet.spec;
  if (spec?.replicas !== undefined && spec.replicas < 0) errors.push(invalid("spec.replicas", spec.replicas, "must be greater than or equal to 0"));
  const selector = spec?.selector as LabelSelector | undefined;
  if (!selector) errors.push(required("spec.selector"));
  else errors.push(...validateLabelSelector(selector, "spec.selector"));
  errors.push(...validatePodTemplateForReplicaSet(spec?.template, selector, "spec.template"));
  return errors;
}
