import type { ISecret } from "kubernetes-models/v1/Secret";
import type { FieldError } from "./field-error";
import { immutable, invalid, required, tooLong } from "./field-errors";
import { nameIsDNSSubdomain, regexError, maxLenError } from "./dns-names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";
import { isSemanticallyEqual } from "./is-semantically-equal";

/** core.MaxSecretSize. */
const MAX_SECRET_SIZE = 1024 * 1024;

/** IsConfigMapKey (apimachinery pkg/util/validation/validation.go), shared by Secret and ConfigMap keys. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"));
  }
  if (key === ".") errs.push("must not be '.'");
  else if (key === "..") errs.push("must not be '..'");
  else if (key.startsWith("..")) errs.push("must not start with '..'");
  return errs;
}

/**
 * ValidateSecret (kubernetes/kubernetes pkg/apis/core/validation/validation.go). `stringData` is merged into
 * `data` before validation (pkg/apis/core/v1/conversion.go), so a kubernetes.io/tls Secret may give its
 * tls.crt and tls.key in either.
 */
export function validateSecret(secret: ISecret): FieldError[] {
  const errors = validateObjectMeta(secret.metadata, nameIsDNSSubdomain);
  const data = { ...(secret.data ?? {}), ...(secret.stringData ?? {}) };
  let size = 0;
  for (const [key, value] of Object.entries(data)) {
    for (const msg of isConfigMapKey(key)) errors.push(invalid(`data[${key}]`, key, msg));
    size += value.length;
  }
  if (size > MAX_SECRET_SIZE) errors.push(tooLong("data", MAX_SECRET_SIZE));
  switch (secret.type) {
    case "kubernetes.io/tls":
      if (!("tls.crt" in data)) errors.push(required("data[tls.crt]"));
      if (!("tls.key" in data)) errors.push(required("data[tls.key]"));
      break;
    case "kubernetes.io/basic-auth":
      if (!("username" in data) && !("password" in data)) {
        errors.push(required("data[username]"), required("data[password]"));
      }
      break;
    case "kubernetes.io/ssh-auth":
      if (!("ssh-privatekey" in data)) errors.push(required("data[ssh-privatekey]"));
      break;
    case "kubernetes.io/dockerconfigjson":
      if (!(".dockerconfigjson" in data)) errors.push(required("data[.dockerconfigjson]"));
      break;
  }
  return errors;
}

export function validateSecretUpdate(secret: ISecret, old: ISecret): FieldError[] {
  const errors = validateObjectMetaUpdate(secret.metadata, old.metadata);
  if ((secret.type ?? "Opaque") !== (old.type ?? "Opaque")) errors.push(immutable("type", secret.type ?? ""));
  if (old.immutable && !isSemanticallyEqual(secret.data ?? {}, old.data ?? {})) {
    errors.push({ type: "FieldValueForbidden", field: "data", badValue: "", detail: "field is immutable when `immutable` is set" });
  }
  return [...errors, ...validateSecret(secret)];
}

/** Base64 as Go's encoding/base64.StdEncoding reads it; answers the offset of the first bad byte, or -1. */
export function findIllegalBase64(value: string): number {
  if (value.length % 4 !== 0) {
    const bad = value.search(/[^A-Za-z0-9+/=]/);
    return bad === -1 ? value.length - (value.length % 4) : bad;
  }
  const match = /^[A-Za-z0-9+/]*={0,2}$/.exec(value);
  if (match) return -1;
  const bad = value.search(/[^A-Za-z0-9+/=]|=[^=]/);
  return bad === -1 ? 0 : bad;
}
