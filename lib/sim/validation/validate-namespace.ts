import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { FieldError } from "./field-error";
import { nameIsDNSLabel } from "./dns-names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

/**
 * ValidateNamespace (kubernetes/kubernetes pkg/apis/core/validation/validation.go): the name is a DNS-1123
 * label, because it becomes part of DNS names such as `web.shop.svc.cluster.local`. The
 * kubernetes.io/metadata.name label needs no rule: defaulting always overwrites it with the name.
 */
export function validateNamespace(namespace: INamespace): FieldError[] {
  return validateObjectMeta(namespace.metadata, nameIsDNSLabel);
}

export function validateNamespaceUpdate(namespace: INamespace, old: INamespace): FieldError[] {
  return [...validateObjectMetaUpdate(namespace.metadata, old.metadata), ...validateNamespace(namespace)];
}
