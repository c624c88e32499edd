import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { prepareDatabase, removeDatabase } from "./route-fixture";

vi.mock("server-only", () => ({}));

const database = prepareDatabase("lab-api-health-");
const { GET } = await import("@/app/api/health/route");
const { checkDatabase } = await import("@/lib/db/health");
const { createPrismaClient } = await import("@/lib/db/prisma-client");

const clients: ReturnType<typeof createPrismaClient>[] = [];
const clientFor = (file: string) => {
  const client = createPrismaClient(`file:${file}`);
  clients.push(client);
  return client;
};

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  removeDatabase(database);
});

describe("GET /api/health", () => {
  test("answers 200 {status: ok, database: ok} on a migrated database", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});

describe("checkDatabase", () => {
  test("a migrated database is ok", async () => {
    expect(await checkDatabase(clientFor(path.join(database.dataDir, "lab.db")))).toEqual({ ok: true });
  });

  test.each([
    { label: "an empty, unmigrated file", prepare: (file: string) => fs.writeFileSync(file, ""), reason: /^The table `main\.Learner` does not exist in the current database\.$/ },
    { label: "a file that is not a database", prepare: (file: string) => fs.writeFileSync(file, "not a database ".repeat(100)), reason: /^file is not a database$/ },
    { label: "a directory that does not exist", prepare: () => undefined, nested: true, reason: /^Cannot open database because the directory does not exist$/ },
  ])("$label is unavailable, with the reason", async ({ label, prepare, nested, reason }) => {
    const file = path.join(database.dataDir, nested ? "missing-dir/lab.db" : `probe-${label.replace(/\W+/g, "-")}.db`);
    prepare(file);
    const health = await checkDatabase(clientFor(file));
    expect(health.ok).toBe(false);
    expect(health.ok ? "" : health.reason).toMatch(reason);
    expect(health.ok ? "" : health.reason, "one line, without Prisma's call site or code frame").not.toMatch(/\n|invocation|findFirst/);
  });
});
