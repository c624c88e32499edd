import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, SCREENSHOT_DIR } from "./launch-chromium";
import { startLabServer, type LabServer } from "./lab-server";

let server: LabServer;
let browser: BrowserContext;
let page: Page;

const terminal = () => page.locator('section[data-scenario-id="debugging-my-service"]');
const screenText = () => terminal().locator(".xterm-rows").innerText();

/** Types a command into the real xterm as keystrokes and waits until the screen shows `expected`. */
async function run(command: string, expected: string | RegExp) {
  await terminal().locator(".xterm").click();
  await page.keyboard.type(command);
  await page.keyboard.press("Enter");
  await expect.poll(screenText, { timeout: 20_000 }).toMatch(expected);
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

describe("the article's debugging commands in the browser terminal", () => {
  test("the terminal loads on the debugging lesson with a prompt", async () => {
    await page.goto(`${server.baseUrl}/learn/debugging-toolkit`);
    await terminal().locator(".xterm-rows").waitFor({ timeout: 30_000 });
    await expect.poll(screenText, { timeout: 20_000 }).toContain("learner@workstation:~$");
  });

  test("kubectl get endpoints my-service lists the pods on port 3000", async () => {
    await run("kubectl get endpoints my-service", /my-service\s+10\.244\.\d+\.\d+:3000,10\.244\.\d+\.\d+:3000/);
  });

  test("port-forward in the background, then curl localhost reaches a pod", async () => {
    await run("kubectl port-forward svc/my-service 8080:80 &", "Forwarding from 127.0.0.1:8080 -> 3000");
    await run("curl -s localhost:8080", /Handling connection for 8080[\s\S]*"service":"backend-api"/);
  });

  test("the ingress controller logs show the request that went through it", async () => {
    await run("curl -s -H 'Host: app.example.com' http://203.0.113.1/users", /"path":"\/users"/);
    await run("kubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx", /"GET \/users HTTP\/1\.1" 200/);
  });

  test("a netshoot pod resolves and reaches my-service, and is deleted on exit", async () => {
    await run("kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash", "If you don't see a command prompt, try pressing enter.");
    await run("nslookup my-service.default.svc.cluster.local", /Name:\s+my-service\.default\.svc\.cluster\.local\s+Address: 10\.96\.\d+\.\d+/);
    await run("curl http://my-service:80", /"pod":"my-app-/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "terminal-debugging.png") });
    await run("exit", 'pod "netshoot" deleted');
  });

  test("Tab completes a kubectl resource name", async () => {
    await terminal().locator(".xterm").click();
    await page.keyboard.type("kubectl get endpo");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(screenText, { timeout: 20_000 }).toMatch(/kubectl get endpoints\s*\n/);
  });

  test("after a reload the sandbox is restored by replaying its log", async () => {
    await page.waitForTimeout(1000);
    await page.reload();
    await terminal().locator(".xterm-rows").waitFor({ timeout: 30_000 });
    await expect.poll(screenText, { timeout: 30_000 }).toContain('pod "netshoot" deleted');
    await expect(terminal().getByRole("status").innerText()).resolves.toContain("Sandbox restored.");
  });

  test("kubectl edit opens the Service in the editor; saving sends the change and a reload keeps it", async () => {
    await run("kubectl edit svc/my-service", /kubectl edit svc\/my-service/);
    const panel = terminal().getByTestId("terminal-edit");
    await panel.waitFor({ timeout: 20_000 });
    await expect(panel.locator(".cm-content").innerText()).resolves.toContain("# Please edit the object below. Lines beginning with a '#' will be ignored,");
    // Change the port as a learner would: scroll to the line, click it, go to its end, replace 80 with 81.
    const portLine = panel.locator(".cm-line", { hasText: /^\s*port: 80$/ });
    await panel.locator(".cm-content").hover();
    for (let step = 0; step < 20 && (await portLine.count()) === 0; step++) await page.mouse.wheel(0, 120);
    await portLine.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("1");
    await expect(panel.locator(".cm-line", { hasText: /^\s*port: 81$/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "terminal-kubectl-edit.png") });
    await panel.getByRole("button", { name: /^Save and close/ }).click();
    await expect.poll(screenText, { timeout: 20_000 }).toContain("service/my-service edited");
    await expect(panel.count()).resolves.toBe(0);
    await run("kubectl get svc my-service", /my-service\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+81\/TCP/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "terminal-kubectl-edited.png") });

    await page.waitForTimeout(1000);
    await page.reload();
    await terminal().locator(".xterm-rows").waitFor({ timeout: 30_000 });
    await expect.poll(screenText, { timeout: 30_000 }).toContain("service/my-service edited");
    await run("kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}'", /\n81/);
    // Put the port back with a scripted editor, so the Ingress tests below see the lesson's Service again.
    await run(`KUBE_EDITOR="sed -i 's/port: 81$/port: 80/'" kubectl edit svc/my-service`, /KUBE_EDITOR=.*\n(.*\n)*service\/my-service edited/);
    // jsonpath's `81` has no newline after it: the prompt followed it on the same row, and typing the next
    // command did not erase it.
    await expect(screenText()).resolves.toContain("81learner@workstation:~$ KUBE_EDITOR=");
  });

  test("Escape closes the editor without saving: Edit cancelled, no changes made.", async () => {
    await run("kubectl edit deploy/my-app", /kubectl edit deploy\/my-app/);
    const panel = terminal().getByTestId("terminal-edit");
    await panel.waitFor({ timeout: 20_000 });
    await panel.locator(".cm-content").click();
    await page.keyboard.press("Escape");
    await expect.poll(screenText, { timeout: 20_000 }).toContain("Edit cancelled, no changes made.");
    await expect(panel.count()).resolves.toBe(0);
  });

  test("kubectl get -w holds the terminal without a prompt until Ctrl-C gives it back", async () => {
    const lastLine = async () => (await screenText()).split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "").pop() ?? "";
    await run("kubectl get pods -l app=my-app -w", /kubectl get pods -l app=my-app -w\s*\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*\nmy-app-/);
    await page.waitForTimeout(500);
    await expect(lastLine()).resolves.toMatch(/^my-app-\S+\s+1\/1\s+Running\s/);
    await page.keyboard.type("echo typed-while-busy");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    await expect(screenText()).resolves.not.toContain("typed-while-busy");
    await terminal().screenshot({ path: path.join(SCREENSHOT_DIR, "terminal-watch.png") });
    await page.keyboard.press("Control+C");
    await expect.poll(lastLine, { timeout: 20_000 }).toBe("learner@workstation:~$");
    await expect(screenText()).resolves.toMatch(/\^C\s*\nlearner@workstation:~\$/);
  });

  test("a background kubectl logs -f prints the access-log line of a request sent after it", async () => {
    await run("kubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx -f &", /-f &\s*\n\[\d+\] \d+\s*\n/);
    await expect(screenText()).resolves.not.toContain("GET /orders");
    await run("curl -s -o /dev/null -H 'Host: app.example.com' http://203.0.113.1/orders", /113\.1\/orders\s*\n198\.51\.100\.7 - - \[[^\]]+\] "GET \/orders HTTP\/1\.1" 200 /);
  });
});

