import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { FieldError } from "./field-error";
import { duplicate, invalid } from "./field-errors";
import { nameIsDNSSubdomain } from "./dns-names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";
import { isConfigMapKey } from "./validate-secret";

/** ValidateConfigMap: keys are config keys, and a key may not be in both data and binaryData. */
export function validateConfigMap(configMap: IConfigMap): FieldError[] {
  const errors = validateObjectMeta(configMap.metadata, nameIsDNSSubdomain);
  for (const key of Object.keys(configMap.data ?? {})) {
    for (const msg of isConfigMapKey(key)) errors.push(invalid(`data[${key}]`, key, msg));
  }
  for (const key of Object.keys(configMap.binaryData ?? {})) {
    for (const msg of isConfigMapKey(key)) errors.push(invalid(`binaryData[${key}]`, key, msg));
    if (configMap.data && key in configMap.data) errors.push(duplicate(`data[${key}]`, key));
  }
  return errors;
}

export function validateConfigMapUpdate(configMap: IConfigMap, old: IConfigMap): FieldError[] {
  return [...validateObjectMetaUpdate(configMap.metadata, old.metadata), ...validateConfigMap(configMap)];
}
