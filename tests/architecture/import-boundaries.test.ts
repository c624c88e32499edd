import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { scanPureSource } from "./scan-pure-source";

const ROOT = path.resolve(__dirname, "..", "..");
const PURE_ROOTS = ["lib/sim", "lib/grader", "lib/shell"];

function listTypeScript(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listTypeScript(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("the pure core (lib/sim, lib/grader, lib/shell) runs unchanged in the browser and in Node", () => {
  test.each(PURE_ROOTS)("%s exists as a folder", (root) => {
    expect(fs.statSync(path.join(ROOT, root)).isDirectory()).toBe(true);
  });

  const files = PURE_ROOTS.flatMap(listTypeScript);
  test.each(files.length > 0 ? files : ["(no files yet)"])("%s imports nothing impure and touches no DOM or Node global", (file) => {
    if (!file.endsWith(".ts") && !file.endsWith(".tsx")) return;
    const violations = scanPureSource(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ROOT);
    expect(violations.map((v) => `${file}:${v.line}: ${v.rule}`)).toEqual([]);
  });
});

describe("the scanner itself", () => {
  test.each([
    { label: "React", source: 'import { useState } from "react";', rule: 'imports "react"' },
    { label: "a Next.js module", source: 'import Link from "next/link";', rule: 'imports "next/link"' },
    { label: "Prisma", source: 'import { PrismaClient } from "@prisma/client";', rule: 'imports "@prisma/client"' },
    { label: "xterm", source: 'import { Terminal } from "@xterm/xterm";', rule: 'imports "@xterm/xterm"' },
    { label: "CodeMirror", source: 'export { EditorView } from "@codemirror/view";', rule: 'imports "@codemirror/view"' },
    { label: "node:fs", source: 'import fs from "node:fs";', rule: 'imports "node:fs"' },
    { label: "a bare Node builtin", source: 'import path from "path";', rule: 'imports "path"' },
    { label: "a dynamic import of a Node builtin", source: 'const m = await import("crypto");', rule: 'imports "crypto"' },
    { label: "the database layer by alias", source: 'import { x } from "@/lib/db/progress-repository";', rule: 'imports "@/lib/db/progress-repository"' },
    { label: "a relative path out of the core", source: 'import { x } from "../../components/mdx/callout";', rule: 'imports "../../components/mdx/callout" from outside the pure core' },
    { label: "window", source: "export const w = window.innerWidth;", rule: "uses the global window" },
    { label: "document", source: "document.title = 'x';", rule: "uses the global document" },
    { label: "process", source: "export const env = process.env.X;", rule: "uses the global process" },
    { label: "Buffer", source: "export const b = Buffer.from('x');", rule: "uses the global Buffer" },
    { label: "Math.random", source: "export const r = Math.random();", rule: "uses Math.random (use the simulator's seed or clock)" },
    { label: "Date.now", source: "export const t = Date.now();", rule: "uses Date.now (use the simulator's seed or clock)" },
  ])("flags $label", ({ source, rule }) => {
    expect(scanPureSource("lib/sim/example.ts", source, ROOT).map((v) => v.rule)).toEqual([rule]);
  });

  test.each([
    { label: "a sibling module", source: 'import { ok } from "./result";' },
    { label: "another pure folder by alias", source: 'import { x } from "@/lib/sim/config";' },
    { label: "an allowed package", source: 'import { parseDocument } from "yaml";' },
    { label: "a property named like a global", source: "export const o = { document: 1, process: 2 }; o.document;" },
    { label: "a local variable named like a global", source: "export function f(process: number) { return process + 1; }" },
    { label: "a type-only mention in a comment", source: "// window and document are not used here\nexport const x = 1;" },
  ])("accepts $label", ({ source }) => {
    expect(scanPureSource("lib/sim/example.ts", source, ROOT)).toEqual([]);
  });
});
