import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { routeIngress } from "@/lib/sim/ingress/route-ingress";
import { serveIngressRequest, type IngressHttpRequest } from "@/lib/sim/ingress/serve-ingress-request";
import { listIngressControllers } from "@/lib/sim/ingress/ingress-controller";
import { httpRequest } from "@/lib/sim/network/http-request";

/** The article's ingress.yaml, byte for byte (reference/kubernetes-networking-article.txt). */
const ARTICLE_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api-ingress
  namespace: production
  annotations:
    # Tell the cluster to use the Nginx Ingress Controller
    kubernetes.io/ingress.class: "nginx"
    # Automatic SSL cert generation via cert-manager
    cert-manager.io/cluster-issuer: "letsencrypt-prod"
    # Nginx-specific settings
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
    nginx.ingress.kubernetes.io/proxy-body-size: "8m"
spec:
  tls:
    - hosts:
        - api.example.com
      secretName: api-tls-cert  # Cert-manager stores the cert here
  rules:
    - host: api.example.com
      http:
        paths:
          # Route /users to the user-service
          - path: /users
            pathType: Prefix
            backend:
              service:
                name: user-service
                port:
                  number: 80
          # Route everything else to the main-api
          - path: /
            pathType: Prefix
            backend:
              service:
                name: main-api
                port:
                  number: 80
`;

function app(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: production
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: ghcr.io/k8s-netlab/${name}:1.0
          ports:
            - containerPort: 3000
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: production
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: 3000
`;
}

const ISSUER = `apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: letsencrypt-prod
spec:
  acme:
    server: https://acme-v02.api.letsencrypt.org/directory
    email: ops@example.com
    privateKeySecretRef:
      name: letsencrypt-prod
    solvers:
      - http01:
          ingress:
            ingressClassName: nginx
`;

function buildCluster(withIssuer: boolean): Cluster {
  const cluster = Cluster.create({ addons: ["coredns", "ingress-nginx", "cert-manager"] });
  const texts = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n`, app("user-service"), app("main-api"), ...(withIssuer ? [ISSUER] : []), ARTICLE_INGRESS];
  for (const text of texts) {
    const result = cluster.applyText(text, { file: "ingress.yaml" });
    expect(result.errors).toEqual([]);
    for (const doc of result.documents) expect(doc.result.ok, JSON.stringify(doc.result)).toBe(true);
  }
  return cluster;
}

const external = { kind: "external" as const, ip: "198.51.100.7" };
const request = (scheme: "http" | "https", path: string, more: Partial<IngressHttpRequest> = {}): IngressHttpRequest => ({ scheme, host: "api.example.com", path, from: external, headers: { "User-Agent": "curl/8.11.1" }, ...more });

describe("the article's api-ingress on a cluster with the ingress-nginx and cert-manager addons", () => {
  const cluster = buildCluster(true);
  const controller = listIngressControllers(cluster)[0];

  test("the addon's controller is found, with the flags of the upstream manifest", () => {
    expect(controller.ref).toMatchObject({ namespace: "ingress-nginx", controllerClass: "k8s.io/ingress-nginx", annotationValue: "nginx", watchIngressWithoutClass: false, publishService: { namespace: "ingress-nginx", name: "ingress-nginx-controller" } });
    expect(controller.pods.length).toBeGreaterThan(0);
  });

  test("routeIngress points at the line of the path that matched", () => {
    const route = routeIngress(cluster, { host: "api.example.com", path: "/users/7" });
    expect(route?.backend.service).toEqual({ namespace: "production", name: "user-service", port: 80 });
    const pathHop = route!.hops.find((h) => h.field === "spec.rules[0].http.paths[0].path");
    expect(pathHop?.position?.line).toBe(24);
  });

  test("https reaches a user-service pod; http is redirected; 9 MB is refused with 413", () => {
    const pod = controller.pods[0];
    const ok = serveIngressRequest(cluster, pod, request("https", "/users"));
    expect(ok.status).toBe(200);
    expect(ok.servedBy?.pod.name).toMatch(/^user-service-/);
    expect(serveIngressRequest(cluster, pod, request("http", "/users")).status).toBe(308);
    const tooLarge = serveIngressRequest(cluster, pod, request("https", "/users", { method: "POST", bodyBytes: 9 * 1024 * 1024 }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.hops.find((h) => h.field === "metadata.annotations[nginx.ingress.kubernetes.io/proxy-body-size]")?.position?.line).toBe(13);
  });

  test("the backend hop resolves the Service port and points at it", () => {
    const route = routeIngress(cluster, { host: "api.example.com", path: "/" });
    const hop = route!.hops.find((h) => h.field === "spec.rules[0].http.paths[1].backend.service.port.number");
    expect(hop?.summary).toBe("The backend is Service production/main-api port 80, targetPort 3000.");
    expect(hop?.position?.line).toBe(38);
  });

  test("without the ClusterIssuer the Secret never appears and the trace says why", () => {
    const broken = buildCluster(false);
    const pod = listIngressControllers(broken)[0].pods[0];
    const result = serveIngressRequest(broken, pod, request("https", "/users"));
    expect(result.error?.code).toBe(60);
    expect(result.hops.map((h) => h.summary).join("\n")).toContain("Certificate production/api-tls-cert not ready: ClusterIssuer letsencrypt-prod not found");
  });
});

describe("curl from outside the cluster through the controller's LoadBalancer (httpRequest → serveIngressRequest)", () => {
  const cluster = buildCluster(true);
  const lb = cluster.get("Service", "ingress-nginx-controller", "ingress-nginx")?.status?.loadBalancer?.ingress?.[0]?.ip;

  test("the LoadBalancer has an address", () => {
    expect(lb).toMatch(/^203\.0\.113\./);
  });

  test("curl -H 'Host: api.example.com' http://<lb>/users is redirected to https", () => {
    const result = httpRequest(cluster, { from: external, url: `http://${lb}/users`, headers: { Host: "api.example.com" } });
    expect(result.status).toBe(308);
    expect(result.headers.location).toBe("https://api.example.com/users");
  });

  test("curl -k https://<lb>/users with the Host header reaches a user-service pod", () => {
    const result = httpRequest(cluster, { from: external, url: `https://${lb}/users`, headers: { Host: "api.example.com" }, insecure: true });
    expect(result.status).toBe(200);
    expect(result.servedBy?.pod.name).toMatch(/^user-service-/);
  });
});
