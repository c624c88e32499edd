import { describe, expect, test } from "vitest";
import { parseScript } from "@/lib/shell/grammar/parse-script";
import { runScript, type ScriptEnvironment } from "@/lib/shell/session/run-script";
import { TEXT_FILTERS } from "@/lib/shell/commands/text-filters";
import { fail, ok, type Command } from "@/lib/shell/session/command";

const PODS = "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\nweb-2   1/1     Running   0          5m\ndb-0    0/1     Pending   0          5m\n";

const COMMANDS: Record<string, Command> = {
  ...TEXT_FILTERS,
  true: () => ok(),
  false: () => fail("", 1),
  pods: () => ok(PODS),
  oops: () => fail("oops: something went wrong\n", 3, "partial\n"),
  crash: () => {
    throw new Error("boom");
  },
};

function run(input: string, env: Record<string, string> = {}) {
  const parsed = parseScript(input);
  if (parsed.status !== "ok") throw new Error(JSON.stringify(parsed));
  const files: Record<string, string> = { "/etc/hosts": "127.0.0.1\tlocalhost\n" };
  const environment: ScriptEnvironment<{ readFile(p: string): string | undefined }> = {
    env: { ...env },
    session: { readFile: (p) => files[p] },
    lookup: (name) => COMMANDS[name],
    notFound: (name) => `bash: ${name}: command not found`,
  };
  const result = runScript(parsed.script, environment);
  return {
    stdout: result.output.filter((c) => c.stream === "stdout").map((c) => c.text).join(""),
    stderr: result.output.filter((c) => c.stream === "stderr").map((c) => c.text).join(""),
    exitCode: result.exitCode,
    env: environment.env,
  };
}

describe("runScript", () => {
  test.each([
    { label: "pipe into grep", input: "pods | grep web", stdout: "web-1   1/1     Running   0          5m\nweb-2   1/1     Running   0          5m\n", exitCode: 0 },
    { label: "grep -c counts", input: "pods | grep -c Running", stdout: "2\n", exitCode: 0 },
    { label: "grep -v inverts", input: "pods | grep -v Running | tail -n 1", stdout: "db-0    0/1     Pending   0          5m\n", exitCode: 0 },
    { label: "grep without match exits 1", input: "pods | grep nothing", stdout: "", exitCode: 1 },
    { label: "grep -i", input: "pods | grep -i PENDING | wc -l", stdout: "1\n", exitCode: 0 },
    { label: "head -2", input: "pods | head -2", stdout: "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\n", exitCode: 0 },
    { label: "tail -n +", input: "pods | tail -n 2 | head -n 1", stdout: "web-2   1/1     Running   0          5m\n", exitCode: 0 },
    { label: "wc -l", input: "pods | wc -l", stdout: "4\n", exitCode: 0 },
    { label: "sort -r", input: "cat <<EOF | sort -r\nb\na\nc\nEOF", stdout: "c\nb\na\n", exitCode: 0 },
    { label: "sort in a pipeline", input: "pods | tail -3 | sort | head -1", stdout: "db-0    0/1     Pending   0          5m\n", exitCode: 0 },
    { label: "&& runs on success", input: "true && echo yes", stdout: "yes\n", exitCode: 0 },
    { label: "&& skips on failure", input: "false && echo yes", stdout: "", exitCode: 1 },
    { label: "|| runs on failure", input: "false || echo fallback", stdout: "fallback\n", exitCode: 0 },
    { label: "$? holds the last status", input: "false; echo $?", stdout: "1\n", exitCode: 0 },
    { label: "variables", input: "NS=prod; echo $NS", stdout: "prod\n", exitCode: 0 },
    { label: "cat a file", input: "cat /etc/hosts", stdout: "127.0.0.1\tlocalhost\n", exitCode: 0 },
    { label: "here-document to cat", input: "cat <<EOF\nhello $USER\nEOF", stdout: "hello ada\n", exitCode: 0 },
    { label: "uniq -c", input: "cat <<EOF | uniq -c\na\na\nb\nEOF", stdout: "      2 a\n      1 b\n", exitCode: 0 },
    { label: "a list runs each command", input: "echo b; echo a", stdout: "b\na\n", exitCode: 0 },
  ])("$label", ({ input, stdout, exitCode }) => {
    const result = run(input, { USER: "ada" });
    expect(result.stdout).toBe(stdout);
    expect(result.exitCode).toBe(exitCode);
  });

  test("an unknown command is exit 127 with bash's message", () => {
    expect(run("kubeclt get pods")).toMatchObject({ stderr: "bash: kubeclt: command not found\n", exitCode: 127 });
  });

  test("stderr of a pipeline stage goes to the terminal, stdout to the next stage", () => {
    expect(run("oops | wc -l")).toMatchObject({ stdout: "1\n", stderr: "oops: something went wrong\n", exitCode: 0 });
  });

  test.each([
    { label: "> /dev/null silences stdout", input: "oops > /dev/null", stdout: "", stderr: "oops: something went wrong\n" },
    { label: "> /dev/null 2>&1 silences both", input: "oops > /dev/null 2>&1", stdout: "", stderr: "" },
    { label: "2>&1 > /dev/null keeps stderr on the terminal", input: "oops 2>&1 > /dev/null", stdout: "oops: something went wrong\n", stderr: "" },
    { label: "2>&1 into a pipe", input: "oops 2>&1 | grep -c .", stdout: "2\n", stderr: "" },
    { label: "writing a file is refused", input: "echo x > /tmp/x", stdout: "", stderr: "bash: /tmp/x: Read-only file system\n" },
  ])("redirection: $label", ({ input, stdout, stderr }) => {
    expect(run(input)).toMatchObject({ stdout, stderr });
  });

  test("a command that throws becomes an error result, not an exception", () => {
    expect(run("crash")).toMatchObject({ stderr: "crash: internal error: boom\n", exitCode: 70 });
  });

  test("cat of a missing file", () => {
    expect(run("cat /nope")).toMatchObject({ stderr: "cat: /nope: No such file or directory\n", exitCode: 1 });
  });
});
