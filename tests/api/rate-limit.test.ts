import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { buildRequest, countRows, prepareDatabase, removeDatabase } from "./route-fixture";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const database = prepareDatabase("lab-api-rate-limit-");
const { POST } = await import("@/app/api/exercises/[id]/submissions/route");
const { PUT } = await import("@/app/api/sandboxes/[id]/route");
const { getExercise } = await import("@/lib/content/get-exercise");
const { createPrismaClient } = await import("@/lib/db/prisma-client");
const { LEARNER_COOKIE } = await import("@/app/_lib/learner-session");

const db = createPrismaClient(database.databaseUrl);
const EXERCISE_ID = "db-access-policy";
const exercise = getExercise(EXERCISE_ID)!;
const URL = `http://lab.test/api/exercises/${EXERCISE_ID}/submissions`;
const submit = (body: string, headers: Record<string, string> = {}) => POST(buildRequest(URL, { body, headers }), { params: Promise.resolve({ id: EXERCISE_ID }) });
const yamlBody = (yaml: string) => JSON.stringify({ yaml });

/** Time stands still, far enough in the past that real time has refilled every bucket when the test ends. */
const freezeTime = () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - 60_000);
};

beforeEach(() => jar.clear());
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await db.$disconnect();
  removeDatabase(database);
});

describe("PUT /api/sandboxes/[id] rate limit", () => {
  test("the 21st save at once from a learner answers 429 and writes nothing", async () => {
    const save = (log: unknown[]) =>
      PUT(buildRequest("http://lab.test/api/sandboxes/debugging-my-service", { method: "PUT", body: JSON.stringify({ log }), headers: { "x-forwarded-for": "203.0.113.50" } }), { params: Promise.resolve({ id: "debugging-my-service" }) });
    expect((await save([])).status).toBe(200);
    freezeTime();
    for (let i = 0; i < 20; i++) expect((await save([{ type: "interrupt" }])).status).toBe(200);
    const before = await db.sandbox.findFirstOrThrow();
    const limited = await save([{ type: "execute", input: "kubectl get pods" }]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ error: "too many saves; wait a moment", code: "rate_limited" });
    expect(await db.sandbox.findFirstOrThrow()).toEqual(before);
  });
});

describe("POST /api/exercises/[id]/submissions rate limit", () => {
  test("the 11th check at once from one address answers 429 with Retry-After and writes nothing; another address is unaffected", async () => {
    freezeTime();
    const address = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 10; i++) expect((await submit("{", address)).status).toBe(400);
    const before = await countRows(db);
    const limited = await submit(yamlBody(exercise.solution), address);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(await limited.json()).toEqual({ error: "too many checks; wait a moment", code: "rate_limited" });
    expect(await countRows(db)).toEqual(before);
    expect(jar.has(LEARNER_COOKIE)).toBe(false);

    vi.advanceTimersByTime(200);
    expect((await submit("{", address)).status).toBe(400);
    expect((await submit("{", address)).status).toBe(429);
    vi.useRealTimers();
    expect((await submit(yamlBody(exercise.starter), { "x-forwarded-for": "203.0.113.8" })).status).toBe(200);
  });

  test("a learner's bucket follows the learner cookie, whatever address the request claims", async () => {
    expect((await submit(yamlBody(exercise.starter))).status).toBe(200);
    expect(jar.has(LEARNER_COOKIE)).toBe(true);
    freezeTime();
    for (let i = 0; i < 10; i++) expect((await submit("{", { "x-forwarded-for": `198.51.100.${i}` })).status).toBe(400);
    const before = await countRows(db);
    const limited = await submit(yamlBody(exercise.solution), { "x-forwarded-for": "198.51.100.99" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await countRows(db)).toEqual(before);
  });

  test("visitors without a cookie share one bucket of 60, whatever address each request claims", async () => {
    freezeTime();
    let answered = 0;
    let limited: Response | undefined;
    while (!limited && answered <= 60) {
      const response = await submit("{", { "x-forwarded-for": `192.0.2.${answered}` });
      answered++;
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(400);
    }
    expect(limited?.status, `${answered} requests from ${answered} addresses`).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    const before = await countRows(db);
    expect((await submit(yamlBody(exercise.solution), { "x-forwarded-for": "192.0.2.250" })).status).toBe(429);
    expect(await countRows(db)).toEqual(before);
    expect(jar.has(LEARNER_COOKIE)).toBe(false);
  });
});
