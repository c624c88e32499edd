import { describe, expect, test } from "vitest";
import { evaluateJsonPath } from "@/lib/shell/kubectl/evaluate-jsonpath";

/** The input and templates of https://kubernetes.io/docs/reference/kubectl/jsonpath/ (the kind: List example). */
const LIST = {
  kind: "List",
  items: [
    { kind: "None", metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } }, status: { capacity: { cpu: "4" }, addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }] } },
    { kind: "None", metadata: { name: "127.0.0.2" }, status: { capacity: { cpu: "8" }, addresses: [{ type: "LegacyHostIP", address: "127.0.0.2" }, { type: "another", address: "127.0.0.3" }] } },
  ],
  users: [{ name: "myself", user: {} }, { name: "e2e", user: { username: "admin", password: "secret" } }],
};

describe("evaluateJsonPath", () => {
  test.each([
    ["the kind field", "{.kind}", "List"],
    ["a wildcard over items", "{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"],
    ["an index", "{.items[0].metadata.name}", "127.0.0.1"],
    ["a negative index", "{.items[-1].metadata.name}", "127.0.0.2"],
    ["a slice", "{.users[0:1].name}", "myself"],
    ["a filter", '{.users[?(@.name=="e2e")].user.password}', "secret"],
    ["range with literals", '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ["an escaped dot in a key", "{.items[0].metadata.labels.kubernetes\\.io/hostname}", "127.0.0.1"],
    ["a quoted key", "{.items[0].metadata.labels['kubernetes.io/hostname']}", "127.0.0.1"],
    ["a newline literal", '{.kind}{"\\n"}', "List\n"],
    ["a missing key prints nothing", "{.nope.deeper}", ""],
    ["text outside braces is kept", "kind={.kind}", "kind=List"],
  ])("%s", (_label, template, expected) => {
    expect(evaluateJsonPath(template, LIST)).toEqual({ ok: true, text: expected });
  });

  test.each([["an unclosed action", "{.kind"], ["an end outside range", "{end}"]])("rejects %s", (_label, template) => {
    expect(evaluateJsonPath(template, LIST).ok).toBe(false);
  });
});
