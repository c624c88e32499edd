import { describe, expect, test } from "vitest";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";

/**
 * `kubectl logs -f` (k8s.io/kubectl pkg/cmd/logs/logs.go): the log so far, then every new line while the
 * container runs. In the article cluster the ingress-nginx controller writes one access-log line per request
 * it routes; the two echoserver pods print their start-up lines.
 */
const CONTROLLER = "kubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx -f";
const BANNER = "-------------------------------------------------------------------------------\nNGINX Ingress controller\n-------------------------------------------------------------------------------\nStarting NGINX Ingress controller\n";

describe("kubectl logs -f", () => {
  test("in the background, a curl through the Ingress prints the controller's new access-log line after curl's own output", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    expect(s.execute(`${CONTROLLER} &`).text).toBe(`[1] 4242\n${BANNER}`);
    expect(s.execute("curl -s -o /dev/null -w '%{http_code}\\n' http://shop.example.com/users/42").text).toBe(
      '200\n198.51.100.7 - - [01/May/2025:09:12:10 +0000] "GET /users/42 HTTP/1.1" 200 663 "-" "curl/8.11.0" 88 0.001 [default-my-service-80] [] 10.244.2.4:8080 663 0.001 200 3c173e6d3b173cda3a173b47391739b4\n',
    );
    expect(s.execute("echo nothing new").text).toBe("nothing new\n");
    expect(s.execute("jobs").text).toBe(`[1]+  Running                 ${CONTROLLER} &\n`);
  });

  test("each pipeline's lines follow that pipeline: two requests joined with && print one line after each", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    s.execute(`${CONTROLLER} --prefix &`);
    const lines = s.execute("curl -s -o /dev/null http://shop.example.com/users/1 && echo between && curl -s -o /dev/null http://shop.example.com/users/2").text.split("\n");
    expect(lines[0]).toMatch(/^\[pod\/ingress-nginx-controller-[a-z0-9]+-[a-z0-9]+\/controller\] 198\.51\.100\.7 .* "GET \/users\/1 HTTP\/1\.1" 200 /);
    expect(lines[1]).toBe("between");
    expect(lines[2]).toMatch(/\/controller\] 198\.51\.100\.7 .* "GET \/users\/2 HTTP\/1\.1" 200 /);
    expect(lines[3]).toBe("");
  });

  test("in the foreground it holds the terminal until Ctrl-C", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    expect(s.execute("kubectl logs -f web-7d9f8b6c5d-abcde").text).toBe("Generating self-signed cert\nStarting nginx\n");
    expect(s.isBusy()).toBe(true);
    expect(s.prompt()).toBe("");
    expect(s.interrupt().text).toBe("^C\n");
    expect(s.isBusy()).toBe(false);
  });

  test("the stream ends when its pod is deleted, and bash reports the job Done before the next prompt", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    expect(s.execute("kubectl logs -f web-7d9f8b6c5d-abcde &").text).toBe("[1] 4242\nGenerating self-signed cert\nStarting nginx\n");
    expect(s.execute("kubectl delete pod web-7d9f8b6c5d-abcde").text).toBe('pod "web-7d9f8b6c5d-abcde" deleted\n[1]+  Done                    kubectl logs -f web-7d9f8b6c5d-abcde\n');
    expect(s.execute("jobs").text).toBe("");
  });

  test("following more streams than --max-log-requests is refused before anything is printed (logs.go MaxFollowConcurrency)", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    expect(s.execute("kubectl logs -l app=web -f --max-log-requests=1")).toMatchObject({
      text: "error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n",
      exitCode: 1,
    });
    expect(s.isBusy()).toBe(false);
    expect(s.execute("kubectl logs -l app=web -f --prefix").text).toBe(
      "[pod/web-7d9f8b6c5d-abcde/web] Generating self-signed cert\n[pod/web-7d9f8b6c5d-abcde/web] Starting nginx\n[pod/web-7d9f8b6c5d-fghij/web] Generating self-signed cert\n[pod/web-7d9f8b6c5d-fghij/web] Starting nginx\n",
    );
    expect(s.isBusy()).toBe(true);
  });

  test("without -f nothing keeps running", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    s.execute("kubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx");
    expect(s.isBusy()).toBe(false);
    expect(s.execute("jobs").text).toBe("");
  });
});
