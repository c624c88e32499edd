import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { pingHost } from "@/lib/sim/network/ping-host";
import { resolvePortForward } from "@/lib/sim/network/resolve-port-forward";
import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { connect } from "@/lib/sim/network/connect";
import type { Pod } from "@/lib/sim/objects/kinds";
import { articleState } from "@/tests/sim/network/networking-fixture";

const state = articleState();
const netshoot = { kind: "pod" as const, pod: state.get("Pod", "netshoot", "default") as Pod };
const nasty = fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "__proto__.default", "svc/__proto__", "pod/constructor", "deploy/toString", "", ".", "..", "a..b", "-", "_", "*");

describe("learner input never crashes the network model", () => {
  test("pingHost", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.ipV4(), nasty), (host) => {
      expect(["reply", "no-reply", "unknown-host"]).toContain(pingHost(state, { from: netshoot, host }).outcome);
    }));
  });
  test("resolvePortForward", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), nasty), fc.oneof(fc.string({ maxLength: 20 }), nasty), fc.integer({ min: -1, max: 70000 }), (target, namespace, remotePort) => {
      const result = resolvePortForward(state, { namespace, target, remotePort });
      expect(typeof result.ok).toBe("boolean");
    }));
  });
  test.each(["__proto__", "constructor", "toString", "__proto__.default", "constructor.production.svc.cluster.local."])("resolveDns and connect on %j", (name) => {
    expect(["NOERROR", "NXDOMAIN"]).toContain(resolveDns(state, { name, fromNamespace: "__proto__" }).rcode);
    expect(connect(state, { from: netshoot, host: name, port: 80 }).outcome).toBe("dns-failure");
  });
});
