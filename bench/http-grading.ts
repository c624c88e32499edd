import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { getExercises } from "@/lib/content/get-exercise";
import { authoredWork } from "@/lib/grader/warm-up-grading";
import { serverEnv } from "../scripts/server-env.mjs";
import type { BenchRow } from "./bench-row";

const ROOT = path.resolve(import.meta.dirname, "..");
const LEARNERS = 400;
const LOADS = [
  { connections: 10, seconds: 20 },
  { connections: 50, seconds: 20 },
];

/**
 * Grading over HTTP: `next start` with a fresh SQLite database, many learners (each under the per-learner rate
 * limit), every request graded on the server and recorded (a Submission row and the progress update per grade).
 * Requests go round all exercises — reference solutions, starters and known-wrong answers — and each body is
 * unique (a numbered comment), so nothing could answer from a cache. Reports requests per second, latency
 * median and p99, the server's peak resident memory, and its CPU time per request by thread.
 */
export async function runHttpGradingBenchmark(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("build first: npm run build");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-bench-"));
  // The same environment `npm start` gives the server (scripts/server-env.mjs).
  const env: NodeJS.ProcessEnv = serverEnv({ ...process.env, NODE_ENV: "production", LAB_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "lab.db")}` });
  const migrated = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs")], { cwd: ROOT, env, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const port = await freePort();
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: ROOT, env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base);
    const bodies = submissionBodies();
    const cookies = await createLearners(base, LEARNERS);
    let sent = 0;
    const load = (connections: number, options: { duration?: number; amount?: number }) =>
      autocannon({
        url: base,
        connections,
        ...options,
        requests: [
          {
            // Round-robin over all learners, so each stays far below its own rate limit.
            setupRequest: (request) => {
              const n = sent++;
              const body = bodies[n % bodies.length];
              return {
                ...request,
                method: "POST",
                path: `/api/exercises/${body.exerciseId}/submissions`,
                headers: { "content-type": "application/json", cookie: cookies[n % cookies.length] },
                body: body.json(n),
              };
            },
          },
        ],
      });
    // Warm the route, the grading threads and every scenario cache before measuring, and let the grading
    // threads finish their start-up warm-up (lib/grader/warm-up-grading.ts), so the figures are the steady state.
    await load(10, { amount: 2000 });
    await waitUntilIdle(server.pid!);
    const rows: BenchRow[] = [];
    for (const { connections, seconds } of LOADS) {
      let peakRss = 0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, residentBytes(server.pid!))), 250);
      const cpu = measureCpu(server.pid!);
      const result = await load(connections, { duration: seconds });
      const { server: serverCpu, loadGenerator } = cpu.perRequest(result.requests.total);
      clearInterval(sampler);
      const total = result.requests.total;
      rows.push({
        name: `HTTP grade + record (${connections} connections, ${seconds} s, all exercises)`,
        samples: total,
        medianMs: result.latency.p50,
        p99Ms: result.latency.p99,
        extra: {
          "req/s": Math.round(result.requests.average),
          "non-2xx": result.non2xx + result.errors + result.timeouts,
          "server RSS peak MB": Math.round(peakRss / 2 ** 20),
          "server CPU ms/request by thread": serverCpu,
          "autocannon CPU ms/request": loadGenerator,
        },
      });
    }
    // The floor under every figure above: the same server answering a route handler that does no work.
    const floorCpu = measureCpu(server.pid!);
    const floor = await autocannon({ url: `${base}/api/exercises/no-such-exercise/submissions`, connections: 10, duration: 10 });
    const floorPerRequest = floorCpu.perRequest(floor.requests.total);
    rows.push({
      name: "reference: a route handler that only answers 404 (no grading, no database), 10 connections",
      samples: floor.requests.total,
      medianMs: floor.latency.p50,
      p99Ms: floor.latency.p99,
      extra: {
        "req/s": Math.round(floor.requests.average),
        "server CPU ms/request by thread": floorPerRequest.server,
        "autocannon CPU ms/request": floorPerRequest.loadGenerator,
      },
    });
    return rows;
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface SubmissionBody {
  exerciseId: string;
  /** The n-th request's body: the same answer, made unique by a numbered comment. */
  json: (n: number) => string;
}

/** Every exercise's reference solution, starter and known-wrong answers, as the browser would send them. */
function submissionBodies(): SubmissionBody[] {
  return authoredWork(getExercises().values()).map(({ exercise, submission }) => ({
    exerciseId: exercise.id,
    json: (n) =>
      "yaml" in submission
        ? JSON.stringify({ yaml: `${submission.yaml}\n# attempt ${n}\n` })
        : JSON.stringify({ log: [...submission.log, { type: "execute", input: `# attempt ${n}\n` }], answers: submission.answers }),
  }));
}

/**
 * CPU used while a load runs, per request: the server's by thread, and this process's (autocannon generates
 * the load from here, on the same cores), which together bound the requests per second the machine can serve.
 */
function measureCpu(pid: number) {
  const threadsBefore = threadCpuMs(pid);
  const ownBefore = process.cpuUsage();
  return {
    perRequest(total: number): { server: string; loadGenerator: string } {
      const threadsAfter = threadCpuMs(pid);
      const own = process.cpuUsage(ownBefore);
      const server = Object.entries(threadsAfter)
        .map(([thread, ms]) => [thread, (ms - (threadsBefore[thread] ?? 0)) / total] as const)
        .filter(([, perRequest]) => perRequest >= 0.01)
        .map(([thread, perRequest]) => `${thread}:${perRequest.toFixed(2)}`)
        .join(",");
      return { server, loadGenerator: ((own.user + own.system) / 1000 / total).toFixed(2) };
    },
  };
}

/** Waits (at most a minute) until the server uses less than 5 % of a core over a second, that is, does no work of its own. */
async function waitUntilIdle(pid: number): Promise<void> {
  const total = () => Object.values(threadCpuMs(pid)).reduce((sum, ms) => sum + ms, 0);
  for (let second = 0; second < 60; second++) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (total() - before < 50) return;
  }
  throw new Error("the server did not go idle within a minute of the warm-up load");
}

/** CPU time (user + system, ms) the process has used so far, per thread name (/proc/PID/task/TID/stat). */
function threadCpuMs(pid: number): Record<string, number> {
  const byName: Record<string, number> = {};
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).replace(/\s+/g, "-");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      byName[name] = (byName[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
    } catch {
      // the thread ended between listing and reading
    }
  }
  return byName;
}

/** Each visit creates a learner on first write; its signed cookie identifies it afterwards. */
async function createLearners(base: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${base}/api/progress/visits`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lessonId: "networking-model" }) });
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`no learner cookie (HTTP ${response.status})`);
    cookies.push(cookie);
  }
  return cookies;
}

function residentBytes(pid: number): number {
  // next start forks its server process; sum the resident memory of the process tree.
  const pids = [pid, ...childPids(pid)];
  return pids.reduce((sum, p) => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      return sum + (match ? Number(match[1]) * 1024 : 0);
    } catch {
      return sum;
    }
  }, 0);
}

function childPids(pid: number): number[] {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((child) => [child, ...childPids(child)]);
  } catch {
    return [];
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(base)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("next start did not come up");
}
