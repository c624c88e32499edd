import type { StatusError } from "../api/status-error";
import { KIND_INFO, isKind } from "../objects/kinds";
import type { FieldError, FieldErrorType } from "./field-error";

/** A bad value that Go would print with %#v, pre-rendered (e.g. `core.ServicePort{Name:"", …}`). */
export interface GoLiteral {
  goLiteral: string;
}

export function goLiteral(text: string): GoLiteral {
  return { goLiteral: text };
}

function isGoLiteral(value: unknown): value is GoLiteral {
  return typeof value === "object" && value !== null && typeof (value as GoLiteral).goLiteral === "string";
}

/** field.ErrorType.String() in apimachinery's field/errors.go. */
const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

/** Types whose ErrorBody never prints the bad value (field/errors.go ErrorBody). */
const VALUE_OMITTED: ReadonlySet<FieldErrorType> = new Set(["FieldValueRequired", "FieldValueForbidden", "FieldValueTooLong", "InternalError"]);

/** Go's strconv.Quote / %q: escapes like Go, not like JSON (\x01 rather than \u0001, \a and \v by name). */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case "\\": out += "\\\\"; continue;
      case "\n": out += "\\n"; continue;
      case "\r": out += "\\r"; continue;
      case "\t": out += "\\t"; continue;
      case "\x07": out += "\\a"; continue;
      case "\b": out += "\\b"; continue;
      case "\f": out += "\\f"; continue;
      case "\v": out += "\\v"; continue;
    }
    if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code >= 0x80 && code < 0xa0) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** How ErrorBody prints a bad value: %q for strings, %v for numbers and booleans, %#v otherwise. */
export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (isGoLiteral(value)) return value.goLiteral;
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) return `[]string{${value.map(goQuote).join(", ")}}`;
    if (value.every((v) => typeof v === "number")) return `[]int32{${value.join(", ")}}`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v === "string")) {
      return `map[string]string{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${goQuote(k)}:${goQuote(v as string)}`).join(", ")}}`;
    }
  }
  return JSON.stringify(value) ?? String(value);
}

/** field.Error.ErrorBody(): the message without the field path. */
export function formatFieldErrorBody(error: FieldError): string {
  const typeText = TYPE_TEXT[error.type] ?? "Invalid value";
  let body = VALUE_OMITTED.has(error.type) || (error.type === "FieldValueTooMany" && error.badValue === undefined)
    ? typeText
    : `${typeText}: ${formatGoValue(error.badValue)}`;
  const detail = error.type === "FieldValueNotSupported" && error.supported && error.supported.length > 0
    ? `supported values: ${error.supported.map(goQuote).join(", ")}`
    : error.detail;
  if (detail) body += `: ${detail}`;
  return body;
}

/**
 * field.Error.Error(): `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`.
 * A decoding cause (with `message`) prints the decoder's text instead.
 */
export function formatFieldError(error: FieldError): string {
  if (error.message !== undefined) return error.message;
  return `${error.field}: ${formatFieldErrorBody(error)}`;
}

/**
 * apierrors.NewInvalid (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go) as
 * kubectl prints it (k8s.io/kubectl pkg/cmd/util/helpers.go checkErr + MultilineError): one cause on the
 * same line, several as a `* `-bulleted list. Identical messages are reported once (field.ErrorList.ToAggregate).
 */
export function invalidStatusError(kind: string, name: string, errors: readonly FieldError[]): StatusError {
  const seen = new Set<string>();
  const causes: FieldError[] = [];
  for (const error of errors) {
    const text = formatFieldError(error);
    if (seen.has(text)) continue;
    seen.add(text);
    causes.push(error);
  }
  const head = `The ${kind} ${goQuote(name)} is invalid`;
  let message = head;
  if (causes.length === 1) message = `${head}: ${formatFieldError(causes[0])}`;
  else if (causes.length > 1) message = `${head}: \n${causes.map((c) => `* ${formatFieldError(c)}`).join("\n")}`;
  return {
    reason: "Invalid",
    code: 422,
    message,
    causes,
    details: { kind, group: isKind(kind) ? KIND_INFO[kind].group : undefined, name },
  };
}
