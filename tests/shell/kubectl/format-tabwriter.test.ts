import { describe, expect, test } from "vitest";
import { formatTabwriter } from "@/lib/shell/kubectl/format-tabwriter";

describe("formatTabwriter (Go text/tabwriter, minwidth 0, padding 2)", () => {
  test.each([
    ["one column block aligns all its lines", "Name:\tweb\nNamespace:\tdefault\n", "Name:       web\nNamespace:  default\n"],
    ["the last cell is never padded", "a\tb\n", "a  b\n"],
    ["a line without a tab ends the block", "Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\n", "Name:  web\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\n"],
    ["an inner column only spans the lines that have it", "Port:\t<unset>\t80/TCP\nTargetPort:\t8080/TCP\n", "Port:        <unset>  80/TCP\nTargetPort:  8080/TCP\n"],
    ["continuation lines with an empty first cell stay in the block", "Labels:\tapp=web\n\ttier=front\nAnnotations:\t<none>\n", "Labels:       app=web\n              tier=front\nAnnotations:  <none>\n"],
    ["cells are measured in characters, not bytes", "é:\tx\nab:\ty\n", "é:   x\nab:  y\n"],
  ])("%s", (_label, input, expected) => {
    expect(formatTabwriter(input)).toBe(expected);
  });

  // The pod description on https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/ shows how
  // `IPs:` restarts alignment: `IP:` and `Controlled By:` form their own block.
  test("reproduces the block structure of kubectl describe pod from the documentation", () => {
    const input = "Status:\tRunning\nIP:\t10.88.0.3\nIPs:\n  IP:\t10.88.0.3\n  IP:\t2001:db8::1\nControlled By:\tReplicaSet/nginx-deployment-67d4bdd6f5\nContainers:\n";
    expect(formatTabwriter(input)).toBe(
      "Status:  Running\nIP:      10.88.0.3\nIPs:\n  IP:           10.88.0.3\n  IP:           2001:db8::1\nControlled By:  ReplicaSet/nginx-deployment-67d4bdd6f5\nContainers:\n",
    );
  });
});
