import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { parseScript } from "@/lib/shell/grammar/parse-script";
import { expandWord, expandHereDoc } from "@/lib/shell/grammar/expand-word";
import type { Script } from "@/lib/shell/grammar/ast";

const ENV = { NS: "production", EMPTY: "", TWO: "a b", HOME: "/root" };

/** The argv of every command, expanded, grouped by list and pipeline: a compact view of the AST. */
function shape(script: Script): string[][][] {
  return script.lists.map((list) =>
    [list.first, ...list.rest.map((r) => r.pipeline)].map((p) => p.commands.map((c) => c.words.flatMap((w) => expandWord(w, ENV)).join(" "))),
  );
}

function parsed(input: string): Script {
  const outcome = parseScript(input);
  if (outcome.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.script;
}

describe("parseScript", () => {
  test.each([
    { label: "one command", input: "kubectl get pods", want: [[["kubectl get pods"]]] },
    { label: "single quotes keep spaces", input: "curl -H 'Host: api.example.com' http://x", want: [[["curl -H Host: api.example.com http://x"]]] },
    { label: "double quotes expand variables", input: 'echo "ns=$NS"', want: [[["echo ns=production"]]] },
    { label: "braced variable", input: "echo ${NS}-db", want: [[["echo production-db"]]] },
    { label: "single quotes do not expand", input: "echo '$NS'", want: [[["echo $NS"]]] },
    { label: "backslash escapes a space", input: "echo a\\ b", want: [[["echo a b"]]] },
    { label: "pipeline", input: "kubectl get pods | grep web | wc -l", want: [[["kubectl get pods", "grep web", "wc -l"]]] },
    { label: "&& and ||", input: "true && echo yes || echo no", want: [[["true"], ["echo yes"], ["echo no"]]] },
    { label: "; separates lists", input: "echo a; echo b", want: [[["echo a"]], [["echo b"]]] },
    { label: "newline separates lists", input: "echo a\necho b\n", want: [[["echo a"]], [["echo b"]]] },
    { label: "comment is ignored", input: "kubectl get svc # list services", want: [[["kubectl get svc"]]] },
    { label: "# inside a word is literal", input: "echo a#b", want: [[["echo a#b"]]] },
    { label: "unset variable expands to nothing", input: "echo $NOPE x", want: [[["echo x"]]] },
    { label: "unquoted expansion is split", input: "printf $TWO", want: [[["printf a b"]]] },
    { label: "line continuation", input: "kubectl get \\\n pods", want: [[["kubectl get pods"]]] },
  ])("$label", ({ input, want }) => {
    expect(shape(parsed(input))).toEqual(want);
  });

  test("quoted expansion is one field, unquoted empty expansion is none", () => {
    const script = parsed('cmd "$TWO" $EMPTY ""');
    expect(script.lists[0].first.commands[0].words.map((w) => expandWord(w, ENV))).toEqual([["cmd"], ["a b"], [], [""]]);
  });

  test("assignments before the command name", () => {
    const command = parsed("KUBECONFIG=x kubectl version").lists[0].first.commands[0];
    expect(command.assignments.map((a) => [a.name, expandWord(a.value, ENV).join("")])).toEqual([["KUBECONFIG", "x"]]);
    expect(command.words.map((w) => expandWord(w, ENV).join(""))).toEqual(["kubectl", "version"]);
  });

  test("redirections", () => {
    const command = parsed("curl -s http://web > /dev/null 2>&1").lists[0].first.commands[0];
    expect(command.redirects.map((r) => [r.fd, r.op, expandWord(r.target, ENV).join("")])).toEqual([
      [1, ">", "/dev/null"],
      [2, ">&", "1"],
    ]);
  });

  test("here-document piped into kubectl apply", () => {
    const script = parsed("cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: $NS\nEOF\n");
    const [cat, apply] = script.lists[0].first.commands;
    expect(cat.hereDoc).toMatchObject({ delimiter: "EOF", expand: true });
    expect(expandHereDoc(cat.hereDoc!.body, ENV)).toBe("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n");
    expect(apply.words.map((w) => expandWord(w, ENV).join(""))).toEqual(["kubectl", "apply", "-f", "-"]);
  });

  test("quoted here-document delimiter turns expansion off; <<- strips tabs", () => {
    const quoted = parsed("cat <<'EOF'\n$NS\nEOF").lists[0].first.commands[0].hereDoc!;
    expect(quoted).toMatchObject({ expand: false, body: "$NS\n" });
    const stripped = parsed("cat <<-END\n\t\tindented\n\tEND\n").lists[0].first.commands[0].hereDoc!;
    expect(stripped.body).toBe("indented\n");
  });

  test.each([
    { label: "open single quote", input: "echo 'abc", reason: "quote" },
    { label: "open double quote", input: 'echo "abc', reason: "quote" },
    { label: "here-document without its delimiter", input: "cat <<EOF\nline", reason: "heredoc" },
    { label: "trailing pipe", input: "kubectl get pods |", reason: "continuation" },
    { label: "trailing &&", input: "true &&", reason: "continuation" },
    { label: "trailing backslash", input: "kubectl get \\", reason: "continuation" },
  ])("incomplete: $label", ({ input, reason }) => {
    expect(parseScript(input)).toEqual({ status: "incomplete", reason });
  });

  test.each([
    { label: "leading pipe", input: "| grep x", message: "syntax error near unexpected token `|'" },
    { label: "double semicolon start", input: "; echo", message: "syntax error near unexpected token `;'" },
    { label: "redirect without target", input: "echo >", message: "syntax error near unexpected token `newline'" },
    { label: "&& after ;", input: "echo a; && echo b", message: "syntax error near unexpected token `&&'" },
  ])("syntax error: $label", ({ input, message }) => {
    expect(parseScript(input)).toEqual({ status: "error", message });
  });

  test("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const outcome = parseScript(input);
        expect(["ok", "incomplete", "error"]).toContain(outcome.status);
      }),
      { numRuns: 2000 },
    );
  });

  test("never throws on shell-flavoured input", () => {
    const piece = fc.constantFrom("echo", " ", "'", '"', "$", "${", "}", "|", "&&", ";", "<<", "EOF", "\n", "\\", "#", ">", "2>&1", "a=b");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const outcome = parseScript(pieces.join(""));
        if (outcome.status === "ok") {
          for (const list of outcome.script.lists)
            for (const p of [list.first, ...list.rest.map((r) => r.pipeline)])
              for (const c of p.commands) for (const w of c.words) expandWord(w, ENV);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
