import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Cluster } from "@/lib/sim/store/cluster";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { restoreSession, serializeSession } from "@/lib/shell/session/serialize-session";
import { runTranscript } from "@/lib/shell/session/run-transcript";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";

const session = () => new ShellSession({ cluster: buildArticleCluster(), files: { "exercise.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n" } });

describe("ShellSession.execute", () => {
  test.each([
    ["an open single quote", "echo 'abc"],
    ["an open double quote", 'echo "abc'],
    ["a here-document without its delimiter", "cat <<EOF | kubectl apply -f -\napiVersion: v1"],
    ["a trailing pipe", "kubectl get pods |"],
    ["a trailing &&", "kubectl get pods &&"],
    ["an open command substitution", "echo $(kubectl get pods"],
  ])("asks for more input after %s", (_label, input) => {
    const output = session().execute(input);
    expect(output).toMatchObject({ needsMoreInput: true, text: "" });
  });

  test.each([
    ["a here-document piped into kubectl apply", "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\nEOF", "namespace/shop created\n", 0],
    ["a file the page gave the terminal", "kubectl apply -f exercise.yaml", "namespace/shop created\n", 0],
    ["a command that does not exist", "frobnicate", "bash: frobnicate: command not found\n", 127],
    ["a syntax error", "kubectl get pods | | wc", "bash: syntax error near unexpected token `|'\n", 2],
    ["&& after a failing command", "kubectl get svc nope && echo reached", 'Error from server (NotFound): services "nope" not found\n', 1],
    ["|| after a failing command", "kubectl get svc nope || echo fallback", 'Error from server (NotFound): services "nope" not found\nfallback\n', 0],
    ["a pipeline into wc", "kubectl get pods --no-headers | wc -l", "2\n", 0],
    ["$? of the previous command", "false; echo $?", "1\n", 0],
    ["a variable", "NS=kube-system; kubectl get svc -n $NS -o name", "service/kube-dns\n", 0],
    ["a comment", "# nothing to do", "", 0],
    ["pwd on the workstation", "pwd", "/home/learner\n", 0],
    ["ls of the files the page gave", "ls", "exercise.yaml\n", 0],
    ["date from the simulated clock", "date", "Thu May  1 09:12:05 UTC 2025\n", 0],
    ["command substitution in an argument", "kubectl exec $(kubectl get pods -l app=web -o name | head -1) -- hostname", "web-7d9f8b6c5d-abcde\n", 0],
    ["command substitution inside double quotes", 'echo "pods: $(kubectl get pods --no-headers | wc -l)"', "pods: 2\n", 0],
    ["command substitution whose command fails", "echo $(kubectl get svc nope)", 'Error from server (NotFound): services "nope" not found\n\n', 0],
  ])("runs %s", (_label, input, text, exitCode) => {
    const output = session().execute(input);
    expect(output.text).toBe(text);
    expect(output.exitCode).toBe(exitCode);
  });

  test("clear asks the terminal to clear the screen", () => {
    expect(session().execute("clear").clearScreen).toBe(true);
  });

  test("exit on the workstation ends the session; inside a pod it returns to the workstation", () => {
    const s = session();
    s.execute("kubectl run debug --image=busybox -it --rm -- sh");
    expect(s.prompt()).toBe("/ # ");
    expect(s.execute("exit").ended).toBe(false);
    expect(s.prompt()).toBe("learner@workstation:~$ ");
    expect(s.execute("exit").ended).toBe(true);
  });

  test("kubectl run -it with a shell the image lacks fails to start, and --rm removes the pod", () => {
    const s = session();
    const output = s.execute("kubectl run bb -it --rm --image=busybox -- bash");
    expect(output.text).toBe('pod default/bb terminated (StartError)\nfailed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\npod "bb" deleted\n');
    expect(output.exitCode).toBe(1);
    expect(s.prompt()).toBe("learner@workstation:~$ ");
  });

  test("history keeps every submitted input", () => {
    const s = session();
    s.execute("kubectl get pods");
    s.execute("kubectl get svc");
    expect(s.execute("history").text).toBe("    1  kubectl get pods\n    2  kubectl get svc\n    3  history\n");
  });
});

