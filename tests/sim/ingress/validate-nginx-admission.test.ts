import { describe, expect, test } from "vitest";
import { validateNginxAdmission } from "@/lib/sim/ingress/validate-nginx-admission";
import type { Ingress } from "@/lib/sim/objects/kinds";
import { controllerPod, ingress, ingressClass, state } from "./ingress-fixtures";

const existing = ingress("shop", { ingressClassName: "nginx", rules: [{ host: "shop.example.com", paths: [{ path: "/cart", service: "cart" }, { path: "/", service: "web" }] }] }, { createdAt: "2025-05-01T08:00:00Z" });
const cluster = (objects: Parameters<typeof state>[0] = []) => state([controllerPod(), ingressClass("nginx", "k8s.io/ingress-nginx"), existing, ...objects]);
const asIngress = (o: ReturnType<typeof ingress>) => ({ ...o, metadata: { ...o.metadata, uid: "new", resourceVersion: "", creationTimestamp: "" } }) as unknown as Ingress;

describe("validateNginxAdmission: ingress-nginx's validating webhook (controller.go CheckIngress, checkOverlap)", () => {
  test.each([
    { name: "same host and path, Prefix again", path: "/cart", pathType: "Prefix", denied: 'host "shop.example.com" and path "/cart" is already defined in ingress default/shop' },
    { name: "same host and path with a trailing slash (the existing location is /cart/)", path: "/cart/", pathType: "Prefix", denied: 'host "shop.example.com" and path "/cart/" is already defined in ingress default/shop' },
    { name: "same host, root path", path: "/", pathType: "Prefix", denied: 'host "shop.example.com" and path "/" is already defined in ingress default/shop' },
    { name: "same path, Exact next to the existing Prefix", path: "/cart", pathType: "Exact", denied: undefined },
    { name: "a new path on the same host", path: "/checkout", pathType: "Prefix", denied: undefined },
  ])("$name", ({ path, pathType, denied }) => {
    const candidate = asIngress(ingress("shop-2", { ingressClassName: "nginx", rules: [{ host: "shop.example.com", paths: [{ path, pathType, service: "other" }] }] }));
    const verdict = validateNginxAdmission(cluster(), candidate);
    expect(verdict.allowed ? undefined : verdict.reason).toBe(denied);
    if (!verdict.allowed) expect(verdict.webhook).toBe("validate.nginx.ingress.kubernetes.io");
  });

  test("updating the Ingress that owns the path is allowed", () => {
    expect(validateNginxAdmission(cluster(), existing as unknown as Ingress)).toEqual({ allowed: true });
  });

  test("snippet annotations are refused while allow-snippet-annotations is false", () => {
    const candidate = asIngress(ingress("snippet", { ingressClassName: "nginx", rules: [{ host: "x.example.com", paths: [{ path: "/", service: "x" }] }] }, { annotations: { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers 'X: y';" } }));
    expect(validateNginxAdmission(cluster(), candidate)).toEqual({ allowed: false, webhook: "validate.nginx.ingress.kubernetes.io", reason: "nginx.ingress.kubernetes.io/configuration-snippet annotation cannot be used. Snippet directives are disabled by the Ingress administrator" });
  });

  test.each([
    { name: "an Ingress of another class", objects: [ingressClass("traefik", "traefik.io/ingress-controller")], className: "traefik", withController: true },
    { name: "no ingress-nginx controller running", objects: [], className: "nginx", withController: false },
  ])("$name is not the webhook's business", ({ objects, className, withController }) => {
    const candidate = asIngress(ingress("dup", { ingressClassName: className, rules: [{ host: "shop.example.com", paths: [{ path: "/cart", service: "x" }] }] }));
    const s = withController ? cluster(objects) : state([existing, ...objects]);
    expect(validateNginxAdmission(s, candidate)).toEqual({ allowed: true });
  });
});
