import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listLessons } from "@/lib/content/course-navigation";
import { loadCourse } from "@/lib/content/load-course";
import { startLabServer, type LabServer } from "./lab-server";

/** Budget from issue #2: a lesson page's first-load JavaScript stays under 180 KB gzipped. */
const LESSON_BUDGET_BYTES = 180 * 1024;
const REPORT = path.resolve(__dirname, "..", "..", "test-results", "first-load-js.json");

const loaded = loadCourse(path.resolve(__dirname, "..", "..", "content"));
if (!loaded.ok) throw new Error("content/ is invalid; run npm run content:check");
const lessonIds = listLessons(loaded.course).map((lesson) => lesson.id);

let server: LabServer;
const chunkSizes = new Map<string, { raw: number; gzip: number }>();

beforeAll(async () => {
  server = await startLabServer();
});

afterAll(async () => {
  await server?.stop();
});

/**
 * Every script the HTML loads or preloads before it is interactive: the route's first-load JS. `noModule`
 * scripts (legacy polyfills) are skipped: browsers that run module scripts never download them.
 */
async function measureRoute(route: string): Promise<{ route: string; scripts: number; rawBytes: number; gzipBytes: number }> {
  const html = await (await fetch(`${server.baseUrl}${route}`)).text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script([^>]+)src="([^"]+\.js[^"]*)"([^>]*)>/g)) {
    if (!/\bnoModule\b/i.test(match[1] + match[3])) sources.add(match[2]);
  }
  for (const match of html.matchAll(/<link[^>]+rel="(?:preload|modulepreload)"[^>]+href="([^"]+\.js[^"]*)"[^>]*as="script"/g)) sources.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+as="script"[^>]+href="([^"]+\.js[^"]*)"/g)) sources.add(match[1]);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    let size = chunkSizes.get(source);
    if (!size) {
      const body = Buffer.from(await (await fetch(new URL(source.replaceAll("&amp;", "&"), server.baseUrl))).arrayBuffer());
      size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      chunkSizes.set(source, size);
    }
    rawBytes += size.raw;
    gzipBytes += size.gzip;
  }
  return { route, scripts: sources.size, rawBytes, gzipBytes };
}

describe("first-load JavaScript per route", () => {
  test("is measured for every page and a lesson page stays under 180 KB gzipped", async () => {
    const routes = ["/", "/learn", ...lessonIds.map((id) => `/learn/${id}`), "/this-page-does-not-exist"];
    const rows = [];
    for (const route of routes) rows.push(await measureRoute(route));
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, `${JSON.stringify({ measuredAt: new Date().toISOString(), budgetBytes: LESSON_BUDGET_BYTES, rows }, null, 2)}\n`);
    for (const row of rows) expect(row.scripts, row.route).toBeGreaterThan(0);
    const lessons = rows.filter((row) => row.route.startsWith("/learn/"));
    expect(lessons.filter((row) => row.gzipBytes >= LESSON_BUDGET_BYTES)).toEqual([]);
  });
});
