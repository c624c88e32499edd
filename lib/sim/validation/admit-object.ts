import type { StatusError } from "../api/status-error";
import type { ClusterConfig } from "../config";
import { defaultInPlace } from "../defaults/apply-defaults";
import { KIND_INFO, isKind, type AnyObject, type Kind } from "../objects/kinds";
import type { ManifestObject } from "../objects/meta";
import { err, ok, type Result } from "../result";
import type { ObjectSource } from "../source";
import { decodeStrict } from "./decode-strict";
import type { FieldError } from "./field-error";
import { invalid } from "./field-errors";
import { invalidStatusError } from "./format-field-error";
import { validateObject, validateObjectUpdate } from "./validate-object";
import { validateSchema } from "./validate-schema";
import { findIllegalBase64 } from "./validate-secret";

export interface AdmitOptions {
  operation: "create" | "update";
  /** The stored object an update replaces. */
  old?: AnyObject;
  source?: ObjectSource;
  config: ClusterConfig;
}

/**
 * What the API server does with a create or update before storing it, in its order: kubectl's client-side
 * checks (apiVersion and kind set, the kind served in that version), decoding with strict field validation
 * (kubectl's default), defaulting, validation (schema required/enum checks from kubernetes-models, then the
 * kind's own rules, which are authoritative and word the errors), update rules, and the NodePort range the
 * allocator enforces. Returns the defaulted object or a StatusError; never throws.
 */
