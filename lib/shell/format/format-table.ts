/**
 * kubectl's column layout: Go's text/tabwriter with minwidth 6, padding 3 and space padding
 * (kubernetes/kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go: tabwriterMinWidth = 6,
 * tabwriterWidth = 4, tabwriterPadding = 3). Every cell but the last of a row is padded to its column's width,
 * max(minwidth, widest cell + padding); the last cell is written as is, so lines carry no trailing blanks.
 */
const MIN_WIDTH = 6;
const PADDING = 3;

export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  const columns = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns - 1; c++) {
    const widest = Math.max(0, ...rows.filter((r) => c < r.length - 1).map((r) => [...r[c]].length));
    widths.push(Math.max(MIN_WIDTH, widest + PADDING));
  }
  return rows
    .map((row) => row.map((cell, c) => (c < row.length - 1 ? padEnd(cell, widths[c]) : cell)).join(""))
    .map((line) => `${line}\n`)
    .join("");
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}
