#!/usr/bin/env node
// Applies the committed migrations (prisma/migrations) to the database named by DATABASE_URL, creating the
// SQLite file and its directory when missing. `npm start` runs this before the server; run it alone with
// `node scripts/migrate.mjs` before `npm run dev` on a fresh clone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Same defaults as lib/env.ts: data/lab.db under LAB_DATA_DIR (default ./data); relative paths from the project root. */
export function applyDatabaseDefaults(env = process.env) {
  const dataDir = path.resolve(ROOT, env.LAB_DATA_DIR ?? "data");
  const file = env.DATABASE_URL?.startsWith("file:")
    ? path.resolve(ROOT, env.DATABASE_URL.slice("file:".length))
    : path.join(dataDir, "lab.db");
  if (env.DATABASE_URL && !env.DATABASE_URL.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL of an SQLite database (got "${env.DATABASE_URL.split(":")[0]}:…")`);
  }
  env.DATABASE_URL = `file:${file}`;
  return file;
}

export function migrateDatabase(env = process.env) {
  const file = applyDatabaseDefaults(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    throw new Error(`prisma migrate deploy failed for ${file}`);
  }
  // Write-ahead logging is a property of the file: readers no longer block the writer, and a commit costs one
  // append and one sync of the log instead of a rollback journal's several syncs (https://sqlite.org/wal.html).
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  const applied = (result.stdout ?? "").includes("No pending migrations") ? "up to date" : "migrated";
  console.log(`database ${path.relative(ROOT, file) || file}: ${applied}`);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    migrateDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
