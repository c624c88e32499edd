import { OPENAPI_ROOTS, OPENAPI_TYPES } from "./openapi-fields";

export interface DecodeResult {
  /** A copy of the object as the API server's decoder would hold it: nulls dropped, nothing else changed. */
  value: Record<string, unknown>;
  /** The first type mismatch, worded like Go's encoding/json (`json: cannot unmarshal string into Go struct field …`). */
  typeError?: string;
  /** The field path of that mismatch (`spec.ports[0].port`). */
  typeErrorField?: string;
  /** Every field the schema does not know, as `unknown field "spec.selectr"`. */
  unknownFields: string[];
}

/** Fields whose Go type is int64; every other integer in these kinds is an int32. */
const INT64_FIELDS: ReadonlySet<string> = new Set([
  "terminationGracePeriodSeconds", "activeDeadlineSeconds", "deletionGracePeriodSeconds", "generation",
  "observedGeneration", "runAsUser", "runAsGroup", "fsGroup", "expirationSeconds", "supplementalGroups",
]);

/** Fields typed resource.Quantity rather than intstr.IntOrString (both are `x` in the table). */
const QUANTITY_FIELDS: ReadonlySet<string> = new Set(["sizeLimit", "divisor"]);

const parsedTypes = new Map<string, ReadonlyMap<string, string>>();

function fieldsOf(typeName: string): ReadonlyMap<string, string> | undefined {
  const cached = parsedTypes.get(typeName);
  if (cached) return cached;
  const encoded = OPENAPI_TYPES[typeName];
  if (encoded === undefined) return undefined;
  const fields = new Map<string, string>();
  for (const entry of encoded.split(" ")) {
    const colon = entry.indexOf(":");
    if (colon > 0) fields.set(entry.slice(0, colon), entry.slice(colon + 1));
  }
  parsedTypes.set(typeName, fields);
  return fields;
}

function goTypeOf(encoded: string, fieldName: string): string {
  if (encoded.startsWith("[")) return `[]${goTypeOf(encoded.slice(1), fieldName)}`;
  if (encoded.startsWith("{")) return `map[string]${goTypeOf(encoded.slice(1), fieldName)}`;
  switch (encoded) {
    case "s": return "string";
    case "b": return "bool";
    case "n": return INT64_FIELDS.has(fieldName) ? "int64" : "int32";
    case "x": return "intstr.IntOrString";
    case "*": return "interface {}";
    default: return `v1.${encoded}`;
  }
}

function zeroValue(encoded: string): unknown {
  if (encoded.startsWith("[") || encoded === "*") return null;
  switch (encoded) {
    case "s": return "";
    case "n": return 0;
    case "b": return false;
    case "x": return 0;
    default: return {};
  }
}

function jsonTypeOf(value: unknown): string {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "array";
  return "object";
}

/**
 * Stores an own data member, as encoding/json's map and struct decoding does, even for `__proto__`, which
 * plain assignment would take as the prototype. Every other key of a fresh plain object gets the same
 * enumerable, writable, configurable member from plain assignment, which is much cheaper than defineProperty.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

interface Context {
  unknownFields: string[];
  typeError?: string;
  typeErrorField?: string;
}

/**
 * The API server's decoding step for a create or update with strict field validation (kubectl's default,
 * --validate=strict; https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation):
 * unknown fields are collected into `strict decoding error: unknown field "…"`, and a value of the wrong
 * JSON type fails the whole request with encoding/json's message naming the Go struct field.
 */
export function decodeStrict(kind: string, object: Record<string, unknown>): DecodeResult {
  const context: Context = { unknownFields: [] };
  const rootType = OPENAPI_ROOTS[kind];
  const value = rootType
    ? (decodeStruct(object, rootType, "", "", context) as Record<string, unknown>)
    : { ...object };
  return { value, typeError: context.typeError, typeErrorField: context.typeErrorField, unknownFields: context.unknownFields };
}

