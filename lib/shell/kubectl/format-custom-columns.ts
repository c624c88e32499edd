import type { AnyObject } from "@/lib/sim/objects/kinds";
import { formatGoValue } from "../format/format-go-value";
import { formatTable } from "../format/format-table";
import { findJsonPathValues } from "./evaluate-jsonpath";

export interface CustomColumn {
  header: string;
  /** A JSONPath expression: `{.status.podIP}`, or `.status.podIP` as kubectl relaxes it. */
  path: string;
}

/**
 * `-o custom-columns=HEADER:PATH,…` (k8s.io/cli-runtime pkg/printers/customcolumn.go NewCustomColumnsPrinterFromSpec):
 * the spec is split on commas, each part on its first colon; anything else is the error kubectl gives.
 */
export function parseCustomColumns(spec: string): CustomColumn[] | { error: string } {
  if (spec.length === 0) return { error: "error: custom-columns format specified but no custom columns given" };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon <= 0 || colon === part.length - 1) return { error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    columns.push({ header: part.slice(0, colon), path: part.slice(colon + 1) });
  }
  return columns;
}

/**
 * One row per object (customcolumn.go printOneObject): every value the column's path finds, printed with Go's %v
 * (fmt.Sprint of the unstructured value, so a list of maps reads `[map[ip:10.244.3.4]]`) and joined by commas;
 * `<none>` when the path finds nothing. Columns go through kubectl's usual tabwriter. The layout is the one
 * https://kubernetes.io/docs/tutorials/services/connect-applications-service/ shows for
 * `-o custom-columns=POD_IP:.status.podIPs`.
 */
export function formatCustomColumns(objects: readonly AnyObject[], columns: readonly CustomColumn[], noHeaders = false): string {
  const rows = objects.map((object) =>
    columns.map((column) => {
      const values = findJsonPathValues(column.path, object).filter((v) => v !== undefined);
      return values.length === 0 ? "<none>" : values.map(formatGoValue).join(",");
    }),
  );
  return formatTable(noHeaders ? rows : [columns.map((c) => c.header), ...rows]);
}
