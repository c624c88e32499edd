import os from "node:os";
import type { BenchRow } from "./bench-row";

/**
 * `npm run bench`: every performance figure the issues name, as one table, with the machine it ran on.
 * Each suite is a module exporting an async function that returns rows; `npm run bench -- NAME…` runs a subset.
 */
const SUITES: Record<string, () => Promise<BenchRow[]>> = {
  "sim-scenario": async () => (await import("./sim-scenario")).runSimScenarioBenchmark(),
  "netpol-matrix": async () => (await import("./netpol-matrix")).runNetpolMatrixBenchmark(),
  "shell-commands": async () => (await import("./shell-commands")).runShellCommandBenchmark(),
  grade: async () => (await import("./grade-exercises")).runGradeBenchmark(),
  "http-grading": async () => (await import("./http-grading")).runHttpGradingBenchmark(),
};

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function formatRows(rows: readonly BenchRow[]): string {
  const header = ["benchmark", "samples", "median ms", "p99 ms", "other"];
  const lines = rows.map((r) => [
    r.name,
    String(r.samples),
    r.medianMs.toFixed(3),
    r.p99Ms.toFixed(3),
    Object.entries(r.extra ?? {}).map(([k, v]) => `${k}=${v}`).join(" "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [fmt(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)].join("\n");
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) {
    console.error(`unknown benchmark suite(s): ${unknown.join(", ")}; known: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  const rows: BenchRow[] = [];
  for (const name of names) rows.push(...(await SUITES[name]()));
  console.log(`machine: ${machine()}`);
  console.log(`date: ${new Date().toISOString()}`);
  console.log(formatRows(rows));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
