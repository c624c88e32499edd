import { CNI_PROFILES } from "../cni/cni-profile";
import { MATRIX_ALLOWED, MATRIX_EGRESS_ALLOWED, MATRIX_INGRESS_ALLOWED, type ConnectivityMatrix } from "./connectivity-matrix";

/**
 * A truth table in the style of cyclonus' and the e2e suite's reachability output: sources down the side,
 * destinations across, `.` for connected and `X` for blocked. Where the CNI does not enforce NetworkPolicy,
 * pairs the policies would block print `!`, so the table shows what an enforcing plugin would change.
 */
export function formatConnectivityMatrix(matrix: ConnectivityMatrix): string {
  const names = matrix.pods.map((p) => `${p.namespace}/${p.name}`);
  const header = [`${matrix.protocol}/${matrix.port}`, ...names];
  const n = names.length;
  const rows = names.map((source, s) => [
    source,
    ...names.map((_, d) => formatCell(matrix.cells[s * n + d], matrix.enforced)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const table = [line, render(header), line, ...rows.map(render), line];
  const blocked = matrix.cells.reduce((count, c) => count + ((c & MATRIX_ALLOWED) === 0 ? 1 : 0), 0);
  table.push(`${n * n - blocked} of ${n * n} connections allowed`);
  if (!matrix.enforced) {
    table.push(`NetworkPolicy is not enforced by ${CNI_PROFILES[matrix.cni].displayName}: ! marks pairs an enforcing CNI would block`);
  }
  return table.join("\n");
}

function formatCell(flags: number, enforced: boolean): string {
  if ((flags & MATRIX_ALLOWED) === 0) return "X";
  const policyAllows = (flags & MATRIX_EGRESS_ALLOWED) !== 0 && (flags & MATRIX_INGRESS_ALLOWED) !== 0;
  return !enforced && !policyAllows ? "!" : ".";
}
