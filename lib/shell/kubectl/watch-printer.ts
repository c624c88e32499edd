import type { AnyObject, Kind } from "@/lib/sim/objects/kinds";
import { TableWriter } from "../format/table-writer";
import { buildTableColumns, type TableColumnOptions, type TableColumns } from "./build-table-columns";
import { evaluateJsonPath } from "./evaluate-jsonpath";
import { formatJson, formatYaml, type OutputFormat } from "./format-object-output";
import { formatResourcePrefix } from "./resource-types";
import type { PrintContext } from "./table-printer";

/** A watch event as the API server sends it (k8s.io/apimachinery pkg/watch: Added, Modified, Deleted). */
export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: AnyObject;
}

export interface WatchPrintOptions extends TableColumnOptions {
  format: OutputFormat;
  /** `--output-watch-events`: each object is printed as its event (EVENT column, or `{type, object}`). */
  outputWatchEvents: boolean;
  noHeaders: boolean;
}

/**
 * The EVENT cell, padded to the longest type so rows line up however wide the first flush was
 * (k8s.io/cli-runtime pkg/printers/tableprinter.go formattedEventType).
 */
const EVENT_CELLS: Readonly<Record<WatchEvent["type"], string>> = { ADDED: "ADDED   ", MODIFIED: "MODIFIED", DELETED: "DELETED " };

/** encoding/json Marshal: compact, with <, > and & escaped as \u003c, \u003e, \u0026. */
function formatCompactJson(text: string): string {
  return text.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/**
 * A watched table (tableprinter.go HumanReadablePrinter.PrintObj): the header goes out once, with the first
 * rows, and never again while the columns stay the same (printedHeaders, lastColumns); with
 * --output-watch-events each row starts with its event type; every flush keeps the widths earlier ones set.
 */
export class WatchTable {
  private readonly writer = new TableWriter();
  private printedHeader = false;

  constructor(
    private readonly header: readonly string[],
    private readonly options: { outputWatchEvents: boolean; noHeaders: boolean },
  ) {}

  /** One flush of rows. */
  print(rows: readonly { type: WatchEvent["type"]; cells: readonly string[] }[]): string {
    const lines = rows.map((row) => [...(this.options.outputWatchEvents ? [EVENT_CELLS[row.type]] : []), ...row.cells]);
    if (lines.length === 0) return "";
    if (!this.printedHeader && !this.options.noHeaders) lines.unshift([...(this.options.outputWatchEvents ? ["EVENT"] : []), ...this.header]);
    this.printedHeader = true;
    return this.writer.write(lines);
  }
}

/**
 * What `kubectl get --watch` prints for each object it receives (k8s.io/kubectl pkg/cmd/get/get.go watch). A
 * table's header is printed once, with the first rows, and never again while the columns stay the same
 * (tableprinter.go HumanReadablePrinter.PrintObj: printedHeaders, lastColumns); every flush keeps the widths
 * earlier ones set (TableWriter). YAML documents after the first are preceded by `---` (printers/yaml.go
 * printCount); with --output-watch-events JSON events are one compact line each (printers/json.go, the
 * *metav1.WatchEvent case), YAML and JSONPath see `{type, object}`.
 */
export class WatchPrinter {
  private readonly columns: TableColumns;
  private readonly table: WatchTable;
  private printedDocuments = 0;

  constructor(
    kind: Kind,
    private readonly options: WatchPrintOptions,
  ) {
    this.columns = buildTableColumns(kind, options);
    this.table = new WatchTable(this.columns.header, options);
  }

  /** One flush: the initial list goes out together, every later event on its own. */
  print(events: readonly WatchEvent[], context: PrintContext): { text: string; error?: string } {
    const format = this.options.format;
    if (format.kind === "table") return { text: this.table.print(events.map((event) => ({ type: event.type, cells: this.columns.row(event.object, context) }))) };
    let text = "";
    for (const event of events) {
      const data = this.options.outputWatchEvents ? { type: event.type, object: event.object } : event.object;
      switch (format.kind) {
        case "name":
          text += `${formatResourcePrefix(event.object.kind as Kind)}/${event.object.metadata.name}\n`;
          break;
        case "yaml":
          text += `${this.printedDocuments++ > 0 ? "---\n" : ""}${formatYaml(data)}`;
          break;
        case "json":
          text += this.options.outputWatchEvents ? `{"type":${JSON.stringify(event.type)},"object":${formatCompactJson(JSON.stringify(JSON.parse(formatJson(event.object))))}}\n` : formatJson(event.object);
          break;
        case "jsonpath": {
          const result = evaluateJsonPath(format.template, data);
          if (!result.ok) return { text, error: result.message };
          text += result.text;
        }
      }
    }
    return { text };
  }
}
