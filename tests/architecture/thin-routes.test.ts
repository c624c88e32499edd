import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");

function listSources(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listSources(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]);
}

/** Routes and components reach the database only through lib/db's repositories, never Prisma itself. */
const PRISMA = /^(@prisma\/|@\/lib\/generated\/|@\/lib\/db\/prisma-client$)/;

describe("thin routes: app/ and components/ hold no database code", () => {
  test.each([...listSources("app"), ...listSources("components")])("%s does not import Prisma", (file) => {
    expect(importsOf(file).filter((specifier) => PRISMA.test(specifier))).toEqual([]);
  });

  test("client components do not import the server-only database layer", () => {
    const clientFiles = listSources("components").filter((file) => /^["']use client["']/m.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    const offending = clientFiles.flatMap((file) => importsOf(file).filter((s) => s.startsWith("@/lib/db")).map((s) => `${file}: ${s}`));
    expect(offending).toEqual([]);
  });
});
