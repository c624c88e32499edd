import { describe, expect, test } from "vitest";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";

/**
 * `kubectl get --watch` (k8s.io/kubectl pkg/cmd/get/get.go watch): the list once, then one row per event with the
 * object's current state, the header never repeated, widths remembered across flushes. The article cluster has
 * two bare `web` pods; each test adds a Deployment `api` (nginx, one replica) whose pod names are seeded.
 */
function withApi(): ShellSession {
  const session = new ShellSession({ cluster: buildArticleCluster() });
  expect(session.execute("kubectl create deployment api --image=nginx --replicas=1").text).toBe("deployment.apps/api created\n");
  return session;
}

const texts = (session: ShellSession, lines: readonly string[]) => lines.map((line) => session.execute(line).text);

describe("kubectl get --watch in the foreground", () => {
  test("prints the list, holds the terminal without a prompt, ignores typed lines, and Ctrl-C ends it with status 130", () => {
    const s = withApi();
    const started = s.execute("kubectl get pods -l app=api -w");
    expect(started.text).toBe("NAME                  READY   STATUS    RESTARTS   AGE\napi-6bd8bd476-4r2bg   1/1     Running   0          5s\n");
    expect(s.isBusy()).toBe(true);
    expect(s.prompt()).toBe("");
    expect(s.execute("kubectl delete deployment api").text).toBe("");
    expect(s.cluster.get("Deployment", "api", "default")).toBeDefined();
    expect(s.interrupt()).toMatchObject({ text: "^C\n", exitCode: 130 });
    expect(s.isBusy()).toBe(false);
    expect(s.prompt()).toBe("learner@workstation:~$ ");
    expect(s.execute("echo $?").text).toBe("130\n");
    expect(s.execute("jobs").text).toBe("");
  });

  test("an empty list prints nothing, not the plain get's `No resources found`", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    expect(s.execute("kubectl get deploy -w")).toMatchObject({ text: "", exitCode: 0 });
    expect(s.isBusy()).toBe(true);
  });

  test("fg brings a background watch back; Ctrl-C then ends it", () => {
    const s = withApi();
    s.execute("kubectl get deploy -w &");
    expect(s.execute("fg").text).toBe("kubectl get deploy -w\n");
    expect(s.isBusy()).toBe(true);
    expect(s.interrupt().text).toBe("^C\n");
    expect(s.execute("jobs").text).toBe("");
  });
});

describe("kubectl get --watch in the background", () => {
  test("a scale prints its message, then each new pod's rows as it is created, scheduled and started", () => {
    const s = withApi();
    expect(texts(s, ["kubectl get pods -l app=api -w &", "kubectl scale deployment api --replicas=3", "jobs"])).toEqual([
      "[1] 4242\nNAME                  READY   STATUS    RESTARTS   AGE\napi-6bd8bd476-4r2bg   1/1     Running   0          5s\n",
      [
        "deployment.apps/api scaled",
        "api-6bd8bd476-7k47q   0/1     Pending   0          0s",
        "api-6bd8bd476-xh5hc   0/1     Pending   0          0s",
        "api-6bd8bd476-7k47q   0/1     Pending   0          0s",
        "api-6bd8bd476-xh5hc   0/1     Pending   0          0s",
        "api-6bd8bd476-7k47q   1/1     Running   0          0s",
        "api-6bd8bd476-xh5hc   1/1     Running   0          0s",
        "",
      ].join("\n"),
      "[1]+  Running                 kubectl get pods -l app=api -w &\n",
    ]);
  });

  test("a deleted pod prints its last row, Terminating with its containers stopped, and its replacement follows", () => {
    const s = withApi();
    expect(texts(s, ["kubectl get pods -l app=api -w &", "kubectl delete pod api-6bd8bd476-4r2bg"])).toEqual([
      "[1] 4242\nNAME                  READY   STATUS    RESTARTS   AGE\napi-6bd8bd476-4r2bg   1/1     Running   0          5s\n",
      [
        'pod "api-6bd8bd476-4r2bg" deleted',
        "api-6bd8bd476-4r2bg   0/1     Terminating   0          10s",
        "api-6bd8bd476-7k47q   0/1     Pending       0          0s",
        "api-6bd8bd476-7k47q   0/1     Pending       0          0s",
        "api-6bd8bd476-7k47q   1/1     Running       0          0s",
        "",
      ].join("\n"),
    ]);
  });

  test("commands that change nothing the watch selects print nothing more", () => {
    const s = withApi();
    s.execute("kubectl get pods -l app=api -w &");
    expect(s.execute("kubectl get svc my-service").text).toBe("NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\nmy-service   ClusterIP   10.96.45.210   <none>        80/TCP    12m\n");
    expect(s.execute("kubectl label pod web-7d9f8b6c5d-abcde tier=front").text).toBe("pod/web-7d9f8b6c5d-abcde labeled\n");
  });

  test("a command that makes more changes than the cluster keeps is caught up by relisting: one row per pod, its latest state", () => {
    const s = withApi();
    s.execute("kubectl get pods -l app=api -w &");
    const before = s.cluster.resourceVersion;
    const lines = s.execute("kubectl scale deployment api --replicas=600").text.split("\n").slice(1, -1);
    expect(s.cluster.changesSince(before)).toBeUndefined();
    const names = lines.map((line) => line.split(" ")[0]);
    expect(new Set(names).size).toBe(599);
    expect(names).toHaveLength(599);
    expect(lines.every((line) => /^api-6bd8bd476-\w+ +(1\/1 +Running|0\/1 +Pending) +0 +0s$/.test(line))).toBe(true);
  });

  test("kill %N ends the watch: later changes print nothing", () => {
    const s = withApi();
    s.execute("kubectl get pods -l app=api -w &");
    expect(s.execute("kill %1").text).toBe("[1]+  Terminated              kubectl get pods -l app=api -w\n");
    expect(s.execute("kubectl scale deployment api --replicas=2").text).toBe("deployment.apps/api scaled\n");
  });

  test("a label change that makes an object match is ADDED, one that makes it stop matching is DELETED as last seen", () => {
    const s = withApi();
    s.execute("kubectl get pods -l tier=front --output-watch-events -w &");
    expect(s.execute("kubectl label pod web-7d9f8b6c5d-abcde tier=front").text).toBe(
      "pod/web-7d9f8b6c5d-abcde labeled\nEVENT      NAME                   READY   STATUS    RESTARTS   AGE\nADDED      web-7d9f8b6c5d-abcde   1/1     Running   0          12m\n",
    );
    const removed = s.execute("kubectl label pod web-7d9f8b6c5d-abcde tier-").text;
    expect(removed).toBe("pod/web-7d9f8b6c5d-abcde unlabeled\nDELETED    web-7d9f8b6c5d-abcde   1/1     Running   0          12m\n");
    expect(s.cluster.get("Pod", "web-7d9f8b6c5d-abcde", "default")?.metadata.labels?.tier).toBeUndefined();
  });
});

