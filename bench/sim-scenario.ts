import { Cluster } from "@/lib/sim/store/cluster";
import { connect } from "@/lib/sim/network/connect";
import { httpRequest } from "@/lib/sim/network/http-request";
import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { routeIngress } from "@/lib/sim/ingress/route-ingress";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { measure, type BenchRow } from "./bench-row";

/**
 * The 30-object scenario of the benchmarks: the article's production namespace (backend API, user service,
 * main API, database, frontend) with Deployments, Services, the api-ingress and NetworkPolicies, plus a staging
 * namespace — 30 documents a learner might apply in one go.
 */
export function buildScenarioText(): string {
  const docs: string[] = ["apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging"];
  const apps = [
    { name: "my-backend", image: "ghcr.io/k8s-netlab/backend-api:1.0", port: 3000, service: "my-backend-api" },
    { name: "user-service", image: "ghcr.io/k8s-netlab/user-service:1.0", port: 3000, service: "user-service" },
    { name: "main-api", image: "ghcr.io/k8s-netlab/main-api:1.0", port: 3000, service: "main-api" },
    { name: "postgres-db", image: "postgres:16", port: 5432, service: "postgres-db" },
    { name: "frontend", image: "nginx:1.27", port: 80, service: "frontend" },
    { name: "backend-api", image: "ghcr.io/k8s-netlab/backend-api:1.0", port: 3000, service: "backend-api" },
  ];
  for (const namespace of ["production", "staging"]) {
    for (const app of apps) {
      docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
  namespace: ${namespace}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${app.name}
  template:
    metadata:
      labels:
        app: ${app.name}
    spec:
      containers:
        - name: app
          image: ${app.image}
          ports:
            - containerPort: ${app.port}`);
      docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${app.service}
  namespace: ${namespace}
spec:
  selector:
    app: ${app.name}
  ports:
    - name: http
      port: ${app.port === 5432 ? 5432 : 80}
      targetPort: ${app.port}`);
    }
  }
  docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api-ingress
  namespace: production
spec:
  ingressClassName: nginx
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /users
            pathType: Prefix
            backend:
              service:
                name: user-service
                port:
                  number: 80
          - path: /
            pathType: Prefix
            backend:
              service:
                name: main-api
                port:
                  number: 80`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-access-policy
  namespace: production
spec:
  podSelector:
    matchLabels:
      app: postgres-db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: backend-api
      ports:
        - protocol: TCP
          port: 5432`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: staging
spec:
  podSelector: {}
  policyTypes: [Ingress]`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-frontend-to-main-api
  namespace: staging
spec:
  podSelector:
    matchLabels:
      app: main-api
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: frontend
      ports:
        - port: 3000`);
  return docs.join("\n---\n");
}

/** Apply latency for the 30-object scenario, and the latency of each kind of question asked of the result. */
export async function runSimScenarioBenchmark(): Promise<BenchRow[]> {
  const text = buildScenarioText();
  const documents = text.split("\n---\n").length;
  const base = Cluster.create({ addons: ["coredns", "ingress-nginx"] });
  const apply = await measure(`apply ${documents}-object scenario (applyText on a fresh cluster clone)`, 100, () => base.clone().applyText(text));
  const cluster = base.clone();
  cluster.applyText(text);
  const frontend = cluster.list("Pod", "production").find((p) => p.metadata.labels?.app === "frontend")!;
  const backend = cluster.list("Pod", "production").find((p) => p.metadata.labels?.app === "backend-api")!;
  const db = cluster.list("Pod", "production").find((p) => p.metadata.labels?.app === "postgres-db")!;
  const from = { kind: "pod" as const, pod: frontend };
  return [
    { ...apply, extra: { objects: documents } },
    await measure("query: connect frontend → my-backend-api:80 (DNS, VIP, endpoint, policy)", 2000, () =>
      connect(cluster, { from, host: "my-backend-api", port: 80, protocol: "TCP" }),
    ),
    await measure("query: resolveDns my-backend-api.production.svc.cluster.local", 2000, () =>
      resolveDns(cluster, { name: "my-backend-api.production.svc.cluster.local", fromNamespace: "staging" }),
    ),
    await measure("query: routeIngress https://api.example.com/users/42", 2000, () => routeIngress(cluster, { host: "api.example.com", path: "/users/42", scheme: "https" })),
    await measure("query: isTrafficAllowed backend-api → postgres-db:5432", 2000, () =>
      isTrafficAllowed(cluster, { source: { kind: "pod", pod: backend }, destination: { kind: "pod", pod: db }, port: 5432, protocol: "TCP" }),
    ),
    await measure("query: httpRequest frontend → http://main-api/", 2000, () => httpRequest(cluster, { from, url: "http://main-api/" })),
  ];
}
