import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { getExercise } from "@/lib/content/get-exercise";
import type { BenchRow } from "./bench-row";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXERCISE_ID = "fix-service-selector";
const LEARNERS = 400;
const CONNECTIONS = 50;
const DURATION_SECONDS = 20;

/**
 * Grading over HTTP: `next start` with a fresh SQLite database, many learners (each under the per-learner rate
 * limit), every request graded on the server and recorded (a Submission row and the progress update per grade).
 * Reports requests per second, latency median and p99, and the server's peak resident memory.
 */
export async function runHttpGradingBenchmark(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("build first: npm run build");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-bench-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LAB_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "lab.db")}` };
  const migrated = spawnSync(process.execPath, [path.join(ROOT, "scripts", "migrate.mjs")], { cwd: ROOT, env, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const port = await freePort();
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: ROOT, env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base);
    const exercise = getExercise(EXERCISE_ID)!;
    const url = `${base}/api/exercises/${EXERCISE_ID}/submissions`;
    const cookies = await createLearners(base, LEARNERS);
    const body = (yaml: string) => JSON.stringify({ yaml });
    // Warm the route and the scenario cache before measuring.
    for (const cookie of cookies.slice(0, 20)) await fetch(url, { method: "POST", headers: { "content-type": "application/json", cookie }, body: body(exercise.solution) });
    let peakRss = 0;
    let sent = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, residentBytes(server.pid!))), 250);
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          // Round-robin over all learners, so each stays far below its own rate limit.
          setupRequest: (request) => {
            const n = sent++;
            return {
              ...request,
              method: "POST",
              headers: { "content-type": "application/json", cookie: cookies[n % cookies.length] },
              body: body(n % 2 === 0 ? exercise.solution : exercise.starter),
            };
          },
        },
      ],
    });
    clearInterval(sampler);
    const non2xx = result.non2xx + result.errors + result.timeouts;
    return [
      {
        name: `HTTP grade + record (${CONNECTIONS} connections, ${DURATION_SECONDS} s)`,
        samples: result.requests.total,
        medianMs: result.latency.p50,
        p99Ms: result.latency.p99,
        extra: { "req/s": Math.round(result.requests.average), "non-2xx": non2xx, "server RSS peak MB": Math.round(peakRss / 2 ** 20) },
      },
    ];
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
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
