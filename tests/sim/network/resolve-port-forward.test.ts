import { describe, expect, test } from "vitest";
import { resolvePortForward } from "@/lib/sim/network/resolve-port-forward";
import { articleState, pod, service } from "@/tests/sim/network/networking-fixture";

const denyAll = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "production" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } };
const state = articleState([
  denyAll,
  service("named", "production", { clusterIP: "10.96.120.16", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }] }),
  service("nobody", "production", { clusterIP: "10.96.120.17", selector: { app: "nobody" }, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }] }),
  service("wrong-target", "production", { clusterIP: "10.96.120.18", selector: { app: "my-backend" }, ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }] }),
  { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "my-backend", namespace: "production" }, spec: { selector: { matchLabels: { app: "my-backend" } }, template: {} } },
  { ...pod("pending", { namespace: "production", labels: { app: "pending" } }), status: { phase: "Pending" } },
]);

// The article: `kubectl port-forward svc/my-service 8080:80` (bypasses ingress), and kubectl's own errors.
describe("resolvePortForward", () => {
  test.each([
    { label: "svc/my-backend-api 8080:80 → a my-backend pod on 3000", target: "svc/my-backend-api", remote: 80, port: 3000, listening: true },
    { label: "service/ spelling", target: "service/my-backend-api", remote: 80, port: 3000, listening: true },
    { label: "named targetPort resolved in the pod", target: "svc/named", remote: 80, port: 3000, listening: true },
    { label: "pod/NAME: the remote port is the container port", target: "pod/my-backend-7d9f8b6c5-k2x4p", remote: 3000, port: 3000, listening: true },
    { label: "bare NAME is a pod", target: "my-backend-7d9f8b6c5-k2x4p", remote: 3000, port: 3000, listening: true },
    { label: "deployment/NAME", target: "deployment/my-backend", remote: 3000, port: 3000, listening: true },
    { label: "targetPort nobody listens on: forwarding starts, connections fail", target: "svc/wrong-target", remote: 80, port: 8080, listening: false },
  ])("$label", ({ target, remote, port, listening }) => {
    const result = resolvePortForward(state, { namespace: "production", target, remotePort: remote });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.containerPort).toBe(port);
    expect(result.value.listening).toBe(listening);
    expect(result.value.pod.metadata.labels?.app).toBe("my-backend");
  });

  test("NetworkPolicy does not apply: a default-deny namespace still forwards", () => {
    const result = resolvePortForward(state, { namespace: "production", target: "svc/my-backend-api", remotePort: 80 });
    expect(result.ok && result.value.hops.map((h) => h.summary).join("\n")).toContain("NetworkPolicy does not apply to port-forward");
  });

  test.each([
    { label: "port not on the Service", target: "svc/my-backend-api", remote: 3000, message: "error: Service my-backend-api does not have a service port 3000" },
    { label: "unknown Service", target: "svc/my-service", remote: 80, message: 'Error from server (NotFound): services "my-service" not found' },
    { label: "unknown pod", target: "pod/nope", remote: 80, message: 'Error from server (NotFound): pods "nope" not found' },
    { label: "unknown deployment", target: "deploy/nope", remote: 80, message: 'Error from server (NotFound): deployments.apps "nope" not found' },
    { label: "selector matches no pod: kubectl waits, then gives up", target: "svc/nobody", remote: 80, message: "error: timed out waiting for the condition" },
    { label: "pod not running", target: "pod/pending", remote: 80, message: "error: unable to forward port because pod is not running. Current status=Pending" },
  ])("$label", ({ target, remote, message }) => {
    const result = resolvePortForward(state, { namespace: "production", target, remotePort: remote });
    expect(result).toEqual({ ok: false, error: { message } });
  });

  test("the most active pod is chosen: Ready before not Ready", () => {
    const s = articleState([
      pod("a-not-ready", { namespace: "shop", labels: { app: "w" }, ip: "10.244.1.70", ready: false }),
      pod("b-ready", { namespace: "shop", labels: { app: "w" }, ip: "10.244.1.71" }),
      service("w", "shop", { clusterIP: "10.96.30.1", selector: { app: "w" }, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }] }),
    ]);
    const result = resolvePortForward(s, { namespace: "shop", target: "svc/w", remotePort: 80 });
    expect(result.ok && result.value.pod.metadata.name).toBe("b-ready");
  });
});
