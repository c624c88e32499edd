import fc from "fast-check";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { buildRequest, countRows, prepareDatabase, removeDatabase } from "./route-fixture";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const database = prepareDatabase("lab-api-bodies-");
const { POST } = await import("@/app/api/exercises/[id]/submissions/route");
const { getExercise } = await import("@/lib/content/get-exercise");
const { createPrismaClient } = await import("@/lib/db/prisma-client");

const db = createPrismaClient(database.databaseUrl);
const editorExercise = getExercise("db-access-policy")!;
const terminalExercise = getExercise("find-the-backend")!;

afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await db.$disconnect();
  removeDatabase(database);
});

const yamlish = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(editorExercise.solution, editorExercise.starter, "a: &a [*a]", "<<: 1", "---\n---", "kind: List\nitems: [null]", `a: ${"[".repeat(80)}`),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
);
const body = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  yamlish.map((yaml) => JSON.stringify({ yaml })),
  fc.record({ yaml: yamlish, result: fc.jsonValue({ maxDepth: 2 }) }).map((value) => JSON.stringify(value)),
  fc.record({ log: fc.array(fc.oneof(fc.record({ type: fc.constant("execute"), input: fc.constantFrom("kubectl get pods -n production", "echo hi", "exit", "kubectl delete ns production") }), fc.record({ type: fc.constant("interrupt") })), { maxLength: 4 }), answers: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 2 }) }).map((value) => JSON.stringify(value)),
);

describe("POST /api/exercises/[id]/submissions answers any body with a 200 or a 4xx, and writes only on a 200", () => {
  test("arbitrary bodies for an editor and a terminal exercise", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let clock = Date.now() - 3_600_000;
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(editorExercise, terminalExercise), fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain"), async (text, exercise, contentType) => {
        // A second between requests: the rate limit is not what this property is about.
        clock += 1000;
        vi.setSystemTime(clock);
        jar.clear();
        const before = await countRows(db);
        const response = await POST(buildRequest(`http://lab.test/api/exercises/${exercise.id}/submissions`, { body: text, contentType }), { params: Promise.resolve({ id: exercise.id }) });
        expect([200, 400, 413, 415, 422]).toContain(response.status);
        const answer = await response.json();
        const after = await countRows(db);
        if (response.status === 200) {
          expect(["pass", "fail", "error"]).toContain(answer.result.status);
          expect(after.submissions).toBe(before.submissions + 1);
        } else {
          expect(answer.error).toEqual(expect.any(String));
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 100 },
    );
  });
});
