import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { resolveSessionSecret } = await import("@/lib/db/session-secret");

const tempDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lab-secret-")), "data");

describe("session secret", () => {
  test("LAB_SESSION_SECRET wins and nothing is written", () => {
    const dir = tempDir();
    expect(resolveSessionSecret("s".repeat(40), dir)).toBe("s".repeat(40));
    expect(fs.existsSync(dir)).toBe(false);
  });

  test("without it, one random secret is generated, kept private under the data directory, and reused", () => {
    const dir = tempDir();
    const first = resolveSessionSecret(undefined, dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o077).toBe(0);
    expect(resolveSessionSecret(undefined, dir)).toBe(first);
    expect(resolveSessionSecret(undefined, tempDir())).not.toBe(first);
  });
});
