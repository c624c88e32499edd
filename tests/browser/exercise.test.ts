import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getExercise } from "@/lib/content/get-exercise";
import { launchChromium, SCREENSHOT_DIR } from "./launch-chromium";
import { startLabServer, type LabServer } from "./lab-server";

const exercise = getExercise("fix-service-selector")!;

let server: LabServer;
let browser: BrowserContext;
let page: Page;

const panel = () => page.locator(`section[data-exercise-id="${exercise.id}"]`);
const summary = () => panel().getByRole("status").first();
const check = (id: string) => panel().locator(`[data-check-id="${id}"]`);

/** Replaces the editor's text the way a learner would: select all, then type (paste) the new YAML. */
async function replaceYaml(yaml: string) {
  await panel().locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(yaml);
}

async function checkAndWaitForRecord() {
  await panel().getByRole("button", { name: "Check", exact: true }).click();
  await summary().filter({ hasText: "Recorded." }).waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  server = await startLabServer();
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("an exercise in a real browser: wrong, explained, fixed, passed, kept", () => {
  test("the editor loads with the starter YAML", async () => {
    await page.goto(`${server.baseUrl}/learn/${exercise.lesson}`);
    await panel().locator(".cm-editor").waitFor({ timeout: 30_000 });
    await expect(panel().locator(".cm-content").innerText()).resolves.toContain("app: backend");
  });

  test("a wrong answer fails with the explanation pointing at the selector line", async () => {
    await checkAndWaitForRecord();
    await expect(summary().innerText()).resolves.toMatch(/1 of 4 checks passed/);
    const endpoints = check("endpoints-list-backend-pods");
    await expect(endpoints.getAttribute("data-status")).resolves.toBe("fail");
    await expect(endpoints.innerText()).resolves.toContain("would show <none>");
    await expect(endpoints.getByRole("button", { name: "line 7" }).count()).resolves.toBe(1);
    await expect(panel().locator(".cm-failing-line").innerText()).resolves.toContain("selector:");
    await panel().screenshot({ path: path.join(SCREENSHOT_DIR, "exercise-failed.png") });
  });

  test("the fixed YAML passes every check", async () => {
    await replaceYaml(exercise.solution);
    await checkAndWaitForRecord();
    await expect(summary().innerText()).resolves.toContain("All 4 checks passed.");
    await expect(panel().locator(".cm-failing-line").count()).resolves.toBe(0);
    await panel().screenshot({ path: path.join(SCREENSHOT_DIR, "exercise-passed.png") });
  });

  test("after a reload the recorded pass and the YAML are still there", async () => {
    await page.reload();
    await summary().filter({ hasText: "All 4 checks passed." }).waitFor({ timeout: 30_000 });
    await expect(panel().locator(".cm-content").innerText()).resolves.toContain("app: my-backend");
  });
});
