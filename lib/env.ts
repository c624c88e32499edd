import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the platform reads, parsed once. The README's configuration table lists the
 * same variables; scripts/start.mjs applies the same defaults before it migrates and starts the server.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a file: URL of an SQLite database, e.g. file:./data/lab.db")
    .optional(),
  LAB_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LAB_DATA_DIR: z.string().min(1).optional(),
});

export interface LabEnv {
  nodeEnv: "development" | "production" | "test";
  port: number;
  /** SQLite URL with an absolute path: relative paths are resolved against the working directory. */
  databaseUrl: string;
  /** Absolute path of the SQLite file named by databaseUrl. */
  databaseFile: string;
  /** Absent when unset: lib/db/session-secret.ts then generates one and keeps it under dataDir. */
  sessionSecret?: string;
  /** Where the platform keeps its own files (default database, generated session secret). */
  dataDir: string;
}

export function parseEnv(source: Record<string, string | undefined>, cwd: string = process.cwd()): LabEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(cwd, env.LAB_DATA_DIR ?? "data");
  const databaseFile = env.DATABASE_URL
    ? path.resolve(cwd, env.DATABASE_URL.slice("file:".length))
    : path.join(dataDir, "lab.db");
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: `file:${databaseFile}`,
    databaseFile,
    sessionSecret: env.LAB_SESSION_SECRET,
    dataDir,
  };
}

let cached: LabEnv | undefined;

export function getEnv(): LabEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
