import { describe, expect, test } from "vitest";
import type { AnyObject } from "@/lib/sim/objects/kinds";
import { formatCustomColumns, parseCustomColumns } from "@/lib/shell/kubectl/format-custom-columns";

const pod = (name: string, ip?: string, labels?: Record<string, string>) =>
  ({ apiVersion: "v1", kind: "Pod", metadata: { name, labels }, status: ip ? { podIP: ip, podIPs: [{ ip }] } : {} }) as unknown as AnyObject;

/** k8s.io/cli-runtime pkg/printers/customcolumn.go, as kubectl get -o custom-columns prints. */
describe("custom-columns", () => {
  test("values print with Go's %v, several joined by commas, none as <none>", () => {
    const columns = parseCustomColumns("NAME:.metadata.name,IPS:.status.podIPs,IP:{.status.podIPs[*].ip},APP:.metadata.labels.app");
    if ("error" in columns) throw new Error(columns.error);
    expect(formatCustomColumns([pod("web-1", "10.244.1.5", { app: "web" }), pod("pending")], columns)).toBe(
      "NAME      IPS                    IP           APP\n" + "web-1     [map[ip:10.244.1.5]]   10.244.1.5   web\n" + "pending   <none>                 <none>       <none>\n",
    );
  });

  test("--no-headers leaves the header out", () => {
    const columns = parseCustomColumns("NAME:.metadata.name");
    if ("error" in columns) throw new Error(columns.error);
    expect(formatCustomColumns([pod("a"), pod("b")], columns, true)).toBe("a\nb\n");
  });

  test.each(["", "NAME", "NAME:", ":.metadata.name", "NAME:.metadata.name,IP"])("rejects the spec %j", (spec) => {
    expect(parseCustomColumns(spec)).toHaveProperty("error");
  });
});
