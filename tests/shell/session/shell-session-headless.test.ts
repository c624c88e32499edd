import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

/** `npm run shell` is `tsx scripts/shell.ts`; the tests pipe scripts into it as a user would. */
function runShell(args: string[], input: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npx", ["tsx", "scripts/shell.ts", ...args], { input, encoding: "utf8", cwd: process.cwd(), timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: registry.k8s.io/echoserver:1.10
---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

describe("npm run shell (headless)", () => {
  test("runs piped commands with --manifests and prints the terminal's transcript", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "netlab-shell-"));
    const file = path.join(dir, "app.yaml");
    writeFileSync(file, MANIFESTS);
    const script = [
      "kubectl get deploy web",
      "cat <<EOF | kubectl apply -f -",
      "apiVersion: v1",
      "kind: Namespace",
      "metadata:",
      "  name: shop",
      "EOF",
      "kubectl port-forward svc/my-service 8080:80",
      "kubectl get endpoints my-service -o jsonpath='{.subsets[0].ports[0].port}{\"\\n\"}'",
      "kubectl apply -f app.yaml",
      "",
    ].join("\n");
    const result = runShell(["--manifests", file], script);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "learner@workstation:~$ kubectl get deploy web",
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
        "web    2/2     2            2           5s",
        "learner@workstation:~$ cat <<EOF | kubectl apply -f -",
        "> apiVersion: v1",
        "> kind: Namespace",
        "> metadata:",
        ">   name: shop",
        "> EOF",
        "namespace/shop created",
        "learner@workstation:~$ kubectl port-forward svc/my-service 8080:80",
        "Forwarding from 127.0.0.1:8080 -> 8080",
        "Forwarding from [::1]:8080 -> 8080",
        "^C",
        "learner@workstation:~$ kubectl get endpoints my-service -o jsonpath='{.subsets[0].ports[0].port}{\"\\n\"}'",
        "8080",
        "learner@workstation:~$ kubectl apply -f app.yaml",
        "deployment.apps/web unchanged",
        "service/my-service unchanged",
        "",
      ].join("\n"),
    );
  });

  test("kubectl edit runs $KUBE_EDITOR on the temp file; with no editor set it cannot launch vi", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "netlab-shell-"));
    const file = path.join(dir, "app.yaml");
    writeFileSync(file, MANIFESTS);
    const script = [
      "kubectl edit svc/my-service",
      `KUBE_EDITOR="sed -i 's/port: 80$/port: 8081/'" kubectl edit svc/my-service`,
      "export EDITOR='sed -i s/replicas:.2/replicas:\\ 3/'",
      "kubectl edit deployment web",
      "kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}{\"\\n\"}'",
      "kubectl get deploy web -o jsonpath='{.status.readyReplicas}{\"\\n\"}'",
      "",
    ].join("\n");
    const result = runShell(["--manifests", file, "--no-echo"], script);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(['error: unable to launch the editor "vi"', "service/my-service edited", "deployment.apps/web edited", "8081", "3", ""].join("\n"));
  });

  test("a background watch prints the rows a later command causes; a foreground watch is stopped like a port-forward", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "netlab-shell-"));
    const file = path.join(dir, "app.yaml");
    writeFileSync(file, MANIFESTS);
    const script = ["kubectl get pods -w &", "kubectl scale deployment web --replicas=3", "kubectl get deploy web -w", "kubectl get deploy web", ""].join("\n");
    const result = runShell(["--manifests", file], script);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "learner@workstation:~$ kubectl get pods -w &",
        "[1] 4242",
        "NAME                   READY   STATUS    RESTARTS   AGE",
        "web-7bc9897986-4r2bg   1/1     Running   0          5s",
        "web-7bc9897986-hsxzt   1/1     Running   0          5s",
        "learner@workstation:~$ kubectl scale deployment web --replicas=3",
        "deployment.apps/web scaled",
        "web-7bc9897986-xh5hc   0/1     Pending   0          0s",
        "web-7bc9897986-xh5hc   0/1     Pending   0          0s",
        "web-7bc9897986-xh5hc   1/1     Running   0          0s",
        "learner@workstation:~$ kubectl get deploy web -w",
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
        "web    3/3     3            3           15s",
        "^C",
        "learner@workstation:~$ kubectl get deploy web",
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
        "web    3/3     3            3           20s",
        "",
      ].join("\n"),
    );
  });

  test("--scenario starts from an exercise's scenario and --no-echo prints only output", { timeout: 60_000 }, () => {
    const result = runShell(["--scenario", "fix-service-selector", "--no-echo"], "kubectl get ns -o name | grep -c namespace/\nkubectl get nonsense\n");
    expect(result.stdout).toMatch(/^\d+\nerror: the server doesn't have a resource type "nonsense"\n$/);
    expect(result.status).toBe(1);
  });

  test.each([
    ["an unknown exercise", ["--scenario", "no-such-exercise"], 'shell: no exercise with id "no-such-exercise"', 1],
    ["an unknown flag", ["--bogus"], "shell: unknown argument --bogus", 2],
  ])("reports %s", { timeout: 60_000 }, (_label, args, message, status) => {
    const result = runShell(args, "");
    expect(result.stderr).toContain(message);
    expect(result.status).toBe(status);
  });
});
