import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadTerminalScenarios } from "@/lib/content/scenario-files";
import { buildScenarioCluster } from "@/lib/grader/build-exercise-cluster";
import { ShellSession, type ShellOutput } from "@/lib/shell/session/shell-session";
import type { Cluster } from "@/lib/sim/store/cluster";

const scenario = loadTerminalScenarios(path.join(process.cwd(), "content")).get("debugging-my-service")!;
let scenarioCluster: Cluster | undefined;

/** The lesson terminal's starting point: the debugging scenario (my-app, my-service, my-ingress behind ingress-nginx). */
function startSession(): ShellSession {
  scenarioCluster ??= buildScenarioCluster(scenario, scenario.id);
  return new ShellSession({ cluster: scenarioCluster.clone(), files: { "exercise.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  selector: {app: my-app}\n  ports: [{port: 81, targetPort: http}]\n" } });
}

function expectShellOutput(output: ShellOutput, input: string): void {
  expect(typeof output.text, input).toBe("string");
  expect(Number.isInteger(output.exitCode), `${input} → exit ${output.exitCode}`).toBe(true);
  expect(output.exitCode, input).toBeGreaterThanOrEqual(0);
  expect(output.exitCode, input).toBeLessThanOrEqual(255);
  expect(typeof output.needsMoreInput).toBe("boolean");
  expect(typeof output.ended).toBe("boolean");
}

const names = fc.constantFrom("my-app", "my-service", "my-ingress", "kube-dns", "nope", "__proto__", "my-app-", "", "-", "svc/my-service", "deploy/my-app", "pod/nope", "ingress-nginx-controller");
const namespaces = fc.constantFrom("default", "kube-system", "ingress-nginx", "nope", "__proto__", "''");
const resources = fc.constantFrom("pods", "po", "svc", "services", "endpoints", "ep", "endpointslices", "ingress", "ing", "netpol", "deploy", "rs", "nodes", "ns", "all", "cm", "secrets", "ingressclass", "bogus", "pods,svc", "svc/my-service", "deploy/my-app");
const outputs = fc.constantFrom("", "-o wide", "-o yaml", "-o json", "-o name", "-o jsonpath='{.items[*].metadata.name}'", "-o jsonpath={.spec.clusterIP}", "-o jsonpath='{range .items[*]}{.status.podIP}{\"\\n\"}{end}'", "-o custom-columns=NAME:.metadata.name,IP:.status.podIP", "-o bogus", "--show-labels", "-l app=my-app", "-l 'app in (my-app,x)'", "-l app!=", "-A", "--all-namespaces", "-w", "--no-headers", "--sort-by=.metadata.name");
const hosts = fc.constantFrom("my-service", "my-service.default", "my-service.default.svc.cluster.local", "kube-dns.kube-system", "10.96.0.10", "10.96.0.1", "example.com", "nope", "localhost", "127.0.0.1:8080", "[::1]", "my-service:80", "my-service:99999", "");
const urls = fc.tuple(fc.constantFrom("http://", "https://", "", "ftp://", "http://user:pw@"), hosts, fc.constantFrom("", "/", "/api", "/%zz", "?q=1", ":80/", ":0")).map((parts) => parts.join(""));

const kubectl = fc.oneof(
  fc.tuple(fc.constantFrom("get", "describe"), resources, fc.option(names, { nil: "" }), outputs, fc.option(namespaces.map((n) => `-n ${n}`), { nil: "" })).map((p) => `kubectl ${p.join(" ")}`),
  fc.constantFrom(
    "kubectl apply -f exercise.yaml",
    "kubectl apply -f missing.yaml",
    "kubectl create -f exercise.yaml",
    "kubectl replace -f exercise.yaml",
    "kubectl delete -f exercise.yaml",
    "kubectl create deployment web --image=nginx:1.27 --replicas=2",
    "kubectl create service clusterip web --tcp=80:8080",
    "kubectl create service nodeport web --tcp=80:80 --node-port=99999",
    "kubectl create ingress web --rule=a.example.com/*=web:80",
    "kubectl create namespace shop",
    "kubectl expose deployment my-app --port=80 --name=exposed",
    "kubectl expose pod nope --port=80",
    "kubectl scale deployment my-app --replicas=0",
    "kubectl scale deployment my-app --replicas=-1",
    "kubectl label pods -l app=my-app tier=web --overwrite",
    "kubectl label svc my-service app-",
    "kubectl annotate ingress my-ingress nginx.ingress.kubernetes.io/rewrite-target=/",
    "kubectl delete svc my-service",
    "kubectl delete pod -l app=my-app",
    "kubectl delete ns default",
    "kubectl logs deploy/my-app",
    "kubectl logs -n ingress-nginx deploy/ingress-nginx-controller --tail=5",
    "kubectl run tmp --image=busybox --rm -it --restart=Never -- nslookup my-service",
    "kubectl run curl --image=curlimages/curl -it --rm -- curl -s my-service",
    "kubectl run x --image=nicolaka/netshoot -- sleep 3600",
    "kubectl exec deploy/my-app -- cat /etc/resolv.conf",
    "kubectl exec -it deploy/my-app -- sh",
    "kubectl exec -it nope -- sh",
    "kubectl port-forward svc/my-service 8080:80",
    "kubectl port-forward svc/my-service 8080:80 &",
    "kubectl explain service.spec.ports",
    "kubectl explain nothing.here",
    "kubectl version",
    "kubectl config view",
    "kubectl config set-context --current --namespace=kube-system",
    "kubectl get",
    "kubectl",
    "kubectl --help",
    "kubectl get pods --bogus-flag",
    "kubectl edit svc my-service",
  ),
);

