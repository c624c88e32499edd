import { readFileSync } from "node:fs";
import { runConformanceFile } from "@/lib/sim/conformance/run-conformance-case";
import { formatQueryFailure, formatQueryPass, type QueryResult } from "@/lib/sim/conformance/query-result";

/**
 * `npm run conformance -- [--verbose] FILE.json [FILE.json …]`: answers every query of every case file
 * against a fresh simulated cluster, prints one line per failing query (and, with --verbose, per passing
 * one), then `conformance: N passed, M failed`. Exit code 0 only when nothing failed.
 */
function fileFailure(path: string, expected: string, error: unknown): QueryResult {
  return { caseId: path, index: -1, summary: "file", passed: false, expected, got: (error as Error).message };
}

function runCaseFile(path: string): QueryResult[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return [fileFailure(path, "a readable file", error)];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [fileFailure(path, "valid JSON", error)];
  }
  return runConformanceFile(json, path);
}

function main(argv: string[]): number {
  const verbose = argv.includes("--verbose") || argv.includes("-v");
  const unknownFlags = argv.filter((a) => a.startsWith("-") && a !== "--verbose" && a !== "-v" && a !== "--");
  const files = argv.filter((a) => !a.startsWith("-"));
  if (unknownFlags.length > 0 || files.length === 0) {
    if (unknownFlags.length > 0) console.error(`conformance: unknown flag ${unknownFlags[0]}`);
    console.error("usage: npm run conformance -- [--verbose] FILE.json [FILE.json …]");
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    for (const result of runCaseFile(file)) {
      if (result.passed) {
        passed += 1;
        if (verbose) console.log(formatQueryPass(result));
      } else {
        failed += 1;
        console.log(formatQueryFailure(result));
      }
    }
  }
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