describe("a terminal exercise: fix a Service with commands, answer from what they show", () => {
  const exercise = () => page.locator('section[data-exercise-id="find-the-backend"]');
  const exerciseScreen = () => exercise().locator(".xterm-rows").innerText();

  async function type(command: string, expected: string | RegExp) {
    await exercise().locator(".xterm").click();
    for (const line of command.split("\n")) {
      await page.keyboard.type(line);
      await page.keyboard.press("Enter");
    }
    await expect.poll(exerciseScreen, { timeout: 20_000 }).toMatch(expected);
  }

  test("endpoints are empty until the Service is fixed with a here-document; the answer is checked", async () => {
    await exercise().scrollIntoViewIfNeeded();
    await exercise().locator(".xterm-rows").waitFor({ timeout: 30_000 });
    await type("kubectl get endpoints my-backend-api -n production", /my-backend-api\s+<none>/);
    await type(
      [
        "cat <<EOF | kubectl apply -f -",
        "apiVersion: v1",
        "kind: Service",
        "metadata:",
        "  name: my-backend-api",
        "  namespace: production",
        "spec:",
        "  selector:",
        "    app: my-backend",
        "  ports:",
        "    - port: 80",
        "      targetPort: 3000",
        "EOF",
      ].join("\n"),
      "service/my-backend-api configured",
    );
    await type("kubectl get endpoints my-backend-api -n production", /my-backend-api\s+(10\.244\.\d+\.\d+):3000/);
    const ip = /my-backend-api\s+(10\.244\.\d+\.\d+):3000/.exec(await exerciseScreen())![1];
    await exercise().getByLabel("Which pod IP does my-backend-api send your requests to?").fill(ip);
    await exercise().getByRole("button", { name: "Check", exact: true }).click();
    await exercise().getByRole("status").filter({ hasText: "Recorded." }).waitFor({ timeout: 30_000 });
    await expect(exercise().getByRole("status").filter({ hasText: "checks passed" }).innerText()).resolves.toContain("All 3 checks passed.");
    await exercise().screenshot({ path: path.join(SCREENSHOT_DIR, "terminal-exercise-passed.png") });
  });
});
