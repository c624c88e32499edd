import type { FieldError } from "../validation/field-error";

/**
 * A failed API request, shaped like metav1.Status (reason + HTTP code + message) so kubectl-style output
 * (`Error from server (NotFound): services "web" not found`) is derived from it in one place.
 * Reasons: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (StatusReason).
 */
export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "BadRequest"
  | "Forbidden"
  | "MethodNotAllowed"
  | "InternalError";

export interface StatusError {
  reason: StatusReason;
  code: number;
  /** The message exactly as the API server words it. */
  message: string;
  /** For Invalid: every field error, all at once. */
  causes?: FieldError[];
  details?: { kind?: string; group?: string; name?: string };
}
