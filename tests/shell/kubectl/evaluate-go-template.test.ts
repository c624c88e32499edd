import { describe, expect, test } from "vitest";
import { evaluateGoTemplate } from "@/lib/shell/kubectl/evaluate-go-template";

const pod = {
  metadata: { name: "mongo-75f59d57f4-4nd6q", labels: { app: "mongo", tier: "backend" } },
  spec: { containers: [{ name: "mongo", ports: [{ containerPort: 27017 }] }] },
  status: { podIP: "10.244.0.5", podIPs: [{ ip: "10.244.0.5" }] },
};
const list = { items: [pod, { ...pod, status: { podIP: "10.244.0.6" } }] };

/** Go text/template semantics as kubectl's go-template printer applies them to decoded JSON. */
describe("evaluateGoTemplate", () => {
  test.each([
    ["index chains and a string literal (port-forward-access-application-cluster)", '{{(index (index .spec.containers 0).ports 0).containerPort}}{{"\\n"}}', pod, "27017\n"],
    ["range over items (debug-service)", '{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}', list, "10.244.0.5\n10.244.0.6\n"],
    ["a missing key prints <no value>", "{{.status.hostIP}}", pod, "<no value>"],
    ["maps print as map[k:v] with sorted keys", "{{.metadata.labels}}", pod, "map[app:mongo tier:backend]"],
    ["lists of maps print as [map[…]]", "{{.status.podIPs}}", pod, "[map[ip:10.244.0.5]]"],
    ["if/else on a missing field", "{{if .status.hostIP}}yes{{else}}no{{end}}", pod, "no"],
    ["len and $", "{{len $.items}}", list, "2"],
    ["trim markers", "a  {{- .metadata.name -}}  b", pod, "amongo-75f59d57f4-4nd6qb"],
    ["printf", '{{printf "%s:%d" .metadata.name 1}}', pod, "mongo-75f59d57f4-4nd6q:1"],
  ])("%s", (_name, template, data, expected) => {
    expect(evaluateGoTemplate(template, data)).toEqual({ ok: true, text: expected });
  });

  test.each([
    ["an unclosed action", "{{.metadata.name"],
    ["an unknown function", "{{frob .x}}"],
    ["an end without a block", "{{end}}"],
    ["a range without an end", "{{range .items}}x"],
    ["an index out of range", "{{index .spec.containers 3}}"],
  ])("reports %s as an error", (_name, template) => {
    expect(evaluateGoTemplate(template, pod).ok).toBe(false);
  });
});
