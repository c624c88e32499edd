import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { connect } from "@/lib/sim/network/connect";
import { formatTrace } from "@/lib/sim/network/format-trace";
import type { Pod } from "@/lib/sim/objects/kinds";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { articleObjects, articleState, service } from "@/tests/sim/network/networking-fixture";

const golden = (name: string) => readFileSync(path.join(__dirname, "golden", name), "utf8").trimEnd();

/** Traces pinned as the terminal shows them: the article's Service reached by name, and the same Service with a selector typo. */
describe("trace golden files", () => {
  test("netshoot → my-backend-api.production:80", () => {
    const state = articleState();
    const from = { kind: "pod" as const, pod: state.get("Pod", "netshoot", "default") as Pod };
    expect(formatTrace(connect(state, { from, host: "my-backend-api.production", port: 80 }).hops)).toBe(golden("article-connect.txt"));
  });

  test("selector app=backend matches nothing", () => {
    const objects = articleObjects().filter((o) => o.metadata.name !== "my-backend-api");
    const state = staticClusterState([...objects, service("my-backend-api", "production", { clusterIP: "10.96.120.15", selector: { app: "backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] })]);
    const from = { kind: "pod" as const, pod: state.get("Pod", "netshoot", "default") as Pod };
    expect(formatTrace(connect(state, { from, host: "my-backend-api.production.svc.cluster.local", port: 80 }).hops)).toBe(golden("selector-typo-connect.txt"));
  });
});
