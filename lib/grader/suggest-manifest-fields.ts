import { OPENAPI_ROOTS, OPENAPI_TYPES } from "@/lib/sim/validation/openapi-fields";
import { KIND_INFO, KINDS, isKind } from "@/lib/sim/objects/kinds";

export interface FieldSuggestion {
  label: string;
  /** `string`, `integer or string`, `ServicePort list`…, shown beside the label. */
  detail: string;
  /** What to insert: `key: ` for scalars, `key:` plus a newline for objects and lists. */
  apply: string;
}

export interface SuggestionResult {
  /** Offset where the word being completed starts. */
  from: number;
  options: FieldSuggestion[];
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([A-Za-z0-9_.\-/]*)(:?)(.*)$/;

/**
 * Completion for the exercise editor: the fields the API accepts at the cursor's position in a manifest, from
 * the same OpenAPI field table strict decoding uses, so completion never offers a field the API server would
 * reject. `kind:` completes to the kinds the simulator knows and `apiVersion:` to the kind's group/version.
 */
export function suggestManifestFields(text: string, offset: number): SuggestionResult | null {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  const valueMatch = /^(\s*(?:-\s+)*)(kind|apiVersion):\s*([A-Za-z0-9./]*)$/.exec(line);
  const doc = currentDocument(text, lineStart);
  if (valueMatch) {
    const from = offset - valueMatch[3].length;
    if (valueMatch[2] === "kind") return { from, options: KINDS.map((k) => ({ label: k, detail: KIND_INFO[k].apiVersion, apply: k })) };
    const kind = /^kind:\s*([A-Za-z]+)/m.exec(doc)?.[1];
    const versions = kind && isKind(kind) ? [KIND_INFO[kind].apiVersion] : [...new Set(KINDS.map((k) => KIND_INFO[k].apiVersion))];
    return { from, options: versions.map((v) => ({ label: v, detail: "apiVersion", apply: v })) };
  }
  const keyMatch = KEY_LINE.exec(line);
  if (!keyMatch || keyMatch[4] === ":") return null;
  const column = keyMatch[1].length + keyMatch[2].length;
  const kind = /^kind:\s*([A-Za-z]+)/m.exec(doc)?.[1];
  const rootType = kind ? OPENAPI_ROOTS[kind] : undefined;
  if (!rootType) return null;
  const parents = parentKeys(text.slice(0, lineStart), column);
  const type = resolveType(rootType, parents);
  if (!type) return null;
  return { from: offset - keyMatch[3].length, options: fieldsOf(type) };
}

/** The text of the YAML document (between `---` lines) that contains the given offset. */
function currentDocument(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const start = Math.max(0, before.lastIndexOf("\n---") + 1);
  const afterIndex = text.indexOf("\n---", offset);
  return text.slice(start, afterIndex < 0 ? text.length : afterIndex);
}

/** Keys enclosing `column`, outermost first, found by walking up to lines indented less. */
function parentKeys(before: string, column: number): string[] {
  const lines = before.split("\n");
  const keys: string[] = [];
  let limit = column;
  for (let i = lines.length - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i];
    if (/^\s*(#|$)/.test(line) || line.startsWith("---")) {
      if (line.startsWith("---")) break;
      continue;
    }
    const match = KEY_LINE.exec(line);
    if (!match) continue;
    const keyColumn = match[1].length + match[2].length;
    const dashColumn = match[1].length;
    if (keyColumn < limit && match[3] && match[4] === ":" && match[5].trim() === "") {
      keys.unshift(match[3]);
      limit = match[2] ? dashColumn : keyColumn;
    } else if (match[2] && dashColumn < limit && keyColumn >= limit) {
      limit = dashColumn;
    } else if (keyColumn < limit) {
      limit = keyColumn;
    }
  }
  return keys;
}

function resolveType(root: string, keys: readonly string[]): string | undefined {
  let type = root;
  for (const key of keys) {
    const field: string | undefined = fieldTable(type).get(key);
    if (!field) return undefined;
    type = field.replace(/^\[/, "");
    if (type.startsWith("{") || !OPENAPI_TYPES[type]) return undefined;
  }
  return type;
}

function fieldTable(type: string): Map<string, string> {
  return new Map(
    (OPENAPI_TYPES[type] ?? "")
      .split(" ")
      .filter(Boolean)
      .map((entry) => {
        const colon = entry.indexOf(":");
        return [entry.slice(0, colon), entry.slice(colon + 1)] as const;
      }),
  );
}

function fieldsOf(type: string): FieldSuggestion[] {
  return [...fieldTable(type)]
    .filter(([name]) => name !== "status")
    .map(([name, fieldType]) => ({ label: name, detail: describe(fieldType), apply: isNested(fieldType) ? `${name}:\n` : `${name}: ` }));
}

function isNested(fieldType: string): boolean {
  return fieldType.startsWith("[") || fieldType.startsWith("{") || !!OPENAPI_TYPES[fieldType];
}

function describe(fieldType: string): string {
  const scalar: Record<string, string> = { s: "string", n: "number", b: "boolean", x: "integer or string", "*": "any" };
  if (fieldType.startsWith("[")) return `list of ${describe(fieldType.slice(1))}`;
  if (fieldType.startsWith("{")) return `map of ${describe(fieldType.slice(1))}`;
  return scalar[fieldType] ?? fieldType;
}