describe("job control and port-forward", () => {
  test("a foreground port-forward holds the terminal until Ctrl-C", () => {
    const s = session();
    const started = s.execute("kubectl port-forward svc/my-service 8080:80");
    expect(started.text).toBe("Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080\n");
    expect(s.isBusy()).toBe(true);
    expect(s.prompt()).toBe("");
    expect(s.interrupt().text).toBe("^C\n");
    expect(s.isBusy()).toBe(false);
    expect(s.execute("curl -sS localhost:8080").text).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });

  test("fg brings a background forward back; Ctrl-C then stops it", () => {
    const s = session();
    expect(s.execute("kubectl port-forward pod/web-7d9f8b6c5d-abcde 9000:8080 &").text).toBe("[1] 4242\nForwarding from 127.0.0.1:9000 -> 8080\nForwarding from [::1]:9000 -> 8080\n");
    expect(s.execute("jobs").text).toBe("[1]+  Running                 kubectl port-forward pod/web-7d9f8b6c5d-abcde 9000:8080 &\n");
    expect(s.execute("fg").text).toBe("kubectl port-forward pod/web-7d9f8b6c5d-abcde 9000:8080\n");
    expect(s.isBusy()).toBe(true);
    s.interrupt();
    expect(s.execute("jobs").text).toBe("");
  });

  test.each([
    ["a Service port the Service does not have", "kubectl port-forward svc/my-service 8080:81", "error: Service my-service does not have a service port 81\n"],
    ["a Service that does not exist", "kubectl port-forward svc/nope 8080:80", 'Error from server (NotFound): services "nope" not found\n'],
  ])("port-forward rejects %s", (_label, input, text) => {
    expect(session().execute(input).text).toBe(text);
  });

  test("a port already forwarded cannot be forwarded again", () => {
    const s = session();
    s.execute("kubectl port-forward svc/my-service 8080:80 &");
    expect(s.execute("kubectl port-forward svc/my-service 8080:80").text).toContain("bind: address already in use");
  });
});

describe("completion", () => {
  test.each([
    ["commands", "kub", ["kubectl"]],
    ["verbs", "kubectl ge", ["get"]],
    ["resource types and short names", "kubectl get endpo", ["endpoints", "endpointslices"]],
    ["object names", "kubectl describe svc my", ["my-service"]],
    ["type/name", "kubectl get svc/my", ["svc/my-service"]],
    ["namespaces after -n", "kubectl get pods -n kube-", ["kube-node-lease", "kube-public", "kube-system"]],
    ["names in the namespace given with -n", "kubectl get svc -n kube-system ", ["kube-dns"]],
    ["flags of the verb", "kubectl get --show", ["--show-labels"]],
    ["files after -f", "kubectl apply -f ex", ["exercise.yaml"]],
    ["pods for exec", "kubectl exec web-7d9f8b6c5d-a", ["web-7d9f8b6c5d-abcde"]],
  ])("offers %s", (_label, line, candidates) => {
    expect(session().complete(line, line.length).candidates).toEqual(candidates);
  });
});

describe("serialization", () => {
  test("a restored session has the same cluster, history, location and jobs", () => {
    const original = session();
    const script = "kubectl create deployment api --image=nginx --replicas=2\nkubectl port-forward svc/my-service 8080:80 &\nkubectl run netshoot -it --rm --image=nicolaka/netshoot -- bash\n";
    runTranscript(original, script);
    const json = JSON.parse(JSON.stringify(serializeSession(original)));
    const restored = restoreSession(json, buildArticleCluster());
    expect(restored).toBeDefined();
    expect(restored!.prompt()).toBe(original.prompt());
    expect(restored!.historyLines()).toEqual(original.historyLines());
    expect(restored!.listJobs()).toEqual(original.listJobs());
    expect(restored!.execute("exit").text).toBe(original.execute("exit").text);
    expect(restored!.execute("kubectl get pods").text).toBe(original.execute("kubectl get pods").text);
  });

  test.each([
    ["not an object", 42],
    ["a wrong version", { version: 2, log: [], files: {}, env: {} }],
    ["a malformed entry", { version: 1, log: [{ type: "execute" }], files: {}, env: {} }],
    ["non-string files", { version: 1, log: [], files: { a: 1 }, env: {} }],
  ])("rejects %s", (_label, data) => {
    expect(restoreSession(data, Cluster.create())).toBeUndefined();
  });
});

describe("robustness", () => {
  test("no input makes execute or complete throw, and no command crashes", () => {
    const words = fc.constantFrom("kubectl", "get", "describe", "svc", "pods", "-n", "-o", "yaml", "jsonpath={.x}", "curl", "-v", "nslookup", "'", '"', "|", "&&", ";", "&", "<<EOF", "exit", "run", "-it", "--rm", "--image=busybox", "--", "sh", "port-forward", "svc/my-service", "8080:80", "logs", "-l", "app=web", "fg", "kill", "%1", "$X", "\\", "#");
    fc.assert(
      fc.property(fc.array(fc.array(words, { maxLength: 8 }), { maxLength: 6 }), (lines) => {
        const s = new ShellSession({ cluster: buildArticleCluster() });
        for (const line of lines) {
          const input = line.join(" ");
          s.complete(input, input.length);
          if (s.isBusy()) s.interrupt();
          const output = s.execute(input);
          expect(output.text.startsWith("internal error")).toBe(false);
          expect(output.text).not.toContain("internal error");
        }
      }),
      { numRuns: 60 },
    );
  });
});
