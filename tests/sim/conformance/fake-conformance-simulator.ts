import type { ConformanceSimulator } from "@/lib/sim/conformance/conformance-simulator";
import type { ManifestObject } from "@/lib/sim/objects/meta";
import type { PolicyVerdict } from "@/lib/sim/network/trace";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { err, ok } from "@/lib/sim/result";

/**
 * A stand-in simulator with fixed, obvious answers, so the runner's own logic (parsing, comparison,
 * failure reporting) is tested apart from the real simulator:
 * - manifests of kind `Rejected` are refused;
 * - traffic is allowed only to port 80, except on a flannel cluster, which allows everything;
 * - routing sends every request to the first Ingress's spec.defaultBackend, if any;
 * - DNS knows `web` (10.96.0.20, 10.96.0.21) and `ext` (CNAME example.com.), nothing else;
 * - admission rejects objects named `bad` at metadata.name.
 */
export function buildFakeSimulator(): ConformanceSimulator {
  return {
    createCluster(config) {
      let objects: ManifestObject[] = [];
      const sim = {
        get state() {
          return staticClusterState(objects as never, config);
        },
        load(manifests: ManifestObject[]) {
          return manifests.map((m) => {
            if (m.kind === "Rejected") return err({ reason: "BadRequest" as const, code: 400, message: `no matches for kind "Rejected"` });
            objects = [...objects, m];
            return ok(m);
          });
        },
      };
      return sim;
    },
    isTrafficAllowed(state, traffic) {
      const enforced = state.config.cni !== "flannel";
      const allowed = !enforced || traffic.port === 80;
      return { allowed, enforced } as PolicyVerdict;
    },
    routeIngress(state) {
      const ingress = state.list("Ingress")[0];
      const backend = ingress?.spec?.defaultBackend?.service;
      if (!ingress || !backend) return null;
      const port = backend.port?.number ?? backend.port?.name ?? 0;
      return { backend: { service: { namespace: ingress.metadata.namespace ?? "default", name: backend.name, port } }, isDefaultBackend: true };
    },
    resolveDns(_state, query) {
      if (query.name === "web") {
        return { rcode: "NOERROR", answers: [{ name: "web.", type: "A", data: "10.96.0.21" }, { name: "web.", type: "A", data: "10.96.0.20" }] };
      }
      if (query.name === "ext") return { rcode: "NOERROR", answers: [{ name: "ext.", type: "CNAME", data: "Example.com." }] };
      return { rcode: "NXDOMAIN", answers: [] };
    },
    admitObject(object) {
      const name = (object.metadata as { name?: string } | undefined)?.name;
      if (name === "bad") {
        return err({ reason: "Invalid" as const, code: 422, message: 'The Service "bad" is invalid', causes: [{ type: "FieldValueInvalid" as const, field: "metadata.name" }] });
      }
      return ok(object);
    },
  };
}
