/**
 * Go's text/tabwriter, the elastic-tabstop algorithm kubectl describe writes through
 * (k8s.io/kubectl pkg/describe/describe.go: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)). A column is a block of
 * consecutive lines that have a tab-terminated cell in that position; a line without one ends the block, which is
 * why `Labels:` and `Containers:` sections of describe output are aligned independently. The last cell of a line
 * is never padded.
 */
export function formatTabwriter(text: string, options: { minWidth?: number; padding?: number } = {}): string {
  const minWidth = options.minWidth ?? 0;
  const padding = options.padding ?? 2;
  const hasFinalNewline = text.endsWith("\n");
  const lines = (hasFinalNewline ? text.slice(0, -1) : text).split("\n").map((line) => line.split("\t"));
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];
  const width = (cell: string) => [...cell].length;

  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      out[i] = cells.map((cell, c) => (c < cells.length - 1 && c < widths.length ? cell + " ".repeat(Math.max(0, widths[c] - width(cell))) : c < cells.length - 1 ? cell : cell)).join("");
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      write(start, current);
      start = current;
      let columnWidth = minWidth;
      let end = current;
      for (; end < line1; end++) {
        const cells = lines[end];
        if (column >= cells.length - 1) break;
        columnWidth = Math.max(columnWidth, width(cells[column]) + padding);
      }
      widths.push(columnWidth);
      format(start, end);
      widths.pop();
      start = end;
      current = end - 1;
    }
    write(start, line1);
  };

  format(0, lines.length);
  return out.join("\n") + (hasFinalNewline ? "\n" : "");
}
