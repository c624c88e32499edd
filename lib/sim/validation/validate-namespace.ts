import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { FieldError } from "./field-error";
import { invalid } from "./field-errors";
import { nameIsDNSLabel } from "./dns-names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

/**
 * ValidateNamespace: the name is a DNS-1123 label (it becomes part of DNS names such as
 * `web.shop.svc.cluster.local`), and the kubernetes.io/metadata.name label always equals the name.
 */
export function validateNamespace(namespace: INamespace): FieldError[] {
  const errors = validateObjectMeta(namespace.metadata, nameIsDNSLabel);
  const name = namespace.metadata?.name ?? "";
  const label = namespace.metadata?.labels?.["kubernetes.io/metadata.name"];
  if (name !== "" && label !== undefined && label !== name) {
    errors.push(invalid("metadata.labels[kubernetes.io/metadata.name]", label, `must be ${name}`));
  }
  return errors;
}

export function validateNamespaceUpdate(namespace: INamespace, old: INamespace): FieldError[] {
  return [...validateObjectMetaUpdate(namespace.metadata, old.metadata), ...validateNamespace(namespace)];
}
