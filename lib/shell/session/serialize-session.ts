import type { Cluster } from "@/lib/sim/store/cluster";
import { ShellSession, type SessionLogEntry } from "./shell-session";
import { replayLog } from "./replay-log";

/** A terminal session as JSON: what it started from and every input since. */
export interface SerializedSession {
  version: 1;
  files: Record<string, string>;
  env: Record<string, string>;
  commandIntervalMs?: number;
  /** Present (false) only for a session without a page editor, such as the headless shell's. */
  visualEditor?: boolean;
  log: SessionLogEntry[];
}

/** Sessions are saved as their input log: the simulator is deterministic, so replaying it rebuilds everything. */
export function serializeSession(session: ShellSession): SerializedSession {
  return {
    version: 1,
    files: { ...(session.initial.files ?? {}) },
    env: { ...(session.initial.env ?? {}) },
    ...(session.initial.commandIntervalMs !== undefined ? { commandIntervalMs: session.initial.commandIntervalMs } : {}),
    ...(session.initial.visualEditor === false ? { visualEditor: false } : {}),
    log: session.entries().map((entry) => ({ ...entry })),
  };
}

function isLogEntry(value: unknown): value is SessionLogEntry {
  if (!value || typeof value !== "object") return false;
  const entry = value as Record<string, unknown>;
  if (entry.type === "execute") return typeof entry.input === "string";
  if (entry.type === "interrupt") return true;
  if (entry.type === "file") return typeof entry.name === "string" && typeof entry.text === "string";
  if (entry.type === "edit") return typeof entry.text === "string" || entry.text === null;
  return false;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return !!value && typeof value === "object" && Object.values(value).every((v) => typeof v === "string");
}

/**
 * Rebuilds a session on `cluster`, which must be the same starting cluster the saved session had (the
 * exercise's scenario, freshly built). Untrusted input: anything malformed yields undefined, never an exception.
 */
export function restoreSession(data: unknown, cluster: Cluster): ShellSession | undefined {
  if (!data || typeof data !== "object") return undefined;
  const saved = data as Partial<SerializedSession>;
  if (saved.version !== 1 || !Array.isArray(saved.log) || !saved.log.every(isLogEntry) || !isStringMap(saved.files ?? {}) || !isStringMap(saved.env ?? {})) return undefined;
  const session = new ShellSession({
    cluster,
    files: saved.files,
    env: saved.env,
    commandIntervalMs: typeof saved.commandIntervalMs === "number" ? saved.commandIntervalMs : undefined,
    visualEditor: saved.visualEditor === false ? false : undefined,
  });
  replayLog(session, saved.log);
  return session;
}
