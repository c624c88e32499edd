import type { SourcePosition } from "../source";

/**
 * The closed vocabulary of apimachinery's field errors
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */
export type FieldErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "FieldValueTypeInvalid"
  | "InternalError";

export interface FieldError {
  type: FieldErrorType;
  /** The field path as the API server prints it: `spec.ports[0].port`. */
  field: string;
  badValue?: unknown;
  detail?: string;
  /** For NotSupported: the values that would be accepted. */
  supported?: readonly string[];
  /** Where the field is in the learner's text, when known. */
  position?: SourcePosition;
  /**
   * For causes that are not apimachinery field errors, such as strict decoding's `unknown field
   * "spec.selectr"` or a JSON type mismatch: the API server's own text, which formatFieldError prints as is.
   */
  message?: string;
}
