import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const ROOT = path.resolve(__dirname, "..", "..");

export interface TestDatabase {
  dataDir: string;
  databaseUrl: string;
}

/**
 * A fresh SQLite file migrated by the same script `npm start` runs, named by DATABASE_URL and LAB_DATA_DIR
 * before any module of lib/db reads the environment (lib/env.ts parses it once).
 */
export function prepareDatabase(prefix: string): TestDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const databaseUrl = `file:${path.join(dataDir, "lab.db")}`;
  const migrated = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs")], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migration failed: ${migrated.stderr}`);
  process.env.DATABASE_URL = databaseUrl;
  process.env.LAB_DATA_DIR = dataDir;
  process.env.LAB_SESSION_SECRET = "route-tests-secret-of-at-least-thirty-two-characters";
  return { dataDir, databaseUrl };
}

export interface RowCounts {
  learners: number;
  submissions: number;
  progress: number;
  sandboxes: number;
}

export async function countRows(db: PrismaClient): Promise<RowCounts> {
  const [learners, submissions, progress, sandboxes] = await Promise.all([db.learner.count(), db.submission.count(), db.exerciseProgress.count(), db.sandbox.count()]);
  return { learners, submissions, progress, sandboxes };
}

let address = 0;

/** Each request comes from its own address unless told otherwise, so only the rate-limit tests share a bucket. */
export function buildRequest(url: string, init: { method?: string; body?: BodyInit; contentType?: string | null; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.contentType !== null) headers.set("content-type", init.contentType ?? "application/json");
  if (!headers.has("x-forwarded-for")) {
    address++;
    headers.set("x-forwarded-for", `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`);
  }
  return new Request(url, { method: init.method ?? "POST", body: init.body, headers, ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
}

export function removeDatabase(database: TestDatabase): void {
  fs.rmSync(database.dataDir, { recursive: true, force: true });
}
