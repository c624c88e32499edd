import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The CLI runs its WebAssembly schema engine through the same driver adapter as the app, so
// `prisma generate` and `prisma migrate deploy` download nothing (see README, "Database").
// The schema's `env("DATABASE_URL")` must resolve even for `prisma generate`, or the CLI falls back to
// fetching a native engine; the default matches lib/env.ts.
const databaseUrl = (process.env.DATABASE_URL ??= `file:${path.resolve("data/lab.db")}`);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