export function admitObject(object: ManifestObject, options: AdmitOptions): Result<ManifestObject, StatusError> {
  try {
    return admitChecked(object, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err({ reason: "InternalError", code: 500, message: `Internal error occurred: ${detail}` });
  }
}

function admitChecked(object: ManifestObject, options: AdmitOptions): Result<ManifestObject, StatusError> {
  const file = options.source?.file ?? "STDIN";
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return err(badRequest(validationMessage(file, "invalid object to validate")));
  }
  const missing = [object.apiVersion ? undefined : "apiVersion not set", object.kind ? undefined : "kind not set"].filter(Boolean) as string[];
  if (missing.length > 0) {
    return err(badRequest(validationMessage(file, missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`)));
  }
  for (const field of ["apiVersion", "kind"] as const) {
    const value = object[field];
    if (typeof value !== "string") {
      // kubectl reads apiVersion and kind into a small Go struct before anything else (k8s.io/apimachinery
      // pkg/runtime/serializer/json: the `detector` of unstructured decoding).
      const type = typeof value === "number" ? "number" : typeof value === "boolean" ? "bool" : Array.isArray(value) ? "array" : "object";
      return err(badRequest(`unable to decode ${JSON.stringify(file)}: json: cannot unmarshal ${type} into Go struct field detector.${field} of type string`));
    }
  }
  const kind = object.kind as string;
  const apiVersion = object.apiVersion as string;
  if (!isKind(kind) || KIND_INFO[kind].apiVersion !== apiVersion) return err(noMatchError(object, kind, apiVersion, file));

  const version = apiVersion.includes("/") ? apiVersion.slice(apiVersion.indexOf("/") + 1) : apiVersion;
  const cannotBeHandled = (detail: string) => `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`;
  const decoded = decodeStrict(kind, object as Record<string, unknown>);
  const decodingCause = (field: string, message: string): FieldError => ({ type: "FieldValueInvalid", field, message, position: options.source?.locate(field) });
  if (decoded.typeError) {
    const field = decoded.typeErrorField ?? "";
    return err({ ...badRequest(cannotBeHandled(decoded.typeError)), causes: [decodingCause(field, decoded.typeError)] });
  }
  const base64Error = kind === "Secret" ? findSecretDataError(decoded.value) : undefined;
  if (base64Error) return err({ ...badRequest(cannotBeHandled(base64Error.message)), causes: [decodingCause(base64Error.field, base64Error.message)] });
  if (decoded.unknownFields.length > 0) {
    const causes = decoded.unknownFields.map((text) => decodingCause(JSON.parse(text.slice("unknown field ".length)) as string, text));
    return err({ ...badRequest(cannotBeHandled(`strict decoding error: ${decoded.unknownFields.join(", ")}`)), causes });
  }

  const value = decoded.value;
  const metadata = (value.metadata ??= {}) as Record<string, unknown>;
  // Cluster-scoped objects silently lose a namespace (staging/src/k8s.io/apiserver/pkg/registry/rest/create.go).
  if (!KIND_INFO[kind].namespaced) delete metadata.namespace;
  // Strict decoding made `value` (a fresh copy of every struct, map and list of a core kind), so it is
  // defaulted where it is rather than copied again.
  const defaulted = defaultInPlace(value as ManifestObject);

  // The Service storage allocates node ports before it validates (BeginCreate runs before BeforeCreate in
  // staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go), so a port outside the range is
  // the only error reported.
  const name = typeof metadata.name === "string" ? metadata.name : "";
  const locate = (list: FieldError[]) =>
    list.map((e) => (e.position || !options.source ? e : { ...e, position: options.source.locate(toObjectPath(e.field)) }));
  const allocation = kind === "Service" ? validateNodePortRange(defaulted, options.config) : [];
  if (allocation.length > 0) return err(invalidStatusError(kind, name, locate(allocation)));

  const semantic = options.operation === "update" && options.old
    ? validateObjectUpdate(kind, defaulted, options.old)
    : validateObject(kind, defaulted);
  const errors = [...semantic, ...schemaErrorsNotCovered(kind, defaulted as Record<string, unknown>, semantic)];
  if (errors.length > 0) return err(invalidStatusError(kind, name, locate(errors)));
  return ok(defaulted);
}

/**
 * Where a field upstream names off the object's structure is in the text: ValidateIngressCreate names the
 * class annotation without `metadata`, and ValidateService capitalises LoadBalancerSourceRanges.
 */
function toObjectPath(field: string): string {
  if (field === "annotations.kubernetes.io/ingress.class") return "metadata.annotations[kubernetes.io/ingress.class]";
  return field.replace(/^spec\.LoadBalancerSourceRanges/, "spec.loadBalancerSourceRanges");
}

/**
 * kubernetes-models' schema errors for fields the kind's own validation says nothing about (the kind's
 * rules carry upstream's wording and win wherever both speak about the same field or its parents).
 */
function schemaErrorsNotCovered(kind: Kind, object: Record<string, unknown>, semantic: readonly FieldError[]): FieldError[] {
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);
  return validateSchema(kind, object).filter((e) => !semantic.some((s) => related(e.field, s.field)));
}

/** The NodePort allocator's range check (pkg/registry/core/service/portallocator: ErrNotInRange). */
function validateNodePortRange(service: ManifestObject, config: ClusterConfig): FieldError[] {
  const [min, max] = config.nodePortRange;
  const ports = ((service.spec as { ports?: { nodePort?: number }[] } | undefined)?.ports ?? []);
  const errors: FieldError[] = [];
  ports.forEach((port, i) => {
    if (port.nodePort !== undefined && port.nodePort !== 0 && (port.nodePort < min || port.nodePort > max)) {
      errors.push(invalid(`spec.ports[${i}].nodePort`, port.nodePort, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`));
    }
  });
  return errors;
}

/** Secret `data` is map[string][]byte: each value must be base64 (encoding/base64 CorruptInputError). */
function findSecretDataError(secret: Record<string, unknown>): { field: string; message: string } | undefined {
  const data = secret.data as Record<string, string> | undefined;
  for (const [key, value] of Object.entries(data ?? {})) {
    const offset = findIllegalBase64(value);
    if (offset !== -1) return { field: `data[${key}]`, message: `illegal base64 data at input byte ${offset}` };
  }
  return undefined;
}

function badRequest(message: string): StatusError {
  return { reason: "BadRequest", code: 400, message };
}

/** kubectl's client-side schema check (k8s.io/kubectl pkg/validation). */
function validationMessage(file: string, detail: string): string {
  return `error validating ${JSON.stringify(file)}: error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** kubectl's RESTMapper failure (k8s.io/cli-runtime pkg/resource/mapper.go), as `kubectl apply` prints it. */
function noMatchError(object: ManifestObject, kind: string, apiVersion: string, file: string): StatusError {
  const metadata = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const name = typeof metadata.name === "string" ? metadata.name : "";
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : "";
  return {
    reason: "NotFound",
    code: 404,
    message: `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(file)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
    details: { kind, name },
  };
}
