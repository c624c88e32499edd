import { describe, expect, test } from "vitest";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";

/** The article cluster plus a Service `web` labelled app=web, tier=frontend. */
function session(): ShellSession {
  const s = new ShellSession({ cluster: buildArticleCluster() });
  expect(s.execute("kubectl create service clusterip web --tcp=80:80").exitCode).toBe(0);
  expect(s.execute("kubectl label svc web tier=frontend").text).toBe("service/web labeled\n");
  return s;
}

// k8s.io/kubectl pkg/cmd/label/label.go: updateDataChangeMsg and the "label %q not found." notice in RunLabel.
describe("kubectl label reports what changed as label.go does", () => {
  test.each([
    { command: "kubectl label svc web team=a", output: "service/web labeled\n" },
    { command: "kubectl label svc web tier-", output: "service/web unlabeled\n" },
    { command: "kubectl label svc web tier- team=a", output: "service/web label(s) changed\n" },
    { command: "kubectl label svc web tier=frontend", output: "service/web not labeled\n" },
    { command: "kubectl label svc web tier=backend --overwrite", output: "service/web labeled\n" },
    { command: "kubectl label svc web nope-", output: 'label "nope" not found.\nservice/web not labeled\n' },
  ])("$command", ({ command, output }) => {
    expect(session().execute(command).text).toBe(output);
  });
});
