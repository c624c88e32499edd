import type { FieldError } from "./field-error";

/**
 * Constructors mirroring apimachinery's field.Required/Invalid/NotSupported/Duplicate/Forbidden/TooLong/TooMany
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */
export function required(field: string, detail = ""): FieldError {
  return { type: "FieldValueRequired", field, badValue: "", detail };
}

export function invalid(field: string, badValue: unknown, detail = ""): FieldError {
  return { type: "FieldValueInvalid", field, badValue, detail };
}

/** field.NotSupported: the detail lists the supported values, each quoted with strconv.Quote. */
export function notSupported(field: string, badValue: unknown, supported: readonly string[]): FieldError {
  return { type: "FieldValueNotSupported", field, badValue, supported };
}

export function duplicate(field: string, badValue: unknown): FieldError {
  return { type: "FieldValueDuplicate", field, badValue };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: "FieldValueForbidden", field, badValue: "", detail };
}

/** field.TooLong: the detail names the limit in bytes; the value itself is not printed. */
export function tooLong(field: string, maxLength: number): FieldError {
  return { type: "FieldValueTooLong", field, detail: `must have at most ${maxLength} bytes` };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: "FieldValueTooMany", field, badValue: actual, detail: `must have at most ${max} items` };
}

/** ValidateImmutableField (kubernetes/kubernetes pkg/apis/core/validation/validation.go). */
export function immutable(field: string, badValue: unknown): FieldError {
  return invalid(field, badValue, "field is immutable");
}
