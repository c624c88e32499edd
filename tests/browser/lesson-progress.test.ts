import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listLessons } from "@/lib/content/course-navigation";
import { loadCourse } from "@/lib/content/load-course";
import { launchChromium, SCREENSHOT_DIR } from "./launch-chromium";
import { startLabServer, type LabServer } from "./lab-server";

const loaded = loadCourse(path.resolve(__dirname, "..", "..", "content"));
if (!loaded.ok) throw new Error("content/ is invalid; run npm run content:check");
const [firstLesson, secondLesson] = listLessons(loaded.course);

let server: LabServer;
let browser: BrowserContext;
let page: Page;

const shot = (name: string, fullPage = false) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
const sidebarState = (lessonId: string) =>
  page.locator(`nav[aria-label="Course"]:visible a[href="/learn/${lessonId}"] [data-lesson-state]`).getAttribute("data-lesson-state");

beforeAll(async () => {
  server = await startLabServer();
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a learner's progress, in a real browser against next start", () => {
  test("home page offers to start the course", async () => {
    await page.goto(server.baseUrl);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Kubernetes networking");
    await shot("home-new-learner");
    await page.getByRole("link", { name: /Start the course/ }).click();
    await page.waitForURL(`**/learn/${firstLesson.id}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(firstLesson.title);
  });

  test("opening a lesson records a visit, shown in the sidebar", async () => {
    await page.waitForSelector(`nav[aria-label="Course"]:visible a[href="/learn/${firstLesson.id}"] [data-lesson-state="visited"]`);
    await expect(sidebarState(secondLesson.id)).resolves.toBe("not-started");
  });

  test("keyboard only: Tab reaches Mark complete and Enter completes the lesson", async () => {
    let focused = "";
    for (let presses = 0; presses < 300 && focused !== "Mark complete"; presses++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    }
    expect(focused).toBe("Mark complete");
    await page.keyboard.press("Enter");
    await page.getByText("You have completed this lesson.").waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Lesson marked complete." }).count()).resolves.toBe(1);
    await expect(sidebarState(firstLesson.id)).resolves.toBe("completed");
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('nav[aria-label="Course"]').forEach((nav) => nav.parentElement?.scrollTo(0, 0));
    });
    await shot("lesson-top-completed");
    await page.getByTestId("lesson-progress").scrollIntoViewIfNeeded();
    await shot("lesson-mark-complete-section");
  });

  test("a reload keeps the completion", async () => {
    await page.reload();
    await page.getByText("You have completed this lesson.").waitFor();
    await expect(sidebarState(firstLesson.id)).resolves.toBe("completed");
    await page.locator("figure.code-block").first().screenshot({ path: path.join(SCREENSHOT_DIR, "lesson-code-block.png") });
  });

  test("the course overview shows lesson states and module progress", async () => {
    await page.goto(`${server.baseUrl}/learn`);
    await expect(page.locator(`[data-lesson="${firstLesson.id}"] [data-lesson-state]`).getAttribute("data-lesson-state")).resolves.toBe("completed");
    const bar = page.locator(`[data-module="${firstLesson.moduleId}"] [role="progressbar"]`);
    await expect(bar.getAttribute("aria-valuenow")).resolves.toBe("1");
    await shot("course-overview", true);
  });

  test("restarting the server keeps the progress", async () => {
    await server.restart();
    await page.goto(`${server.baseUrl}/learn`);
    await expect(page.locator(`[data-lesson="${firstLesson.id}"] [data-lesson-state]`).getAttribute("data-lesson-state")).resolves.toBe("completed");
    await page.goto(server.baseUrl);
    await page.getByRole("link", { name: /Continue where you left off/ }).waitFor();
    await expect(page.getByTestId("home-progress").textContent()).resolves.toContain(secondLesson.title);
    await shot("home-returning-learner");
  });

  test("a tampered cookie counts as no cookie", async () => {
    const [cookie] = await browser.cookies(server.baseUrl);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    await browser.addCookies([{ ...cookie, value: cookie.value.replace(/.$/, (c) => (c === "A" ? "B" : "A")) }]);
    await page.goto(`${server.baseUrl}/learn`);
    await expect(page.locator(`[data-lesson="${firstLesson.id}"] [data-lesson-state]`).getAttribute("data-lesson-state")).resolves.toBe("not-started");
  });
});

describe("without JavaScript", () => {
  test("Mark complete still works as a plain form post", async () => {
    const noScript = await launchChromium({ javaScriptEnabled: false, colorScheme: "dark" });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${server.baseUrl}/learn/${secondLesson.id}`);
      await plain.getByRole("button", { name: "Mark complete" }).click();
      await plain.waitForURL(`**/learn/${secondLesson.id}#lesson-completed`);
      await expect(plain.locator("#lesson-completed").isVisible()).resolves.toBe(true);
      await expect(plain.getByRole("button", { name: "Mark complete" }).isVisible()).resolves.toBe(false);
      await plain.screenshot({ path: path.join(SCREENSHOT_DIR, "lesson-no-javascript-dark.png") });
      await plain.goto(`${server.baseUrl}/learn`);
      await expect(plain.locator(`[data-lesson="${secondLesson.id}"] [data-lesson-state]`).getAttribute("data-lesson-state")).resolves.toBe("completed");
    } finally {
      await noScript.close();
    }
  });
});
