import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import { buildRequest, countRows, prepareDatabase, removeDatabase } from "./route-fixture";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const database = prepareDatabase("lab-api-sandboxes-");
const { GET, PUT, DELETE } = await import("@/app/api/sandboxes/[id]/route");
const { createPrismaClient } = await import("@/lib/db/prisma-client");
const { LEARNER_COOKIE } = await import("@/app/_lib/learner-session");

const db = createPrismaClient(database.databaseUrl);
const SCENARIO = "debugging-my-service";
const url = (id: string) => `http://lab.test/api/sandboxes/${encodeURIComponent(id)}`;
const params = (id = SCENARIO) => ({ params: Promise.resolve({ id }) });
const put = (body: string, init: Parameters<typeof buildRequest>[1] = {}, id = SCENARIO) => PUT(buildRequest(url(id), { method: "PUT", body, ...init }), params(id));
const read = (id = SCENARIO) => GET(buildRequest(url(id), { method: "GET", contentType: null }), params(id));
const remove = (id = SCENARIO) => DELETE(buildRequest(url(id), { method: "DELETE", contentType: null }), params(id));

beforeEach(() => jar.clear());
afterAll(async () => {
  await db.$disconnect();
  removeDatabase(database);
});

describe("PUT /api/sandboxes/[id] refuses bad input with a 4xx and writes nothing", () => {
  const execute = (input: string) => ({ type: "execute", input });
  test.each([
    { label: "text/plain content type", init: { contentType: "text/plain" }, body: JSON.stringify({ log: [] }), status: 415, error: /application\/json/ },
    { label: "invalid JSON", init: {}, body: "{log: []}", status: 400, error: /not valid JSON/ },
    { label: "a bare array", init: {}, body: JSON.stringify([execute("kubectl get pods")]), status: 400, error: /\{"log": \[\.\.\.\]\}/ },
    { label: "an unknown entry type", init: {}, body: JSON.stringify({ log: [{ type: "eval", input: "x" }] }), status: 400, error: /known entries/ },
    { label: "an entry with an extra member", init: {}, body: JSON.stringify({ log: [{ ...execute("ls"), output: "forged" }] }), status: 400, error: /known entries/ },
    { label: "a command over 16 KiB", init: {}, body: JSON.stringify({ log: [execute("x".repeat(16 * 1024 + 1))] }), status: 400, error: /known entries/ },
    { label: "2001 entries", init: {}, body: JSON.stringify({ log: Array(2001).fill({ type: "interrupt" }) }), status: 400, error: /at most 2000/ },
    { label: "a body over 512 KiB", init: {}, body: JSON.stringify({ log: Array.from({ length: 40 }, () => execute("y".repeat(16 * 1024))) }), status: 413, error: /512 KiB/ },
    { label: "a declared length over 512 KiB", init: { headers: { "content-length": String(600 * 1024) } }, body: JSON.stringify({ log: [] }), status: 413, error: /512 KiB/ },
  ])("$label → $status", async ({ init, body, status, error }) => {
    const before = await countRows(db);
    const response = await put(body, init);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(error);
    expect(await countRows(db)).toEqual(before);
    expect(jar.has(LEARNER_COOKIE)).toBe(false);
  });

  test.each(["no-such-scenario", "__proto__", "toString", ""])("unknown scenario %j → 404 for GET, PUT and DELETE", async (id) => {
    const before = await countRows(db);
    expect((await read(id)).status).toBe(404);
    expect((await put(JSON.stringify({ log: [] }), {}, id)).status).toBe(404);
    expect((await remove(id)).status).toBe(404);
    expect(await countRows(db)).toEqual(before);
  });
});

describe("sandbox log round trip", () => {
  test("PUT stores the log for the learner, GET returns it, DELETE resets it", async () => {
    const log = [
      { type: "execute", input: "kubectl get svc" },
      { type: "interrupt" },
      { type: "file", name: "exercise.yaml", text: "kind: Service\n" },
      { type: "execute", input: "kubectl edit svc/web" },
      { type: "edit", text: "kind: Service\n" },
      { type: "edit", text: null },
    ];
    const before = await countRows(db);
    const saved = await put(JSON.stringify({ log }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ saved: 6 });
    expect(await countRows(db)).toEqual({ ...before, learners: before.learners + 1, sandboxes: before.sandboxes + 1 });
    expect(await (await read()).json()).toEqual({ log });

    expect((await remove()).status).toBe(204);
    expect((await countRows(db)).sandboxes).toBe(before.sandboxes);
    expect(await (await read()).json()).toEqual({ log: [] });
  });

  test("a visitor without a cookie reads an empty log and resets nothing", async () => {
    const before = await countRows(db);
    expect(await (await read()).json()).toEqual({ log: [] });
    expect((await remove()).status).toBe(204);
    expect(await countRows(db)).toEqual(before);
  });
});
