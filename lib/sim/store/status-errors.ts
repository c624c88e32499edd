import type { StatusError } from "../api/status-error";
import { KIND_INFO, qualifiedResource, type Kind } from "../objects/kinds";

/**
 * The API server's non-field errors, worded as apimachinery's errors package words them
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go): NewNotFound,
 * NewAlreadyExists, NewConflict, NewBadRequest, NewForbidden.
 */
export function notFoundError(kind: Kind, name: string): StatusError {
  return {
    reason: "NotFound",
    code: 404,
    message: `${qualifiedResource(kind)} "${name}" not found`,
    details: { kind: KIND_INFO[kind].resource, group: KIND_INFO[kind].group || undefined, name },
  };
}

export function alreadyExistsError(kind: Kind, name: string): StatusError {
  return {
    reason: "AlreadyExists",
    code: 409,
    message: `${qualifiedResource(kind)} "${name}" already exists`,
    details: { kind: KIND_INFO[kind].resource, group: KIND_INFO[kind].group || undefined, name },
  };
}

/** An update carrying a stale resourceVersion (optimistic concurrency). */
export function conflictError(kind: Kind, name: string): StatusError {
  return {
    reason: "Conflict",
    code: 409,
    message: `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details: { kind: KIND_INFO[kind].resource, group: KIND_INFO[kind].group || undefined, name },
  };
}

export function badRequestError(message: string): StatusError {
  return { reason: "BadRequest", code: 400, message };
}

/**
 * Forbidden by the NamespaceLifecycle admission plugin
 * (kubernetes/kubernetes plugin/pkg/admission/namespace/lifecycle/admission.go).
 */
export function forbiddenError(kind: Kind, name: string, detail: string): StatusError {
  return {
    reason: "Forbidden",
    code: 403,
    message: `${qualifiedResource(kind)} "${name}" is forbidden: ${detail}`,
    details: { kind: KIND_INFO[kind].resource, group: KIND_INFO[kind].group || undefined, name },
  };
}
