import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import { buildRequest, countRows, prepareDatabase, removeDatabase, type RowCounts } from "./route-fixture";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const database = prepareDatabase("lab-api-submissions-");
const { POST, GET } = await import("@/app/api/exercises/[id]/submissions/route");
const { getExercise } = await import("@/lib/content/get-exercise");
const { createPrismaClient } = await import("@/lib/db/prisma-client");
const { LEARNER_COOKIE } = await import("@/app/_lib/learner-session");

const db = createPrismaClient(database.databaseUrl);
const EXERCISE_ID = "db-access-policy";
const exercise = getExercise(EXERCISE_ID)!;
const URL = `http://lab.test/api/exercises/${EXERCISE_ID}/submissions`;
const params = (id = EXERCISE_ID) => ({ params: Promise.resolve({ id }) });
const submit = (body: BodyInit, init: Parameters<typeof buildRequest>[1] = {}, id = EXERCISE_ID) => POST(buildRequest(URL, { body, ...init }), params(id));
const yamlBody = (yaml: string) => JSON.stringify({ yaml });

const configMaps = (count: number) => Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}`).join("\n---\n");
const deployment = (name: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;
const billionLaughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
  .concat(["b", "c", "d", "e", "f", "g"].map((key, i) => `${key}: &${key} [${Array(10).fill(`*${"abcdefg"[i]}`).join(", ")}]`))
  .join("\n");

beforeEach(() => jar.clear());
afterAll(async () => {
  await db.$disconnect();
  removeDatabase(database);
});

async function expectNothingWritten(before: RowCounts): Promise<void> {
  expect(await countRows(db)).toEqual(before);
  expect(jar.has(LEARNER_COOKIE)).toBe(false);
}

describe("POST /api/exercises/[id]/submissions refuses bad input with a 4xx and writes nothing", () => {
  test("the exercise used here exists", () => {
    expect(exercise.id).toBe(EXERCISE_ID);
  });

  test.each([
    { label: "text/plain content type", init: { contentType: "text/plain" }, body: yamlBody("a: 1"), status: 415, error: /application\/json/ },
    { label: "no content type", init: { contentType: null }, body: yamlBody("a: 1"), status: 415, error: /application\/json/ },
    { label: "a content type that only mentions JSON", init: { contentType: "text/plain; hint=application/json" }, body: yamlBody("a: 1"), status: 415, error: /application\/json/ },
    { label: "invalid JSON", init: {}, body: '{"yaml": "a: 1"', status: 400, error: /not valid JSON/ },
    { label: "an empty body", init: {}, body: "", status: 400, error: /not valid JSON/ },
    { label: "JSON null", init: {}, body: "null", status: 400, error: /must be \{"yaml"/ },
    { label: "a JSON array", init: {}, body: '["a: 1"]', status: 400, error: /must be \{"yaml"/ },
    { label: "yaml that is not a string", init: {}, body: '{"yaml": {"kind": "Service"}}', status: 400, error: /must be \{"yaml"/ },
    { label: "a misspelt member", init: {}, body: '{"yml": "a: 1"}', status: 400, error: /must be \{"yaml"/ },
    { label: "YAML over 64 KiB", init: {}, body: yamlBody(`data: ${"x".repeat(64 * 1024)}`), status: 413, error: /the text is 65542 bytes; at most 65536 bytes are accepted/ },
    { label: "YAML over 64 KiB counted in UTF-8 bytes", init: {}, body: yamlBody(`data: ${"é".repeat(33_000)}`), status: 413, error: /at most 65536 bytes/ },
    { label: "a body whose declared length is over the limit", init: { headers: { "content-length": String(10 * 1024 * 1024) } }, body: yamlBody("a: 1"), status: 413, error: /limited to 64 KiB/ },
    { label: "a body over the limit sent without a length", init: {}, body: '{"yaml": "' + "x".repeat(400 * 1024) + '"}', status: 413, error: /limited to 64 KiB/ },
    { label: "101 documents", init: {}, body: yamlBody(configMaps(101)), status: 422, error: /^error parsing exercise\.yaml: at most 100 objects are accepted in one text$/ },
    { label: "a List of 101 items", init: {}, body: yamlBody(JSON.stringify({ apiVersion: "v1", kind: "List", items: configMaps(101).split("\n---\n").map((_, i) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}` } })) })), status: 422, error: /at most 100 objects/ },
    { label: "a billion-laughs alias bomb", init: {}, body: yamlBody(billionLaughs), status: 422, error: /document contains excessive aliasing/ },
    { label: "more alias references than allowed", init: {}, body: yamlBody(`a: &a x\nb: [${Array(150).fill("*a").join(", ")}]`), status: 422, error: /excessive aliasing/ },
    { label: "a self-referencing alias", init: {}, body: yamlBody("a: &a [*a]"), status: 422, error: /nested at most 64 levels deep/ },
    { label: "flow nesting 1000 deep", init: {}, body: yamlBody(`a: ${"[".repeat(1000)}${"]".repeat(1000)}`), status: 422, error: /^error parsing exercise\.yaml: objects may be nested at most 64 levels deep$/ },
    { label: "block sequences nested 1000 deep", init: {}, body: yamlBody(`${"- ".repeat(1000)}x`), status: 422, error: /nested at most 64 levels deep/ },
    { label: "mappings nested 100 deep", init: {}, body: yamlBody(`${"{a: ".repeat(100)}1${"}".repeat(100)}`), status: 422, error: /nested at most 64 levels deep/ },
    { label: "a NUL byte", init: {}, body: yamlBody("kind: Service\u0000\n"), status: 422, error: /line 1: control characters are not allowed/ },
    { label: "binary junk", init: {}, body: yamlBody("\u0001\u0002\u0003\u001b[31m\u007f\u0085\u0099"), status: 422, error: /control characters are not allowed/ },
    { label: "a lone surrogate", init: {}, body: '{"yaml": "kind: \\ud800"}', status: 422, error: /control characters are not allowed/ },
    { label: "a Deployment of a million replicas", init: {}, body: yamlBody(deployment("big", 1_000_000)), status: 422, error: /^the YAML asks for 1000000 replicas; at most 100 in total are accepted$/ },
    { label: "replicas spread over a List of ReplicaSets and Deployments", init: {}, body: yamlBody([deployment("a", 60), deployment("b", 30).replace("kind: Deployment", "kind: ReplicaSet"), deployment("c", 20)].join("---\n")), status: 422, error: /asks for 110 replicas/ },
  ])("$label → $status", async ({ init, body, status, error }) => {
    const before = await countRows(db);
    const response = await submit(body, init);
    expect(response.status).toBe(status);
    const answer = await response.json();
    expect(answer.error).toMatch(error);
    expect(answer.code).toEqual(expect.any(String));
    expect(response.headers.get("cache-control")).toBe("no-store");
    await expectNothingWritten(before);
  });

  test.each(["no-such-exercise", "__proto__", "constructor", "../../etc/passwd", ""])("unknown exercise %j → 404 for POST and GET", async (id) => {
    const before = await countRows(db);
    const posted = await submit(yamlBody(exercise.solution), {}, id);
    expect(posted.status).toBe(404);
    expect((await posted.json()).error).toBe("no such exercise");
    const read = await GET(buildRequest(URL, { method: "GET", contentType: null }), params(id));
    expect(read.status).toBe(404);
    await expectNothingWritten(before);
  });
});