function decodeStruct(value: Record<string, unknown>, typeName: string, path: string, goPath: string, context: Context): unknown {
  const fields = fieldsOf(typeName);
  if (!fields) return value;
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value)) {
    const childPath = path === "" ? name : `${path}.${name}`;
    const encoded = fields.get(name);
    if (encoded === undefined) {
      context.unknownFields.push(`unknown field ${JSON.stringify(childPath)}`);
      continue;
    }
    if (child === null || child === undefined) continue;
    const childGoPath = goPath === "" ? name : `${goPath}.${name}`;
    const decoded = decodeValue(child, encoded, childPath, childGoPath, { struct: typeName, field: name }, context);
    if (decoded !== undefined) setOwn(out, name, decoded);
  }
  return out;
}

/** Records the first type mismatch (a whole request fails on it) and decodes the value to nothing. */
function mismatch(context: Context, shown: string, encoded: string, path: string, goPath: string, owner: { struct: string; field: string }): undefined {
  if (context.typeError === undefined) {
    context.typeError = `json: cannot unmarshal ${shown} into Go struct field ${owner.struct}.${goPath} of type ${goTypeOf(encoded, owner.field)}`;
    context.typeErrorField = path;
  }
  return undefined;
}

function decodeValue(
  value: unknown,
  encoded: string,
  path: string,
  goPath: string,
  owner: { struct: string; field: string },
  context: Context,
): unknown {
  if (value instanceof Date) value = value.toISOString().replace(".000Z", "Z");
  if (encoded === "*") return value;
  if (encoded.startsWith("[")) {
    if (!Array.isArray(value)) return mismatch(context, jsonTypeOf(value), encoded, path, goPath, owner);
    const item = encoded.slice(1);
    // encoding/json decodes a null list item to the item type's zero value (an empty struct, "", 0, false).
    return value.map((element, i) =>
      element === null || element === undefined ? zeroValue(item) : decodeValue(element, item, `${path}[${i}]`, goPath, owner, context),
    );
  }
  if (encoded.startsWith("{")) {
    if (typeof value !== "object" || Array.isArray(value)) return mismatch(context, jsonTypeOf(value), encoded, path, goPath, owner);
    const item = encoded.slice(1);
    const out: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
      if (element === null || element === undefined) {
        if (item === "s") setOwn(out, key, "");
        continue;
      }
      setOwn(out, key, decodeValue(element, item, `${path}[${key}]`, goPath, owner, context));
    }
    return out;
  }
  switch (encoded) {
    case "s":
      return typeof value === "string" ? value : mismatch(context, jsonTypeOf(value), encoded, path, goPath, owner);
    case "b":
      return typeof value === "boolean" ? value : mismatch(context, jsonTypeOf(value), encoded, path, goPath, owner);
    case "n": {
      if (typeof value !== "number") return mismatch(context, jsonTypeOf(value), encoded, path, goPath, owner);
      const int64 = INT64_FIELDS.has(owner.field);
      const max = int64 ? Number.MAX_SAFE_INTEGER : 2147483647;
      const min = int64 ? Number.MIN_SAFE_INTEGER : -2147483648;
      if (!Number.isInteger(value) || value > max || value < min) return mismatch(context, `number ${value}`, encoded, path, goPath, owner);
      return value;
    }
    case "x":
      if (typeof value === "string") return value;
      if (typeof value === "number") {
        // A quantity may be fractional (`cpu: 0.5`); an IntOrString number must be an int32.
        const isQuantity = QUANTITY_FIELDS.has(owner.field) || !path.endsWith(owner.field);
        if (isQuantity || (Number.isInteger(value) && Math.abs(value) <= 2147483647)) return value;
        if (context.typeError === undefined) {
          context.typeError = `json: cannot unmarshal number ${value} into Go value of type int32`;
          context.typeErrorField = path;
        }
        return undefined;
      }
      // intstr.IntOrString.UnmarshalJSON falls back to decoding an int32 and returns that error unwrapped.
      if (context.typeError === undefined) {
        context.typeError = `json: cannot unmarshal ${jsonTypeOf(value)} into Go value of type int32`;
        context.typeErrorField = path;
      }
      return undefined;
    default:
      if (typeof value !== "object" || Array.isArray(value)) return mismatch(context, jsonTypeOf(value), encoded, path, goPath, owner);
      return decodeStruct(value as Record<string, unknown>, encoded, path, goPath, context);
  }
}
