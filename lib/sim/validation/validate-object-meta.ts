import type { FieldError } from "./field-error";
import { immutable, invalid, required } from "./field-errors";
import { nameIsDNSLabel, type NameValidator } from "./dns-names";
import { validateAnnotations, validateLabels } from "./validate-labels";

export interface ObjectMetaInput {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * ValidateObjectMeta (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
 * The namespace of a namespaced object comes from the request when the manifest omits it, so only a
 * namespace that is present is checked here; cluster-scoped objects have theirs cleared before validation
 * (staging/src/k8s.io/apiserver/pkg/registry/rest/create.go BeforeCreate).
 */
export function validateObjectMeta(meta: ObjectMetaInput | undefined, nameValidator: NameValidator, path = "metadata"): FieldError[] {
  const errors: FieldError[] = [];
  const m = meta ?? {};
  if (m.generateName) {
    for (const msg of nameValidator(m.generateName, true)) errors.push(invalid(`${path}.generateName`, m.generateName, msg));
  }
  if (!m.name) errors.push(required(`${path}.name`, "name or generateName is required"));
  else for (const msg of nameValidator(m.name, false)) errors.push(invalid(`${path}.name`, m.name, msg));
  if (m.namespace) {
    for (const msg of nameIsDNSLabel(m.namespace, false)) errors.push(invalid(`${path}.namespace`, m.namespace, msg));
  }
  if (m.generation !== undefined && m.generation < 0) {
    errors.push(invalid(`${path}.generation`, m.generation, "must be greater than or equal to 0"));
  }
  errors.push(...validateLabels(m.labels, `${path}.labels`));
  errors.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  return errors;
}

/** ValidateObjectMetaUpdate: name, namespace and uid never change (a rename is a delete and a create). */
export function validateObjectMetaUpdate(meta: ObjectMetaInput | undefined, old: ObjectMetaInput | undefined, path = "metadata"): FieldError[] {
  const errors: FieldError[] = [];
  const m = meta ?? {};
  const o = old ?? {};
  if ((m.name ?? "") !== (o.name ?? "")) errors.push(immutable(`${path}.name`, m.name ?? ""));
  if ((m.namespace ?? "") !== (o.namespace ?? "") && m.namespace !== undefined) errors.push(immutable(`${path}.namespace`, m.namespace));
  if (m.uid !== undefined && m.uid !== "" && m.uid !== o.uid) errors.push(immutable(`${path}.uid`, m.uid));
  return errors;
}
