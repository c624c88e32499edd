import { describe, expect, test } from "vitest";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { restoreSession, serializeSession } from "@/lib/shell/session/serialize-session";
import { replayLog } from "@/lib/shell/session/replay-log";
import { replayTerminalLog } from "@/lib/grader/replay-terminal-log";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";

/**
 * `kubectl edit` against kubectl's own editor loop, kubernetes/kubernetes
 * staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (EditOptions.Run, editHeader.writeTo,
 * editResults.addError, preservedFile) and editor.go (defaultEnvEditor, Launch). Expected strings are the
 * literals of those files.
 */

const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  "# and an empty file will abort the edit. If an error occurs while saving this file will be",
  "# reopened with the relevant failures.",
  "#",
  "",
].join("\n");

const DEPLOYMENT = `cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
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
EOF`;

const session = () => new ShellSession({ cluster: buildArticleCluster() });

function openEdit(shell: ShellSession, command = "kubectl edit svc/my-service") {
  const output = shell.execute(command);
  if (!output.edit) throw new Error(`no edit opened: ${output.text}`);
  return output.edit;
}

describe("kubectl edit with the page's editor", () => {
  test("writes kubectl's header and the live object as YAML, and holds the terminal until the editor closes", () => {
    const shell = session();
    const output = shell.execute("kubectl edit service my-service");
    expect(output.text).toBe("");
    expect(output.edit).toMatchObject({ title: "service/my-service", format: "yaml" });
    expect(output.edit?.file).toMatch(/^\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml$/);
    expect(output.edit?.text.startsWith(HEADER)).toBe(true);
    expect(shell.pendingEdit()?.text).toBe(output.edit?.text);
    expect(shell.isBusy()).toBe(true);
    expect(shell.prompt()).toBe("");
    expect(shell.execute("kubectl get svc").text).toBe("");
    shell.finishEdit(null);
    expect(output.edit?.text).toBe(HEADER + shell.execute("kubectl get svc my-service -o yaml").text);
  });

  test("-o json writes JSON without the header (editPrinterOptions.Complete)", () => {
    const shell = session();
    const edit = openEdit(shell, "kubectl edit svc/my-service -o json");
    expect(edit.file).toMatch(/\.json$/);
    expect(edit.text.startsWith("{\n    \"apiVersion\": \"v1\",\n")).toBe(true);
    const changed = edit.text.replace('"port": 80,', '"port": 8080,');
    expect(shell.finishEdit(changed)).toMatchObject({ text: "service/my-service edited\n", exitCode: 0 });
  });

  test.each([
    ["closed without saving", () => null],
    ["saved unchanged", (text: string) => text],
    ["changed only in comments and layout", (text: string) => `# my note\n${text.replace("kind: Service", "kind:    Service")}`],
  ])("%s: Edit cancelled, no changes made. on stderr, exit 0", (_label, change) => {
    const shell = session();
    const edit = openEdit(shell);
    const output = shell.finishEdit(change(edit.text));
    expect(output).toMatchObject({ text: "Edit cancelled, no changes made.\n", exitCode: 0 });
    expect(output.edit).toBeUndefined();
    expect(shell.isBusy()).toBe(false);
    expect(shell.execute("echo $?").text).toBe("0\n");
  });

  test.each([["nothing", ""], ["only comments", "# nothing here\n#\n"], ["only blank lines", "\n   \n"]])("a file holding %s: Edit cancelled, saved file was empty.", (_label, text) => {
    const shell = session();
    openEdit(shell);
    expect(shell.finishEdit(text)).toMatchObject({ text: "Edit cancelled, saved file was empty.\n", exitCode: 0 });
    expect(shell.isBusy()).toBe(false);
  });

  test("a valid change goes through the API server, controllers reconcile, and kubectl prints service/NAME edited", () => {
    const shell = session();
    const edit = openEdit(shell);
    const output = shell.finishEdit(edit.text.replace("  - port: 80\n", "  - port: 8081\n").replace("selector:\n    app: web", "selector:\n    app: nothing"));
    expect(output).toMatchObject({ text: "service/my-service edited\n", exitCode: 0 });
    expect(output.edit).toBeUndefined();
    expect(shell.execute("kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}'").text).toBe("8081");
    // The endpoints controller follows the new selector: no pod has app=nothing.
    expect(shell.execute("kubectl get endpoints my-service --no-headers").text).toMatch(/^my-service\s+<none>\s/);
  });

  test("a Deployment is named by its group: deployment.apps/web edited, and the ReplicaSet follows", () => {
    const shell = session();
    shell.execute(DEPLOYMENT);
    const edit = openEdit(shell, "kubectl edit deploy web");
    expect(edit.title).toBe("deployment.apps/web");
    expect(shell.finishEdit(edit.text.replace("  replicas: 2\n", "  replicas: 3\n")).text).toBe("deployment.apps/web edited\n");
    expect(shell.execute("kubectl get deploy web --no-headers").text).toMatch(/^web\s+3\/3\s/);
  });

  test("a YAML syntax error reopens the editor with the error as a comment, and nothing on stderr", () => {
    const shell = session();
    const edit = openEdit(shell);
    const broken = edit.text.replace("    app: web\n  sessionAffinity", "    app: [web\n  sessionAffinity");
    const output = shell.finishEdit(broken);
    expect(output.text).toBe("");
    expect(shell.isBusy()).toBe(true);
    // The reason is the parser's message as `kubectl apply` words it (lib/sim/manifest/format-yaml-error.ts).
    const [reason, ...rest] = (output.edit?.text ?? "").slice(HEADER.length).split("\n");
    expect(reason).toMatch(/^# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: .+/);
    expect(rest.join("\n")).toBe(`#\n${broken.slice(HEADER.length)}`);
    expect(output.edit?.file).not.toBe(edit.file);
  });

  test("an invalid object: error: services \"NAME\" is invalid, the editor reopens with every cause", () => {
    const shell = session();
    const edit = openEdit(shell);
    const invalid = edit.text.replace("  - port: 80\n", "  - port: 0\n");
    const output = shell.finishEdit(invalid);
    expect(output.text).toBe('error: services "my-service" is invalid\n');
    expect(output.edit?.text).toBe(
      `${HEADER}# services "my-service" was not valid:\n# * spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n#\n${invalid.slice(HEADER.length)}`,
    );
    expect(shell.execute("kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}'").text).toBe("");
  });

  test("closing a reopened editor unchanged: the copy is kept and kubectl exits 1", () => {
    const shell = session();
    const edit = openEdit(shell);
    const reopened = shell.finishEdit(edit.text.replace("  - port: 80\n", "  - port: 0\n")).edit;
    if (!reopened) throw new Error("not reopened");
    const output = shell.finishEdit(null);
    expect(output).toMatchObject({
      text: `A copy of your changes has been stored to "${reopened.file}"\nerror: Edit cancelled, no valid changes were saved.\n`,
      exitCode: 1,
    });
    expect(shell.isBusy()).toBe(false);
    expect(shell.execute("echo $?").text).toBe("1\n");
    expect(shell.execute(`grep 'port: 0' ${reopened.file}`).text).toBe("  - port: 0\n");
    expect(shell.execute("kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}'").text).toBe("80");
  });

  test("fixing the object in the reopened editor saves it", () => {
    const shell = session();
    const edit = openEdit(shell);
    const reopened = shell.finishEdit(edit.text.replace("  - port: 80\n", "  - port: 0\n")).edit;
    expect(shell.finishEdit(reopened!.text.replace("  - port: 0\n", "  - port: 81\n")).text).toBe("service/my-service edited\n");
  });

  test.each([
    ["the name", (t: string) => t.replace("  name: my-service\n", "  name: other\n"), "At least one of apiVersion, kind and name was changed"],
    ["the kind", (t: string) => t.replace("kind: Service\n", "kind: Pod\n"), "At least one of apiVersion, kind and name was changed"],
    [
      "the namespace",
      (t: string) => t.replace("  namespace: default\n", "  namespace: kube-system\n"),
      `the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.`,
    ],
  ])("changing %s is refused and the copy kept", (_label, change, message) => {
    const shell = session();
    const edit = openEdit(shell);
    expect(shell.finishEdit(change(edit.text))).toMatchObject({ text: `A copy of your changes has been stored to "${edit.file}"\nerror: ${message}\n`, exitCode: 1 });
    expect(shell.execute("kubectl get svc my-service -o name").text).toBe("service/my-service\n");
  });

  test("a kind the API does not serve is a syntax error (the RESTMapper cannot map it)", () => {
    const shell = session();
    const edit = openEdit(shell);
    const output = shell.finishEdit(edit.text.replace("kind: Service\n", "kind: Servic\n"));
    expect(output.edit?.text).toContain('# The edited file had a syntax error: unable to recognize "edited-file": no matches for kind "Servic" in version "v1"\n#\n');
  });

  test("reordering keys changes nothing kubectl would send: service/NAME skipped", () => {
    const shell = session();
    const edit = openEdit(shell);
    const reordered = edit.text.replace("apiVersion: v1\nkind: Service\n", "kind: Service\napiVersion: v1\n");
    expect(shell.finishEdit(reordered).text).toBe("service/my-service skipped\n");
  });

  test("Ctrl-C while the editor is open closes it like quitting without saving", () => {
    const shell = session();
    openEdit(shell);
    expect(shell.interrupt()).toMatchObject({ text: "Edit cancelled, no changes made.\n", exitCode: 0 });
    expect(shell.isBusy()).toBe(false);
  });

  test.each([
    ["an absent object", "kubectl edit svc/nope", 'Error from server (NotFound): services "nope" not found\n'],
    ["an unknown type", "kubectl edit frob/x", 'error: the server doesn\'t have a resource type "frob"\n'],
    ["an output format edit cannot write", "kubectl edit svc/my-service -o wide", 'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,yaml\n'],
  ])("%s is an error before any editor opens", (_label, command, text) => {
    const shell = session();
    const output = shell.execute(command);
    expect(output).toMatchObject({ text, exitCode: 1 });
    expect(output.edit).toBeUndefined();
    expect(shell.isBusy()).toBe(false);
  });
});

describe("kubectl edit with $KUBE_EDITOR / $EDITOR (editor.go defaultEnvEditor)", () => {
  test("KUBE_EDITOR=\"sed -i …\" runs sed on the temp file and the change is saved", () => {
    const shell = session();
    const output = shell.execute(`KUBE_EDITOR="sed -i 's/port: 80$/port: 8081/'" kubectl edit svc/my-service`);
    expect(output).toMatchObject({ text: "service/my-service edited\n", exitCode: 0 });
    expect(output.edit).toBeUndefined();
    expect(shell.execute("kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}'").text).toBe("8081");
  });

  test("EDITOR is used when KUBE_EDITOR is unset, and an exported variable counts", () => {
    const shell = session();
    shell.execute("export EDITOR=\"sed -i s/app:.web/app:\\ api/\"");
    expect(shell.execute("kubectl edit svc my-service").text).toBe("service/my-service edited\n");
    expect(shell.execute("kubectl get svc my-service -o jsonpath='{.spec.selector.app}'").text).toBe("api");
  });

  test("KUBE_EDITOR wins over EDITOR", () => {
    const shell = session();
    const output = shell.execute(`EDITOR="sed -i s/80/81/" KUBE_EDITOR=true kubectl edit svc/my-service`);
    expect(output.text).toBe("Edit cancelled, no changes made.\n");
  });

  test("a scripted editor whose change is invalid: the reopened file gets the same edit again, which changes nothing", () => {
    const shell = session();
    const output = shell.execute(`KUBE_EDITOR="sed -i 's/port: 80$/port: 0/'" kubectl edit svc/my-service`);
    expect(output.text).toMatch(/^error: services "my-service" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(output.exitCode).toBe(1);
  });

  test.each([
    ["a program that does not exist", "KUBE_EDITOR=nano-x kubectl edit svc/my-service", 'error: unable to launch the editor "nano-x"\n'],
    ["a program that fails", "KUBE_EDITOR=false kubectl edit svc/my-service", 'error: there was a problem with the editor "false"\n'],
    ["a shell command that fails", `KUBE_EDITOR="sed -i 'k'" kubectl edit svc/my-service`, "sed: -e expression #1, char 1: unknown command: `k'\nerror: there was a problem with the editor \"/bin/bash -c sed -i 'k'\"\n"],
  ])("%s", (_label, command, text) => {
    const shell = session();
    expect(shell.execute(command)).toMatchObject({ text, exitCode: 1 });
  });

  test("without a page editor, vi (the default) cannot be launched", () => {
    const shell = new ShellSession({ cluster: buildArticleCluster(), visualEditor: false });
    expect(shell.execute("kubectl edit svc/my-service")).toMatchObject({ text: 'error: unable to launch the editor "vi"\n', exitCode: 1 });
    expect(shell.isBusy()).toBe(false);
  });
});

describe("kubectl edit in the session log", () => {
  function editedSession() {
    const shell = session();
    let edit = openEdit(shell);
    edit = shell.finishEdit(edit.text.replace("  - port: 80\n", "  - port: 0\n")).edit!;
    shell.finishEdit(edit.text.replace("  - port: 0\n", "  - port: 8081\n"));
    shell.execute("kubectl get svc my-service");
    return shell;
  }

  test("logs each editor round", () => {
    const entries = editedSession().entries();
    expect(entries.map((e) => e.type)).toEqual(["execute", "edit", "edit", "execute"]);
  });

  test("replaying the log reaches the same state and redraws the same screen", () => {
    const original = editedSession();
    const replayed = session();
    const transcript = replayLog(replayed, original.entries());
    expect(transcript).toContain('error: services "my-service" is invalid\nservice/my-service edited\n');
    expect(replayed.execute("kubectl get svc my-service -o yaml").text).toBe(original.execute("kubectl get svc my-service -o yaml").text);
  });

  test("a serialized session restores to the same state, also when it stopped mid-edit", () => {
    const shell = session();
    const edit = openEdit(shell);
    const restored = restoreSession(JSON.parse(JSON.stringify(serializeSession(shell))), buildArticleCluster());
    expect(restored?.pendingEdit()).toEqual(shell.pendingEdit());
    expect(restored?.finishEdit(edit.text.replace("  - port: 80\n", "  - port: 82\n")).text).toBe("service/my-service edited\n");
    const full = restoreSession(JSON.parse(JSON.stringify(serializeSession(editedSession()))), buildArticleCluster());
    expect(full?.execute("kubectl get svc my-service -o jsonpath='{.spec.ports[0].port}'").text).toBe("8081");
  });

  test("the grader's replay of a terminal log sees the edited object", () => {
    const replayed = replayTerminalLog(buildArticleCluster(), editedSession().entries());
    expect(replayed.cluster.get("Service", "my-service", "default")?.spec?.ports?.[0]?.port).toBe(8081);
  });
});
