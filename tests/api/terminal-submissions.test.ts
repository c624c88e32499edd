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

const database = prepareDatabase("lab-api-terminal-");
const { POST } = await import("@/app/api/exercises/[id]/submissions/route");
const { getExercise } = await import("@/lib/content/get-exercise");
const { createPrismaClient } = await import("@/lib/db/prisma-client");
const { scriptToLog } = await import("@/lib/grader/replay-terminal-log");

const db = createPrismaClient(database.databaseUrl);
const EXERCISE_ID = "find-the-backend";
const exercise = getExercise(EXERCISE_ID)!;
const URL = `http://lab.test/api/exercises/${EXERCISE_ID}/submissions`;
const submit = (body: string, init: Parameters<typeof buildRequest>[1] = {}) => POST(buildRequest(URL, { body, ...init }), { params: Promise.resolve({ id: EXERCISE_ID }) });
const solution = { log: scriptToLog(exercise.solution), answers: exercise.solutionAnswers };

beforeEach(() => jar.clear());
afterAll(async () => {
  await db.$disconnect();
  removeDatabase(database);
});

describe("POST /api/exercises/[id]/submissions for a terminal exercise", () => {
  test("the exercise used here is graded from the terminal", () => {
    expect(exercise.workspace).toBe("terminal");
  });

  test.each([
    { label: "text/plain content type", init: { contentType: "text/plain" }, body: JSON.stringify(solution), status: 415, error: /application\/json/ },
    { label: "a content type that only mentions JSON", init: { contentType: "text/html; x=application/json" }, body: JSON.stringify(solution), status: 415, error: /application\/json/ },
    { label: "invalid JSON", init: {}, body: "{log:", status: 400, error: /not valid JSON/ },
    { label: "YAML where a log is expected", init: {}, body: JSON.stringify({ yaml: "kind: Service" }), status: 400, error: /\{"log": \[\.\.\.\]/ },
    { label: "an unknown log entry", init: {}, body: JSON.stringify({ log: [{ type: "output", text: "forged" }] }), status: 400, error: /at most 2000 log entries/ },
    { label: "2001 log entries", init: {}, body: JSON.stringify({ log: Array(2001).fill({ type: "interrupt" }) }), status: 400, error: /at most 2000 log entries/ },
    { label: "an answer over 500 characters", init: {}, body: JSON.stringify({ log: [], answers: { "backend-pod-ip": "1".repeat(501) } }), status: 400, error: /answers/ },
    { label: "a body over 512 KiB", init: {}, body: JSON.stringify({ log: Array.from({ length: 40 }, () => ({ type: "execute", input: "x".repeat(16 * 1024) })) }), status: 413, error: /512 KiB/ },
    { label: "a declared length over 512 KiB", init: { headers: { "content-length": String(1024 * 1024) } }, body: JSON.stringify(solution), status: 413, error: /512 KiB/ },
  ])("$label → $status, nothing written", async ({ init, body, status, error }) => {
    const before = await countRows(db);
    const response = await submit(body, init);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(error);
    expect(await countRows(db)).toEqual(before);
    expect(jar.size).toBe(0);
  });

  test("a log too heavy to simulate within the time limit → 422, nothing written", { timeout: 60_000 }, async () => {
    const scaleUp = "kubectl scale deployment my-backend -n production --replicas=5000\n";
    const scaleDown = "kubectl scale deployment my-backend -n production --replicas=1\n";
    const heavy = { log: scriptToLog(scaleUp + scaleDown + scaleUp + scaleDown + scaleUp), answers: {} };
    const before = await countRows(db);
    const response = await submit(JSON.stringify(heavy));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/^grading (took longer than 2 s|ran out of memory) and was stopped; simulate less/);
    expect(await countRows(db)).toEqual(before);
  });

  test("the reference commands and answers pass, recomputed by replaying the log on the server", async () => {
    const response = await submit(JSON.stringify(solution));
    expect(response.status).toBe(200);
    const { result } = await response.json();
    expect(result.status).toBe("pass");
    const stored = await db.submission.findFirstOrThrow({ where: { exerciseId: EXERCISE_ID, verdict: "pass" } });
    expect(JSON.parse(stored.content)).toMatchObject({ log: solution.log });
  });

  test("a verdict the browser claims beside an empty log is ignored", async () => {
    const response = await submit(JSON.stringify({ log: [], answers: {}, result: { status: "pass", checks: [], diagnostics: [] }, verdict: "pass" }));
    expect(response.status).toBe(200);
    const { result, progress } = await response.json();
    expect(result.status).toBe("fail");
    expect(progress.firstPassedAt).toBeNull();
  });

  test("a log the shell cannot replay is still answered and recorded, never a 500", async () => {
    const response = await submit(JSON.stringify({ log: [{ type: "execute", input: "echo $toString" }, { type: "execute", input: "toString" }], answers: {} }));
    expect(response.status).toBe(200);
    expect(["fail", "error"]).toContain((await response.json()).result.status);
  });
});
