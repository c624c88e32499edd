import { describe, expect, test } from "vitest";
import { TableWriter } from "@/lib/shell/format/table-writer";

/**
 * kubectl's tabwriter with RememberWidths (cli-runtime pkg/printers/tabwriter.go), flushed once per watch event.
 * The first case is kubernetes/kubectl pkg/cmd/get/get_test.go TestWatchLabelSelector: the header and two
 * listed pods, then two events for foo, each flushed alone and still under the header.
 */
describe("TableWriter", () => {
  test("rows flushed one at a time keep the widths the header set (get_test.go TestWatchLabelSelector)", () => {
    const writer = new TableWriter();
    const text = writer.write([["NAME", "AGE"], ["bar", "<unknown>"], ["foo", "<unknown>"]]) + writer.write([["foo", "<unknown>"]]) + writer.write([["foo", "<unknown>"]]);
    expect(text).toBe("NAME   AGE\nbar    <unknown>\nfoo    <unknown>\nfoo    <unknown>\nfoo    <unknown>\n");
  });

  test("a wider cell widens its column for that row and every later one, never narrowing again", () => {
    const writer = new TableWriter();
    expect(writer.write([["NAME", "STATUS", "AGE"], ["web-1", "Running", "5s"]])).toBe("NAME    STATUS    AGE\nweb-1   Running   5s\n");
    expect(writer.write([["web-1", "Terminating", "10s"]])).toBe("web-1   Terminating   10s\n");
    expect(writer.write([["web-2", "Running", "0s"]])).toBe("web-2   Running       0s\n");
  });

  test("columns are at least six wide and the last cell is never padded", () => {
    expect(new TableWriter().write([["A", "B", "C"]])).toBe("A     B     C\n");
    expect(new TableWriter().write([])).toBe("");
  });
});