const tools = fc.oneof(
  fc.tuple(fc.constantFrom("curl", "curl -sv", "curl -k", "curl -I", "curl -H 'Host: a.example.com'", "curl -X POST -d x", "curl --max-time 1", "wget -qO-", "wget -S"), urls).map((p) => p.join(" ")),
  fc.tuple(fc.constantFrom("nslookup", "dig", "dig +short", "dig SRV", "dig -x", "host", "ping -c 1", "ping", "nc -zv"), hosts, fc.constantFrom("", "80", "53", "10.96.0.10")).map((p) => p.join(" ")),
  fc.constantFrom("cat /etc/resolv.conf", "cat /etc/hosts", "cat /nope", "ip addr", "ip route", "hostname", "env", "ls /", "ps", "exit", "exit 3", "sh", "bash", "ss -tlnp", "netstat -tln"),
);

const shellSyntax = fc.constantFrom("clear", "history", "jobs", "fg", "fg %1", "kill %1", "cd /tmp", "export NS=kube-system", "echo $NS $? $HOME ${NS:-x}", "echo $(kubectl get svc -o name)", "true && false || echo ok", "false; echo $?", "X='a b'; echo \"$X\"", "echo 'unterminated", "cat <<EOF | kubectl apply -f -", "apiVersion: v1", "EOF", "kubectl get pods | grep my-app | wc -l", "kubectl get svc 2>&1 > out.txt", "cat out.txt", "| |", ";;", "&&", "$(", "`echo hi`", "\\", "exit", "echo a > /dev/null", "sleep 1 &", "yes | head -n 2", "watch kubectl get pods");

const line = fc.oneof({ weight: 4, arbitrary: kubectl }, { weight: 3, arbitrary: tools }, { weight: 2, arbitrary: shellSyntax }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) });
const withFilter = fc.tuple(line, fc.constantFrom("", "", "", " | grep -i my", " | head -n 3", " | wc -l", " && echo done", " ; echo $?", " | sort | uniq -c", " | awk '{print $1}'", " | cut -d' ' -f1", " | tail -1", " 2>&1")).map(([l, f]) => l + f);

/** Names inherited from Object.prototype, mixed into the random search: they must be ordinary names. */
const PROTOTYPE_NAMES = fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype));
const prototypeLine = fc.tuple(fc.constantFrom("", "echo $", "kubectl get ", "cat /etc/", "kubectl ", "nslookup "), PROTOTYPE_NAMES).map(([prefix, name]) => prefix + name);

describe("the simulated terminal answers every input with text and an exit code", () => {
  test("arbitrary command lines, from any Unicode code unit", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 40 }), prototypeLine), (input) => {
        const session = startSession();
        expectShellOutput(session.execute(input), input);
        expectShellOutput(session.execute(""), "(empty line after)");
        expect(session.complete(input, input.length).constructor).toBe(Object);
      }),
      { numRuns: 200 },
    );
  });

  test("random sequences of real kubectl, curl, nslookup and shell commands, in and out of pods", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(withFilter, prototypeLine), { minLength: 1, maxLength: 10 }), (inputs) => {
        const session = startSession();
        for (const input of inputs) {
          if (session.isBusy()) expectShellOutput(session.interrupt(), "^C");
          expectShellOutput(session.execute(input), input);
          expect(typeof session.prompt()).toBe("string");
          const cursor = Math.floor(input.length / 2);
          expect(() => session.complete(input, cursor)).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("command and variable names inherited from Object.prototype are ordinary names", () => {
  // Command tables and the environment are read as own properties only, so a name like `toString` is "command
  // not found" or an unset variable, never Object.prototype's function.
  test.each([
    { label: "a command named toString", input: "toString", text: "bash: toString: command not found\n", exitCode: 127 },
    { label: "a command named constructor", input: "constructor", text: "bash: constructor: command not found\n", exitCode: 127 },
    { label: "a command named valueOf", input: "valueOf", text: "bash: valueOf: command not found\n", exitCode: 127 },
    { label: "a command named __proto__", input: "__proto__", text: "bash: __proto__: command not found\n", exitCode: 127 },
    { label: "an unset variable named toString", input: "echo $toString", text: "\n", exitCode: 0 },
    { label: "an unset variable named constructor, braced", input: "echo ${constructor}", text: "\n", exitCode: 0 },
  ])("$label", ({ input, text, exitCode }) => {
    const session = startSession();
    const output = session.execute(input);
    expect({ text: output.text, exitCode: output.exitCode }).toEqual({ text, exitCode });
    expect(session.execute("").exitCode).toBe(exitCode);
  });

  test.each(["toString", "hasOwnProperty"])("inside a pod: a command named %s", (name) => {
    const session = startSession();
    session.execute("kubectl exec -it deploy/my-app -- sh");
    expect(session.execute(name)).toMatchObject({ text: `sh: ${name}: not found\n`, exitCode: 127 });
  });
});
