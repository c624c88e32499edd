import type { ClusterState } from "@/lib/sim/cluster-state";
import type { AnyObject, Kind, KindMap } from "@/lib/sim/objects/kinds";

/** What a kind's printer needs besides the object: the clock for AGE and the cluster for cross-references. */
export interface PrintContext {
  now: Date;
  state: ClusterState;
}

/**
 * One kind's table as kubectl's server-side printers define it
 * (kubernetes/kubernetes pkg/printers/internalversion/printers.go AddHandlers: the column definitions, with
 * `Priority: 1` columns shown only with `-o wide`).
 */
export interface TablePrinter<K extends Kind = Kind> {
  headers: readonly string[];
  wideHeaders: readonly string[];
  row(object: KindMap[K], context: PrintContext): string[];
  wide(object: KindMap[K], context: PrintContext): string[];
}

export function definePrinter<K extends Kind>(printer: TablePrinter<K>): TablePrinter {
  return printer as unknown as TablePrinter;
}

/** The name and age cells every printer starts and ends with. */
export function nameOf(object: AnyObject): string {
  return object.metadata.name;
}

/** Joins values the way printers.go does for lists of addresses or hosts: at most `max`, then `+ N more...`. */
export function joinLimited(values: readonly string[], max = 3, separator = ","): string {
  if (values.length <= max) return values.join(separator);
  return `${values.slice(0, max).join(separator)} + ${values.length - max} more...`;
}

/** `<none>` for an empty cell, as printers.go writes it. */
export function orNone(text: string | undefined): string {
  return text === undefined || text === "" ? "<none>" : text;
}
