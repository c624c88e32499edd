/**
 * kubectl's tabwriter across flushes: the printers write through liggitt/tabwriter with RememberWidths
 * (kubernetes/kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go: tabwriterFlags =
 * tabwriter.RememberWidths), and `kubectl get --watch` flushes after every event (staging/src/k8s.io/kubectl
 * pkg/cmd/get/get.go watch: writer.Flush()). Each column keeps the widest width any flush gave it, so a later
 * row lines up under the header, and a wider cell pushes its column out for that row and every row after it.
 * Widths follow formatTable: max(minwidth 6, widest cell + padding 3); the last cell of a row is not padded.
 */
const MIN_WIDTH = 6;
const PADDING = 3;

export class TableWriter {
  private readonly widths: number[] = [];

  /** Formats one flush of rows, remembering the column widths for the next. */
  write(rows: readonly (readonly string[])[]): string {
    if (rows.length === 0) return "";
    const columns = Math.max(...rows.map((r) => r.length));
    for (let c = 0; c < columns - 1; c++) {
      const widest = Math.max(0, ...rows.filter((r) => c < r.length - 1).map((r) => [...r[c]].length));
      this.widths[c] = Math.max(this.widths[c] ?? 0, MIN_WIDTH, widest + PADDING);
    }
    return rows.map((row) => `${row.map((cell, c) => (c < row.length - 1 ? cell + " ".repeat(Math.max(0, this.widths[c] - [...cell].length)) : cell)).join("")}\n`).join("");
  }
}
