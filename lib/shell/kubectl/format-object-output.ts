import { stringify } from "yaml";
import type { AnyObject, Kind } from "@/lib/sim/objects/kinds";
import { evaluateGoTemplate } from "./evaluate-go-template";
import { formatCustomColumns, parseCustomColumns, type CustomColumn } from "./format-custom-columns";
import { evaluateJsonPath } from "./evaluate-jsonpath";
import { formatResourcePrefix } from "./resource-types";

export type OutputFormat =
  | { kind: "table"; wide: boolean }
  | { kind: "yaml" }
  | { kind: "json" }
  | { kind: "name" }
  | { kind: "jsonpath"; template: string }
  | { kind: "go-template"; template: string }
  | { kind: "custom-columns"; columns: CustomColumn[] };

/**
 * `-o` values kubectl get accepts (k8s.io/cli-runtime pkg/genericclioptions print flags). `--template` without
 * `-o` selects go-template, "for backwards compatibility" (k8s.io/kubectl pkg/cmd/get/get_flags.go ToPrinter),
 * which is how https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/
 * prints a container port; `-o go-template|template` takes its template from `--template`.
 */
export function parseOutputFormat(value: string | undefined, templateFlag?: string): OutputFormat | { error: string } {
  if ((value === undefined || value === "") && templateFlag) return { kind: "go-template", template: templateFlag };
  if (value === undefined || value === "") return { kind: "table", wide: false };
  const customColumns = /^custom-columns=(.*)$/s.exec(value);
  if (customColumns) {
    const columns = parseCustomColumns(customColumns[1]);
    return "error" in columns ? columns : { kind: "custom-columns", columns };
  }
  if (value === "custom-columns") return { error: "error: custom-columns format specified but no custom columns given" };
  const goTemplate = /^(?:go-template|template)(?:=(.*))?$/s.exec(value);
  if (goTemplate) {
    const template = goTemplate[1] ?? templateFlag;
    return template ? { kind: "go-template", template } : { error: "error: template format specified but no template given" };
  }
  if (value === "wide") return { kind: "table", wide: true };
  if (value === "yaml" || value === "json" || value === "name") return { kind: value };
  const jsonpath = /^jsonpath(?:-as-json)?=(.*)$/s.exec(value);
  if (jsonpath) return { kind: "jsonpath", template: jsonpath[1] };
  if (value === "jsonpath") return { error: "error: template format specified but no template given" };
  return {
    error: `error: unable to match a printer suitable for the output format "${value}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
  };
}

/** Keys sorted at every level: kubectl prints unstructured objects, whose maps Go marshals in key order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** sigs.k8s.io/yaml output: sorted keys, sequences not indented under their key, YAML 1.1 quoting (timestamps quoted). */
export function formatYaml(value: unknown): string {
  return stringify(sortKeys(value), { indentSeq: false, lineWidth: 0, version: "1.1" });
}

/** encoding/json MarshalIndent with four spaces, which escapes <, > and & as \u003c, \u003e, \u0026. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 4).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026")}\n`;
}

/** The List kubectl wraps several objects in for -o yaml|json|jsonpath. */
export function buildList(objects: readonly AnyObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
}

/**
 * Prints objects in a machine format. `single` is true when one object was asked for by name, in which case
 * kubectl prints the object itself rather than a List.
 */
export function formatObjects(objects: readonly AnyObject[], format: Exclude<OutputFormat, { kind: "table" }>, single: boolean, noHeaders = false): { stdout: string; error?: string } {
  if (format.kind === "custom-columns") return { stdout: formatCustomColumns(objects, format.columns, noHeaders) };
  const data = single && objects.length === 1 ? objects[0] : buildList(objects);
  switch (format.kind) {
    case "name":
      return { stdout: objects.map((o) => `${formatResourcePrefix(o.kind as Kind)}/${o.metadata.name}\n`).join("") };
    case "yaml":
      return { stdout: formatYaml(data) };
    case "json":
      return { stdout: formatJson(data) };
    case "jsonpath": {
      const result = evaluateJsonPath(format.template, data);
      return result.ok ? { stdout: result.text } : { stdout: "", error: result.message };
    }
    case "go-template": {
      const result = evaluateGoTemplate(format.template, data);
      return result.ok ? { stdout: result.text } : { stdout: "", error: result.message };
    }
  }
}
