import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { connect } from "@/lib/sim/network/connect";
import { httpRequest } from "@/lib/sim/network/http-request";
import { formatTrace } from "@/lib/sim/network/format-trace";
import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { formatResolvConf } from "@/lib/sim/dns/format-resolv-conf";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { TrafficPeer } from "@/lib/sim/network/trace";

/** The article's Service in front of a Deployment, applied to a real simulated cluster (controllers, EndpointSlices). */
const ARTICLE = `apiVersion: v1
kind: Namespace
metadata:
  name: production
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-backend
  namespace: production
spec:
  replicas: 2
  selector:
    matchLabels:
      app: my-backend
  template:
    metadata:
      labels:
        app: my-backend
    spec:
      containers:
        - name: api
          image: ghcr.io/k8s-netlab/backend-api:1.0
          ports:
            - containerPort: 3000
---
apiVersion: v1
kind: Service
metadata:
  name: my-backend-api
  namespace: production
spec:
  type: ClusterIP
  selector:
    app: my-backend
  ports:
    - name: http
      port: 80
      targetPort: 3000
---
apiVersion: v1
kind: Pod
metadata:
  name: netshoot
  namespace: default
spec:
  containers:
    - name: netshoot
      image: nicolaka/netshoot
      command: ["sleep", "infinity"]
`;

function setUp(text = ARTICLE) {
  const cluster = Cluster.create({ addons: ["coredns", "ingress-nginx"] });
  const applied = cluster.applyText(text, { file: "article.yaml" });
  expect(applied.errors).toEqual([]);
  for (const d of applied.documents) expect(d.result.ok).toBe(true);
  const netshoot: TrafficPeer = { kind: "pod", pod: cluster.get("Pod", "netshoot", "default") as Pod };
  return { cluster, netshoot };
}

describe("end to end on the simulated cluster", () => {
  test("the Service's DNS name answers its allocated ClusterIP", () => {
    const { cluster } = setUp();
    const svc = cluster.get("Service", "my-backend-api", "production");
    const result = resolveDns(cluster, { name: "my-backend-api.production.svc.cluster.local", fromNamespace: "default" });
    expect(result.answers.map((a) => a.data)).toEqual([svc?.spec?.clusterIP]);
  });

  test("the pod's resolv.conf names the cluster DNS Service", () => {
    const { cluster, netshoot } = setUp();
    expect(formatResolvConf(cluster, (netshoot as { pod: Pod }).pod)).toBe("search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
  });

  test("curl http://my-backend-api.production.svc.cluster.local:80 reaches a pod on 3000 through EndpointSlices", () => {
    const { cluster, netshoot } = setUp();
    const result = httpRequest(cluster, { from: netshoot, url: "http://my-backend-api.production.svc.cluster.local:80/" });
    expect(result.outcome).toBe("connected");
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body).pod).toMatch(/^my-backend-/);
    expect(formatTrace(result.hops)).toContain("selects app=my-backend: 2 ready endpoints");
  });

  test("a selector typo: refused, and the trace points at spec.selector in the learner's YAML", () => {
    const { cluster, netshoot } = setUp(ARTICLE.replace("  selector:\n    app: my-backend\n", "  selector:\n    app: backend\n"));
    const result = connect(cluster, { from: netshoot, host: "my-backend-api.production", port: 80 });
    expect(result.outcome).toBe("refused");
    const hop = result.hops.find((h) => h.kind === "service" && h.outcome === "fail");
    expect(hop?.summary).toContain("selector app=backend matches no pods in production (pods there have app=my-backend)");
    expect(hop?.field).toBe("spec.selector");
    expect(hop?.position?.line).toBeGreaterThan(0);
  });
});

describe("end to end through the ingress-nginx addon", () => {
  const INGRESS = `${ARTICLE}---
apiVersion: networking.k8s.io/v1
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
          - path: /
            pathType: Prefix
            backend:
              service:
                name: my-backend-api
                port:
                  number: 80
`;
  test("a workstation resolves api.example.com to the controller's load balancer and gets the backend's answer", () => {
    const { cluster } = setUp(INGRESS);
    const result = httpRequest(cluster, { from: { kind: "external", ip: "198.51.100.7" }, url: "http://api.example.com/users" });
    expect(result.outcome).toBe("connected");
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ service: "backend-api", path: "/users" });
  });
});

describe("trace positions point into the learner's Deployment", () => {
  test("a targetPort nothing binds: the container hop points at the pod template's container", () => {
    const { cluster, netshoot } = setUp(ARTICLE.replace("      targetPort: 3000", "      targetPort: 8080"));
    const result = connect(cluster, { from: netshoot, host: "my-backend-api.production", port: 80 });
    expect(result.outcome).toBe("refused");
    const hop = result.hops[result.hops.length - 1];
    expect(hop.summary).toContain("nothing listens on 8080");
    expect(hop.object).toEqual({ kind: "Deployment", name: "my-backend", namespace: "production" });
    expect(hop.field).toBe("spec.template.spec.containers[0]");
    expect(hop.position?.line).toBeGreaterThan(0);
  });
});