describe("kubectl get --watch output options", () => {
  test("--output-watch-events adds the EVENT column, types padded to MODIFIED's width (tableprinter.go formattedEventType)", () => {
    const s = withApi();
    expect(texts(s, ["kubectl get deploy --output-watch-events -w &", "kubectl scale deployment api --replicas=2", "kubectl delete deployment api"])).toEqual([
      "[1] 4242\nEVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nADDED      api    1/1     1            1           5s\n",
      "deployment.apps/api scaled\nMODIFIED   api    1/2     1            1           10s\nMODIFIED   api    1/2     1            1           10s\nMODIFIED   api    1/2     2            1           10s\nMODIFIED   api    2/2     2            2           10s\n",
      'deployment.apps "api" deleted\nDELETED    api    2/2     2            2           15s\n',
    ]);
  });

  test("--watch-only skips the list; the header comes with the first event", () => {
    const s = withApi();
    expect(texts(s, ["kubectl get deploy --watch-only &", "kubectl scale deployment api --replicas=2"])).toEqual([
      "[1] 4242\n",
      "deployment.apps/api scaled\nNAME   READY   UP-TO-DATE   AVAILABLE   AGE\napi    1/2     1            1           10s\napi    1/2     1            1           10s\napi    1/2     2            1           10s\napi    2/2     2            2           10s\n",
    ]);
  });

  test("-o name prints one name per event (get_test.go TestWatchResourceWatchEvents, name)", () => {
    const s = withApi();
    expect(texts(s, ["kubectl get deploy api -w -o name &", "kubectl scale deployment api --replicas=2"])).toEqual(["[1] 4242\ndeployment.apps/api\n", "deployment.apps/api scaled\ndeployment.apps/api\ndeployment.apps/api\ndeployment.apps/api\ndeployment.apps/api\n"]);
  });

  test("-o jsonpath with --output-watch-events sees {type, object} (get_test.go TestWatchResourceWatchEvents, jsonpath)", () => {
    const s = withApi();
    const template = `-o jsonpath='{.type},{.object.metadata.name},{.object.spec.replicas}{"\\n"}'`;
    expect(texts(s, [`kubectl get deploy -w --output-watch-events ${template} &`, "kubectl scale deployment api --replicas=2", "kubectl delete deployment api"])).toEqual([
      "[1] 4242\nADDED,api,1\n",
      "deployment.apps/api scaled\nMODIFIED,api,2\nMODIFIED,api,2\nMODIFIED,api,2\nMODIFIED,api,2\n",
      'deployment.apps "api" deleted\nDELETED,api,2\n',
    ]);
  });

  test("-o yaml separates documents with --- after the first (printers/yaml.go)", () => {
    const s = withApi();
    const first = s.execute("kubectl get deploy api -w -o yaml &").text;
    expect(first.startsWith("[1] 4242\napiVersion: apps/v1\nkind: Deployment\n")).toBe(true);
    expect(first).not.toContain("---");
    const next = s.execute("kubectl scale deployment api --replicas=2").text;
    expect(next.startsWith("deployment.apps/api scaled\n---\napiVersion: apps/v1\nkind: Deployment\n")).toBe(true);
    expect(next).toContain("  replicas: 2\n");
  });

  test("-o json with --output-watch-events prints each event as one compact line, type first (printers/json.go)", () => {
    const s = withApi();
    const first = s.execute("kubectl get deploy api -w -o json --output-watch-events &").text;
    expect(first).toMatch(/^\[1\] 4242\n\{"type":"ADDED","object":\{"apiVersion":"apps\/v1","kind":"Deployment","metadata":\{.*\}\}\n$/);
    const event = JSON.parse(s.execute("kubectl scale deployment api --replicas=2").text.split("\n")[1]) as { type: string; object: { spec: { replicas: number } } };
    expect(event.type).toBe("MODIFIED");
    expect(event.object.spec.replicas).toBe(2);
  });

  test("-A puts NAMESPACE first; -o wide adds the wide columns", () => {
    const s = withApi();
    expect(s.execute("kubectl get deploy -A -o wide -w -l app=api &").text).toBe(
      "[1] 4242\nNAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR\ndefault     api    1/1     1            1           5s    nginx        nginx    app=api\n",
    );
  });
});

describe("kubectl get events --watch", () => {
  test("events recorded by a later command print as rows, each flush widening only the columns it must", () => {
    const s = new ShellSession({ cluster: buildArticleCluster() });
    expect(s.execute("kubectl get events -w &").text).toBe("[1] 4242\n");
    expect(s.execute("kubectl create deployment api --image=nginx --replicas=1").text).toBe(
      [
        "deployment.apps/api created",
        "LAST SEEN   TYPE     REASON              OBJECT           MESSAGE",
        "0s          Normal   ScalingReplicaSet   deployment/api   Scaled up replica set api-6bd8bd476 to 1 from 0",
        "0s          Normal   SuccessfulCreate    replicaset/api-6bd8bd476   Created pod: api-6bd8bd476-4r2bg",
        "0s          Normal   Scheduled           pod/api-6bd8bd476-4r2bg    Successfully assigned default/api-6bd8bd476-4r2bg to worker-2",
        "0s          Normal   Pulled              pod/api-6bd8bd476-4r2bg    Container image \"nginx\" already present on machine",
        "0s          Normal   Created             pod/api-6bd8bd476-4r2bg    Created container: nginx",
        "0s          Normal   Started             pod/api-6bd8bd476-4r2bg    Started container: nginx",
        "",
      ].join("\n"),
    );
  });

  test("--watch-only --output-watch-events prints only what is recorded after it, as ADDED", () => {
    const s = withApi();
    expect(s.execute("kubectl get events --watch-only --output-watch-events &").text).toBe("[1] 4242\n");
    const rows = s.execute("kubectl scale deployment api --replicas=2").text.split("\n");
    expect(rows[0]).toBe("deployment.apps/api scaled");
    expect(rows[1]).toBe("EVENT      LAST SEEN   TYPE     REASON              OBJECT           MESSAGE");
    expect(rows[2]).toBe("ADDED      0s          Normal   ScalingReplicaSet   deployment/api   Scaled up replica set api-6bd8bd476 to 2 from 1");
    expect(rows.slice(3, -1).every((row) => row.startsWith("ADDED      0s          Normal   "))).toBe(true);
  });
});

describe("kubectl get --watch errors", () => {
  test.each([
    ["several resource types (cli-runtime builder.go ErrMultipleResourceTypes)", "kubectl get pods,svc -w", "error: you may only specify a single resource type\n"],
    ["--output-watch-events without a watch (get.go Validate)", "kubectl get pods --output-watch-events", "error: --output-watch-events option can only be used with --watch or --watch-only\n"],
    ["a named object that does not exist", "kubectl get pod nope -w", 'Error from server (NotFound): pods "nope" not found\n'],
  ])("%s", (_label, line, stderr) => {
    const s = withApi();
    expect(s.execute(line)).toMatchObject({ text: stderr, exitCode: 1 });
    expect(s.isBusy()).toBe(false);
  });

  test("several named objects are listed, then refused as a watch (cli-runtime result.go Watch)", () => {
    const s = withApi();
    const output = s.execute("kubectl get pod web-7d9f8b6c5d-abcde web-7d9f8b6c5d-fghij -w");
    expect(output.exitCode).toBe(1);
    expect(output.text).toContain("NAME                   READY   STATUS    RESTARTS   AGE\nweb-7d9f8b6c5d-abcde   1/1     Running   0          12m\nweb-7d9f8b6c5d-fghij   1/1     Running   0          12m\n");
    expect(output.text).toContain("error: watch is only supported on individual resources and resource collections - 2 resources were found\n");
    expect(s.isBusy()).toBe(false);
  });
});
