import { describe, expect, test } from "vitest";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";
import { runGolden } from "@/tests/shell/kubectl/fixtures/golden-transcript";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { runTranscript } from "@/lib/shell/session/run-transcript";

/**
 * The article's debugging section, command for command (the course's source article, section "Debugging";
 * the lesson content/lessons/debugging-toolkit shows the healthy output of each step).
 */
const ARTICLE_COMMANDS = [
  "kubectl get endpoints my-service",
  "kubectl port-forward svc/my-service 8080:80 &",
  "curl -s http://localhost:8080/ | grep Hostname",
  "kill %1",
  "curl -s -o /dev/null -w '%{http_code}\\n' http://shop.example.com/users/42",
  "kubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx",
  "kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash",
  "nslookup my-service.default.svc.cluster.local",
  "curl http://my-service:80",
  "exit",
  "",
].join("\n");

describe("the article's debugging commands", () => {
  test("the whole section runs as written and matches its golden transcript", () => {
    const { actual, expected } = runGolden("session", { name: "article-debugging", source: "debugging section of the article; lesson debugging-toolkit", origin: "simulator", commands: ARTICLE_COMMANDS, cluster: buildArticleCluster });
    expect(actual).toBe(expected);
  });

  test.each([
    ["endpoints list both ready pods on the targetPort", "my-service   10.244.1.7:8080,10.244.2.4:8080   12m"],
    ["port-forward translates Service port 80 to the pod's 8080", "Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080"],
    ["the forward reports each connection", "Handling connection for 8080"],
    ["the controller logs the request it routed to my-service", '"GET /users/42 HTTP/1.1" 200'],
    ["the upstream name is namespace-service-port", "[default-my-service-80]"],
    ["kubectl run attaches", "If you don't see a command prompt, try pressing enter.\nnetshoot:~# "],
    ["nslookup answers with the ClusterIP from kube-dns", "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tmy-service.default.svc.cluster.local\nAddress: 10.96.45.210\n"],
    ["curl reaches a pod through the Service", "Hostname: web-7d9f8b6c5d-"],
    ["--rm deletes the pod on exit", "pod \"netshoot\" deleted"],
  ])("%s", (_label, fragment) => {
    const text = runTranscript(new ShellSession({ cluster: buildArticleCluster() }), ARTICLE_COMMANDS).text;
    expect(text).toContain(fragment);
  });

  test("after the netshoot shell exits the pod is gone and the prompt is the workstation's", () => {
    const session = new ShellSession({ cluster: buildArticleCluster() });
    runTranscript(session, ARTICLE_COMMANDS);
    expect(session.prompt()).toBe("learner@workstation:~$ ");
    expect(session.cluster.get("Pod", "netshoot", "default")).toBeUndefined();
  });
});
