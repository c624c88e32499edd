#!/usr/bin/env node
// `npm start`: from a fresh `npm ci` to a running server on http://localhost:$PORT (default 3000).
// 1. generate the Prisma client if missing, 2. `next build` if there is no build yet,
// 3. create the SQLite database and apply migrations, 4. run `next start`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, ROOT } from "./migrate.mjs";
import { serverEnv } from "./server-env.mjs";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);

function run(command, args, env = process.env) {
  const result = spawnSync(bin(command), args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (!fs.existsSync(path.join(ROOT, "lib", "generated", "prisma", "client.ts"))) run("prisma", ["generate"]);
// A production build belongs to its source; delete .next (or run `npm run build`) after changing code or content.
if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) run("next", ["build"], { ...process.env, NODE_ENV: "production" });

try {
  migrateDatabase();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = process.env.PORT ?? "3000";
const server = spawn(bin("next"), ["start", "--port", port], { cwd: ROOT, stdio: "inherit", env: serverEnv(process.env) });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