describe("POST /api/exercises/[id]/submissions grades on the server", () => {
  test("a correct submission answers 200 with the server's verdict, records it and issues the learner cookie", async () => {
    const before = await countRows(db);
    const response = await submit(yamlBody(exercise.solution));
    expect(response.status).toBe(200);
    const { result, progress } = await response.json();
    expect(result.status).toBe("pass");
    expect(progress).toMatchObject({ exerciseId: EXERCISE_ID, attempts: 1 });
    expect(progress.firstPassedAt).not.toBeNull();
    expect(await countRows(db)).toEqual({ ...before, learners: before.learners + 1, submissions: before.submissions + 1, progress: before.progress + 1 });
    const learnerId = (await db.learner.findFirst({ orderBy: { createdAt: "desc" } }))!.id;
    const stored = await db.submission.findFirstOrThrow({ where: { learnerId } });
    expect(stored).toMatchObject({ exerciseId: EXERCISE_ID, content: exercise.solution, verdict: "pass" });
    expect(JSON.parse(stored.results)).toEqual(result);
    expect(jar.get(LEARNER_COOKIE)).toMatch(new RegExp(`^${learnerId}\\.`));
  });

  test("a verdict the browser claims is ignored: the route recomputes it", async () => {
    const claimed = { status: "pass", checks: [{ id: "x", title: "x", status: "pass", message: "", explanation: [] }], diagnostics: [] };
    const response = await submit(JSON.stringify({ yaml: exercise.starter, result: claimed, verdict: "pass", status: "pass", progress: { attempts: 0, firstPassedAt: "2020-01-01T00:00:00Z" } }));
    expect(response.status).toBe(200);
    const { result, progress } = await response.json();
    expect(result.status).toBe("fail");
    expect(progress).toMatchObject({ attempts: 1, firstPassedAt: null });
    const stored = await db.submission.findFirstOrThrow({ where: { content: exercise.starter }, orderBy: { createdAt: "desc" } });
    expect(stored.verdict).toBe("fail");
  });

  test.each([
    { label: "a duplicate key named nested", yaml: "apiVersion: v1\nkind: ConfigMap\nnested: 1\nnested: 2\n", message: /key "nested" already set in map/ },
    { label: "an unknown anchor named alias", yaml: "apiVersion: v1\nkind: ConfigMap\ndata: *alias\n", message: /unknown anchor 'alias' referenced/ },
    { label: "a scalar document that says too many", yaml: "too many objects at most\n", message: /invalid object to validate/ },
    { label: "a tab used as indentation", yaml: "kind: Service\nspec:\n\tports: []\n", message: /found character that cannot start any token/ },
    { label: "a document of a wrong kind", yaml: "apiVersion: v1\nkind: Nonsense\nmetadata:\n  name: x\n", message: /Nonsense/ },
    { label: "replicas that are not a number", yaml: deployment("web", 0).replace("replicas: 0", "replicas: lots"), message: /replicas/ },
  ])("an ordinary YAML mistake ($label) is graded and explained, not refused", async ({ yaml, message }) => {
    const before = await countRows(db);
    const response = await submit(yamlBody(yaml));
    expect(response.status).toBe(200);
    const { result } = await response.json();
    expect(result.status).toBe("fail");
    expect(result.diagnostics.map((d: { message: string }) => d.message).join("\n")).toMatch(message);
    expect((await countRows(db)).submissions).toBe(before.submissions + 1);
  });

  test("members beside yaml are dropped unread, however deeply they nest", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const response = await submit(`{"yaml": ${JSON.stringify(exercise.starter)}, "result": ${deep}}`);
    expect(response.status).toBe(200);
    expect((await response.json()).result.status).toBe("fail");
  });

  test("exactly the replica budget is graded, not refused", async () => {
    const response = await submit(yamlBody(deployment("web", 100)));
    expect(response.status).toBe(200);
    expect((await response.json()).result.diagnostics).toEqual([]);
  });

  test("GET returns the learner's attempts and last submission", async () => {
    await submit(yamlBody(exercise.starter));
    const response = await GET(buildRequest(URL, { method: "GET", contentType: null }), params());
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.attempts).toBe(1);
    expect(answer.lastSubmission).toMatchObject({ yaml: exercise.starter, result: { status: "fail" } });
  });
});
