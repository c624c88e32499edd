import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));

/** The server was started on a database that was never migrated: every page would fail, so health must say so. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-api-health-down-"));
fs.writeFileSync(path.join(dataDir, "lab.db"), "");
process.env.DATABASE_URL = `file:${path.join(dataDir, "lab.db")}`;
process.env.LAB_DATA_DIR = dataDir;
const { GET } = await import("@/app/api/health/route");

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("GET /api/health on an unusable database", () => {
  test("answers 503 with the reason", async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "unavailable", database: "unavailable" });
    expect(body.reason).toBe("The table `main.Learner` does not exist in the current database.");
  });
});
