import { KIND_INFO } from "@/lib/sim/objects/kinds";
import { OPENAPI_ROOTS, OPENAPI_TYPES } from "@/lib/sim/validation/openapi-fields";
import { FIELD_DESCRIPTIONS } from "./explain-descriptions";
import { failWith, type KubectlVerb } from "./kubectl-verb";
import { resolveResourceType } from "./resource-types";

/** `s`, `[ServicePort`, `{s` → `string`, `[]ServicePort`, `map[string]string` as kubectl explain prints types. */
function formatType(code: string): string {
  if (code.startsWith("[")) return `[]${formatType(code.slice(1))}`;
  if (code.startsWith("{")) return `map[string]${formatType(code.slice(1))}`;
  return ({ s: "string", n: "integer", b: "boolean", x: "IntOrString", "*": "Object" } as Record<string, string>)[code] ?? code;
}

function fieldsOf(type: string): [string, string][] {
  const spec = OPENAPI_TYPES[type];
  if (!spec) return [];
  return spec.split(" ").filter(Boolean).map((entry) => {
    const colon = entry.indexOf(":");
    return [entry.slice(0, colon), entry.slice(colon + 1)];
  });
}

function typeName(code: string): string {
  return code.replace(/^[[{]+/, "");
}

function describe(type: string, field: string | undefined): string | undefined {
  if (field === undefined) return FIELD_DESCRIPTIONS[type];
  return FIELD_DESCRIPTIONS[`${type}.${field}`] ?? (["apiVersion", "kind", "metadata", "spec", "status"].includes(field) ? FIELD_DESCRIPTIONS[`Object.${field}`] : undefined);
}

function wrap(text: string, indent: string): string {
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && (indent + line + " " + word).length > 80) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

/**
 * `kubectl explain TYPE[.field.path]` in the plaintext layout of kubectl v1.32 (k8s.io/kubectl pkg/explain/v2
 * templates/plaintext.tmpl): KIND, VERSION, the field's type, its description and the fields it contains.
 * Field names and types come from the OpenAPI table strict decoding uses; descriptions cover the fields the
 * course teaches.
 */
export const explainVerb: KubectlVerb = {
  summary: "Get documentation for a resource.",
  flags: [{ long: "recursive", boolean: true }, { long: "api-version" }, { long: "output", short: "o" }],
  run(flags) {
    const path = flags.positionals[0];
    if (!path) return failWith("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples\n");
    const [resource, ...fields] = path.split(".");
    const kind = resolveResourceType(resource);
    if (!kind) return failWith(`error: the server doesn't have a resource type "${resource}"\n`);
    let type = OPENAPI_ROOTS[kind];
    let code = type;
    let parent = type;
    for (const field of fields) {
      const found = fieldsOf(typeName(code)).find(([name]) => name === field);
      if (!found) return failWith(`error: field "${field}" does not exist\n`);
      parent = typeName(code);
      code = found[1];
    }
    type = typeName(code);
    const info = KIND_INFO[kind];
    const lines = [`GROUP:      ${info.group}`, `KIND:       ${kind}`, `VERSION:    ${info.apiVersion.split("/").pop()}`, ""];
    if (info.group === "") lines.shift();
    const last = fields[fields.length - 1];
    if (last) lines.push(`FIELD: ${last} <${formatType(code)}>`, "");
    lines.push("DESCRIPTION:", wrap(describe(last ? parent : kind, last) ?? (last ? `${last} of the ${parent}.` : `${kind} is a Kubernetes ${info.namespaced ? "namespaced" : "cluster-scoped"} resource.`), "    "), "    ");
    const children = fieldsOf(type);
    if (children.length > 0) {
      lines.push("FIELDS:");
      for (const [name, childCode] of children) {
        lines.push(`  ${name}\t<${formatType(childCode)}>`);
        const text = describe(type, name);
        if (text) lines.push(wrap(text, "    "));
        lines.push("");
      }
    }
    return { stdout: `${lines.join("\n").replace(/\n+$/, "")}\n\n`, stderr: "", exitCode: 0 };
  },
};
