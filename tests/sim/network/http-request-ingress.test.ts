import { describe, expect, test } from "vitest";
import { httpRequest } from "@/lib/sim/network/http-request";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import { articleState, namespace, pod, service } from "@/tests/sim/network/networking-fixture";

/**
 * An ingress-nginx installation as its cloud deploy manifest creates it (kubernetes/ingress-nginx
 * deploy/static/provider/cloud/deploy.yaml) in front of the article's api-ingress routes, without TLS.
 */
const objects = [
  namespace("ingress-nginx"),
  pod("ingress-nginx-controller-5b9f7c6d4-x2kq9", {
    namespace: "ingress-nginx",
    labels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" },
    ip: "10.244.2.50",
    node: "worker-2",
    image: "registry.k8s.io/ingress-nginx/controller:v1.11.3",
    args: ["/nginx-ingress-controller", "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller", "--controller-class=k8s.io/ingress-nginx", "--ingress-class=nginx"],
  }),
  service(
    "ingress-nginx-controller",
    "ingress-nginx",
    {
      type: "LoadBalancer",
      clusterIP: "10.96.200.10",
      externalTrafficPolicy: "Local",
      selector: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" },
      ports: [
        { name: "http", port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 },
        { name: "https", port: 443, protocol: "TCP", targetPort: 443, nodePort: 30443 },
      ],
    },
    { loadBalancer: { ingress: [{ ip: "203.0.113.1" }] } },
  ),
  { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: { name: "nginx" }, spec: { controller: "k8s.io/ingress-nginx" } },
  {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "api-ingress", namespace: "production" },
    spec: {
      ingressClassName: "nginx",
      rules: [
        {
          host: "api.example.com",
          http: {
            paths: [
              { path: "/users", pathType: "Prefix", backend: { service: { name: "user-service", port: { number: 80 } } } },
              { path: "/", pathType: "Prefix", backend: { service: { name: "main-api", port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: "203.0.113.1" }] } },
  },
  service("user-service", "production", { clusterIP: "10.96.10.1", selector: { app: "user-service" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] }),
  pod("user-service-6c8d9-abcde", { namespace: "production", labels: { app: "user-service" }, ip: "10.244.1.60", image: "ghcr.io/k8s-netlab/user-service:1.0" }),
  service("main-api", "production", { clusterIP: "10.96.10.2", selector: { app: "main-api" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] }),
  pod("main-api-7f6b5-fghij", { namespace: "production", labels: { app: "main-api" }, ip: "10.244.2.61", node: "worker-2", image: "ghcr.io/k8s-netlab/main-api:1.0" }),
];
const state = articleState(objects);
const workstation: TrafficPeer = { kind: "external", ip: "198.51.100.7" };

describe("httpRequest through the Ingress controller", () => {
  test.each([
    { label: "/users → user-service", url: "http://api.example.com/users/42", service: "user-service" },
    { label: "/ → main-api", url: "http://api.example.com/orders", service: "main-api" },
  ])("$label (host resolves to the controller's load balancer)", ({ url, service: name }) => {
    const result = httpRequest(state, { from: workstation, url });
    expect(result.outcome).toBe("connected");
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ service: name, namespace: "production" });
    expect(result.hops[0].summary).toContain("203.0.113.1");
    expect(result.hops.some((h) => h.kind === "ingress")).toBe(true);
  });

  test("an unknown host reaches the controller by IP and gets its default 404", () => {
    const result = httpRequest(state, { from: workstation, url: "http://203.0.113.1/", headers: { Host: "other.example.net" } });
    expect(result).toMatchObject({ outcome: "connected", status: 404 });
  });

  test("from a pod, through the controller's ClusterIP", () => {
    const from: TrafficPeer = { kind: "pod", pod: state.get("Pod", "netshoot", "default") as Pod };
    const result = httpRequest(state, { from, url: "http://ingress-nginx-controller.ingress-nginx.svc.cluster.local/users", headers: { Host: "api.example.com" } });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body).service).toBe("user-service");
  });
});
