import { KIND_INFO, type AnyObject, type Kind } from "@/lib/sim/objects/kinds";
import { formatResourcePrefix } from "./resource-types";
import type { PrintContext } from "./table-printer";
import { TABLE_PRINTERS } from "./table-printers";

/** How `kubectl get` decorates a kind's table (k8s.io/cli-runtime pkg/printers/tableprinter.go decorateTable). */
export interface TableColumnOptions {
  /** `-o wide`: the printer's priority-1 columns too. */
  wide: boolean;
  /** `-A`: NAMESPACE first, for namespaced kinds. */
  allNamespaces: boolean;
  /** `--show-labels`: LABELS last. */
  showLabels: boolean;
  /** Several kinds in one listing: names carry their resource prefix (`service/web`). */
  withKind: boolean;
}

export interface TableColumns {
  header: string[];
  row(object: AnyObject, context: PrintContext): string[];
}

function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? entries.map(([k, v]) => `${k}=${v}`).join(",") : "<none>";
}

/** The header and the row cells of one kind's table, as `kubectl get` prints it with these flags. */
export function buildTableColumns(kind: Kind, options: TableColumnOptions): TableColumns {
  const printer = TABLE_PRINTERS[kind];
  const withNamespace = options.allNamespaces && KIND_INFO[kind].namespaced;
  return {
    header: [...(withNamespace ? ["NAMESPACE"] : []), ...printer.headers, ...(options.wide ? printer.wideHeaders : []), ...(options.showLabels ? ["LABELS"] : [])],
    row(object, context) {
      const cells = printer.row(object, context);
      if (options.withKind) cells[0] = `${formatResourcePrefix(kind)}/${cells[0]}`;
      return [...(withNamespace ? [object.metadata.namespace ?? ""] : []), ...cells, ...(options.wide ? printer.wide(object, context) : []), ...(options.showLabels ? [formatLabels(object.metadata.labels)] : [])];
    },
  };
}
