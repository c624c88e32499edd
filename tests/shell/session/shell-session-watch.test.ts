import { describe, expect, test } from "vitest";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { replayLog } from "@/lib/shell/session/replay-log";
import { runTranscript } from "@/lib/shell/session/run-transcript";
import { restoreSession, serializeSession } from "@/lib/shell/session/serialize-session";
import { replayTerminalLog } from "@/lib/grader/replay-terminal-log";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";
import { runGolden } from "@/tests/shell/kubectl/fixtures/golden-transcript";

/**
 * Watches and followed logs as a learner meets them in the terminal: a foreground watch stopped with Ctrl-C,
 * background ones whose lines follow the commands that caused them, job control over them. Everything is in
 * the session's input log, so a restored session or the grader's replay reaches the same screen and state.
 */
const WATCH_COMMANDS = [
  "kubectl create deployment api --image=nginx --replicas=1",
  "kubectl get pods -l app=api -w",
  "kubectl get pods -l app=api -w &",
  "kubectl scale deployment api --replicas=3",
  "kubectl get deploy api --output-watch-events -w &",
  "kubectl delete pod api-6bd8bd476-4r2bg",
  "jobs",
  "kill %1",
  "kubectl scale deployment api --replicas=2",
  "kill %2",
  "kubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx -f &",
  "curl -s http://shop.example.com/users/42 | grep Hostname",
  "kill %1",
  "kubectl get pods -l app=api -w",
  "",
].join("\n");

describe("watches and followed logs in a terminal session", () => {
  test("the whole sequence matches its golden transcript", () => {
    const { actual, expected } = runGolden("session", { name: "watch-and-follow", source: "kubectl get --watch and kubectl logs -f as a terminal shows them (k8s.io/kubectl pkg/cmd/get/get.go watch, pkg/cmd/logs/logs.go)", origin: "simulator", commands: WATCH_COMMANDS, cluster: buildArticleCluster });
    expect(actual).toBe(expected);
  });

  test("replaying the saved log redraws the same screen, and a restored background watch keeps printing the same rows", () => {
    const live = new ShellSession({ cluster: buildArticleCluster() });
    const script = "kubectl create deployment api --image=nginx --replicas=1\nkubectl get pods -l app=api -w\nkubectl get pods -l app=api -w &\nkubectl scale deployment api --replicas=2\nkubectl logs -n ingress-nginx -l app.kubernetes.io/name=ingress-nginx -f &\n";
    const transcript = runTranscript(live, script).text;
    const saved = serializeSession(live);
    expect(saved.log.filter((e) => e.type === "interrupt")).toHaveLength(1);

    expect(replayLog(new ShellSession({ cluster: buildArticleCluster() }), saved.log)).toBe(transcript);
    const restored = restoreSession(JSON.parse(JSON.stringify(saved)), buildArticleCluster());
    const graded = replayTerminalLog(buildArticleCluster(), saved.log);
    expect(restored).toBeDefined();
    for (const next of ["jobs", "kubectl scale deployment api --replicas=3", "curl -s -o /dev/null http://shop.example.com/users/7", "kubectl delete deployment api"]) {
      const expected = live.execute(next).text;
      expect(expected).not.toBe("");
      expect(restored?.execute(next).text).toBe(expected);
      expect(graded.execute(next).text).toBe(expected);
    }
    expect(restored?.cluster.resourceVersion).toBe(live.cluster.resourceVersion);
  });
});

describe("logs saved before watches kept streaming", () => {
  test("a line logged after `kubectl get -w` still runs on replay: the watch had ended when it was typed", () => {
    const log = [
      { type: "execute" as const, input: "kubectl get pods -l app=web -w" },
      { type: "execute" as const, input: "kubectl delete pod web-7d9f8b6c5d-abcde" },
    ];
    const session = new ShellSession({ cluster: buildArticleCluster() });
    const transcript = replayLog(session, log);
    expect(transcript).toContain('pod "web-7d9f8b6c5d-abcde" deleted\n');
    expect(session.cluster.get("Pod", "web-7d9f8b6c5d-abcde", "default")).toBeUndefined();
    expect(replayTerminalLog(buildArticleCluster(), log).cluster.get("Pod", "web-7d9f8b6c5d-abcde", "default")).toBeUndefined();
  });
});
