import { describe, expect, test } from "vitest";
import { suggestManifestFields } from "@/lib/grader/suggest-manifest-fields";

/** `|` marks the cursor. */
function suggest(textWithCursor: string) {
  const offset = textWithCursor.indexOf("|");
  return suggestManifestFields(textWithCursor.replace("|", ""), offset);
}

const labels = (text: string) => suggest(text)?.options.map((o) => o.label) ?? [];

describe("suggestManifestFields", () => {
  test.each([
    { label: "kinds after kind:", text: "apiVersion: v1\nkind: Ser|", has: ["Service", "NetworkPolicy"] },
    { label: "apiVersion for the document's kind", text: "kind: Ingress\napiVersion: |", has: ["networking.k8s.io/v1"] },
    { label: "root fields of a Service", text: "apiVersion: v1\nkind: Service\n|", has: ["metadata", "spec", "apiVersion"] },
    { label: "ServiceSpec fields", text: "kind: Service\nspec:\n  sel|", has: ["selector", "ports", "type", "clusterIP"] },
    { label: "ServicePort fields in a list item", text: "kind: Service\nspec:\n  ports:\n    - name: http\n      tar|", has: ["targetPort", "nodePort", "protocol"] },
    { label: "a new list item", text: "kind: Service\nspec:\n  ports:\n    - |", has: ["port", "targetPort"] },
    { label: "NetworkPolicy peer fields", text: "kind: NetworkPolicy\nspec:\n  ingress:\n    - from:\n        - |", has: ["podSelector", "namespaceSelector", "ipBlock"] },
    { label: "Ingress path fields", text: "kind: Ingress\nspec:\n  rules:\n    - host: a.b\n      http:\n        paths:\n          - path: /\n            |", has: ["pathType", "backend"] },
    { label: "second document uses its own kind", text: "kind: Service\n---\nkind: NetworkPolicy\nspec:\n  |", has: ["podSelector", "policyTypes"] },
  ])("$label", ({ text, has }) => {
    expect(labels(text)).toEqual(expect.arrayContaining(has));
  });

  test("no suggestions inside a map of user keys (labels)", () => {
    expect(suggest("kind: Pod\nmetadata:\n  labels:\n    ap|")).toBeNull();
  });

  test("no suggestions after a key's colon", () => {
    expect(suggest("kind: Service\nspec:\n  type: Node|")).toBeNull();
  });

  test("status is not offered", () => {
    expect(labels("kind: Service\n|")).not.toContain("status");
  });

  test("replaces the word being typed", () => {
    expect(suggest("kind: Service\nspec:\n  sel|")?.from).toBe("kind: Service\nspec:\n  ".length);
  });
});
