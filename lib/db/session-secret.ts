import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SECRET_FILE = "session-secret";

/**
 * LAB_SESSION_SECRET when set; otherwise a random secret generated on first use and kept in the data
 * directory, so cookies stay valid across restarts of a single-machine install. Several replicas must
 * share LAB_SESSION_SECRET instead.
 */
export function resolveSessionSecret(envSecret: string | undefined, dataDir: string): string {
  if (envSecret) return envSecret;
  const file = path.join(dataDir, SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // "wx" fails if another process created the file first; then that process's secret wins.
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}
