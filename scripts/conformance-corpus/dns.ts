import { namespace, pod, type Case, type Manifest, type Query } from "./corpus-types";

const SPEC = "kubernetes/dns docs/specification.md";
const DOCS = "kubernetes/website content/en/docs/concepts/services-networking/dns-pod-service.md";

function service(name: string, ns: string, spec: Record<string, unknown>): Manifest {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec };
}

function dns(fromNamespace: string, name: string, expect: string[] | "NXDOMAIN" | { cname: string }, note?: string): Query {
  return { type: "dns", fromNamespace, name, expect, ...(note ? { note } : {}) };
}

const clusterIPService = (name: string, ns: string, clusterIP: string) =>
  service(name, ns, { clusterIP, selector: { app: name }, ports: [{ name: "http", port: 80, targetPort: 8080 }] });

function clusterIPRecords(): Case {
  return {
    id: "dns-spec-clusterip-a-record",
    source: `${SPEC}#231---aa-record — "Given a Service named <service> in Namespace <ns> with ClusterIP <cluster-ip> ... <service>.<ns>.svc.<zone>. <ttl> IN A <cluster-ip>"; ${DOCS}#namespaces-of-services — "A query for data returns no results, because it uses the Pod's test namespace. A query for data.prod returns the intended result, because it specifies the namespace."`,
    description: "A ClusterIP Service answers by FQDN and through the search list; short names only reach the client's own namespace.",
    manifests: [
      namespace("prod"),
      namespace("test"),
      clusterIPService("data", "prod", "10.96.100.10"),
      pod({ namespace: "prod", name: "data-0", ip: "10.244.1.150", labels: { app: "data" }, ports: [{ containerPort: 8080 }] }),
    ],
    queries: [
      dns("prod", "data", ["10.96.100.10"], "search: prod.svc.cluster.local"),
      dns("prod", "data.prod", ["10.96.100.10"], "search: svc.cluster.local"),
      dns("prod", "data.prod.svc", ["10.96.100.10"], "search: cluster.local"),
      dns("prod", "data.prod.svc.cluster.local", ["10.96.100.10"]),
      dns("prod", "data.prod.svc.cluster.local.", ["10.96.100.10"], "absolute name"),
      dns("test", "data", "NXDOMAIN", "uses the Pod's test namespace"),
      dns("test", "data.prod", ["10.96.100.10"], "specifies the namespace"),
      dns("test", "data.prod.svc.cluster.local", ["10.96.100.10"]),
      dns("test", "data.test", "NXDOMAIN"),
      dns("test", "data.prod.svc.cluster.local.", ["10.96.100.10"]),
    ],
  };
}

function caseInsensitive(): Case {
  return {
    id: "dns-spec-case-insensitive",
    source: `${SPEC}#21---definitions — "All comparisons between query data and data in Kubernetes are case-insensitive."`,
    description: "Upper-case queries find lower-case Services.",
    manifests: [namespace("prod"), clusterIPService("web", "prod", "10.96.100.20")],
    queries: [
      dns("prod", "WEB", ["10.96.100.20"]),
      dns("prod", "Web.Prod", ["10.96.100.20"]),
      dns("prod", "WEB.PROD.SVC.CLUSTER.LOCAL", ["10.96.100.20"]),
      dns("default", "web.PROD.svc", ["10.96.100.20"]),
    ],
  };
}

function sameNameTwoNamespaces(): Case {
  return {
    id: "dns-docs-search-list-namespace-first",
    source: `${DOCS}#namespaces-of-services — "DNS queries that don't specify a namespace are limited to the Pod's namespace." and "search <namespace>.svc.cluster.local svc.cluster.local cluster.local / options ndots:5"`,
    description: "Two Services named web: the short name answers from the client's namespace.",
    manifests: [namespace("shop"), namespace("blog"), namespace("tools"), clusterIPService("web", "shop", "10.96.100.30"), clusterIPService("web", "blog", "10.96.100.31")],
    queries: [
      dns("shop", "web", ["10.96.100.30"]),
      dns("blog", "web", ["10.96.100.31"]),
      dns("tools", "web", "NXDOMAIN"),
      dns("shop", "web.blog", ["10.96.100.31"]),
      dns("blog", "web.shop.svc", ["10.96.100.30"]),
      dns("tools", "web.shop.svc.cluster.local", ["10.96.100.30"]),
      dns("shop", "web.tools", "NXDOMAIN", "no Service web in tools"),
      dns("shop", "api", "NXDOMAIN"),
    ],
  };
}

function controlPlaneServices(): Case {
  return {
    id: "dns-spec-control-plane-services",
    source: `${SPEC}#231---aa-record — "Question Example: kubernetes.default.svc.cluster.local. IN A"; kubernetes/kubernetes pkg/controlplane/services.go ServiceIPRange — "Select the first valid IP from ServiceClusterIPRange to use as the GenericAPIServer service IP."; cmd/kubeadm/app/constants/constants.go GetDNSIP — "Selects the 10th IP in service subnet CIDR range as dnsIP"`,
    description: "The Services every cluster starts with: kubernetes in default (10.96.0.1) and kube-dns in kube-system (10.96.0.10).",
    manifests: [namespace("app")],
    queries: [
      dns("default", "kubernetes", ["10.96.0.1"]),
      dns("app", "kubernetes.default", ["10.96.0.1"]),
      dns("app", "kubernetes.default.svc.cluster.local", ["10.96.0.1"]),
      dns("app", "kube-dns.kube-system", ["10.96.0.10"]),
      dns("app", "kubernetes", "NXDOMAIN", "not in the app namespace"),
    ],
  };
}

function headless(): Case[] {
  const selector = { app: "db" };
  return [
    {
      id: "dns-spec-headless-a-records",
      source: `${SPEC}#241---aaaaa-records — "There must be an A record for each ready endpoint of the headless Service with IPv4 address <endpoint-ip>"`,
      description: "A headless Service answers with the ready pod IPs, not a ClusterIP.",
      manifests: [
        namespace("data"),
        pod({ namespace: "data", name: "db-0", ip: "10.244.1.160", labels: selector, ports: [{ containerPort: 5432 }] }),
        pod({ namespace: "data", name: "db-1", ip: "10.244.2.160", labels: selector, ports: [{ containerPort: 5432 }] }),
        pod({ namespace: "data", name: "db-2", ip: "10.244.1.161", labels: selector, ports: [{ containerPort: 5432 }], ready: false }),
        service("db", "data", { clusterIP: "None", selector, ports: [{ name: "postgres", port: 5432 }] }),
      ],
      queries: [
        dns("data", "db", ["10.244.1.160", "10.244.2.160"], "db-2 is not ready"),
        dns("data", "db.data.svc.cluster.local", ["10.244.1.160", "10.244.2.160"]),
        dns("default", "db.data", ["10.244.1.160", "10.244.2.160"]),
      ],
    },
    {
      id: "dns-spec-headless-no-ready-endpoints",
      source: `${SPEC}#241---aaaaa-records — "If there are no ready endpoints for the headless Service, the answer should be NXDOMAIN."`,
      description: "A headless Service whose only pod is not ready, and one that selects nothing.",
      manifests: [
        namespace("data"),
        pod({ namespace: "data", name: "cache-0", ip: "10.244.1.162", labels: { app: "cache" }, ports: [{ containerPort: 6379 }], ready: false }),
        service("cache", "data", { clusterIP: "None", selector: { app: "cache" }, ports: [{ name: "redis", port: 6379 }] }),
        service("queue", "data", { clusterIP: "None", selector: { app: "queue" }, ports: [{ name: "amqp", port: 5672 }] }),
      ],
      queries: [dns("data", "cache", "NXDOMAIN"), dns("data", "queue.data.svc.cluster.local", "NXDOMAIN")],
    },
    {
      id: "dns-spec-headless-publish-not-ready",
      source: `${SPEC}#21---definitions — "An endpoint is considered ready if its address is in the addresses field of the EndpointSubset object"; kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go — publishNotReadyAddresses puts every pod in addresses`,
      description: "With publishNotReadyAddresses the not-ready pod is a ready endpoint for DNS.",
      manifests: [
        namespace("data"),
        pod({ namespace: "data", name: "peer-0", ip: "10.244.1.163", labels: { app: "peer" }, ports: [{ containerPort: 7000 }] }),
        pod({ namespace: "data", name: "peer-1", ip: "10.244.2.163", labels: { app: "peer" }, ports: [{ containerPort: 7000 }], ready: false }),
        service("peer", "data", { clusterIP: "None", publishNotReadyAddresses: true, selector: { app: "peer" }, ports: [{ name: "gossip", port: 7000 }] }),
      ],
      queries: [dns("data", "peer", ["10.244.1.163", "10.244.2.163"])],
    },
    {
      id: "dns-docs-pod-hostname-subdomain",
      source: `${DOCS}#pod-s-hostname-and-subdomain-fields — "If there exists a headless Service in the same namespace as the Pod, with the same name as the subdomain, the cluster's DNS Server also returns A and/or AAAA records for the Pod's fully qualified hostname." (example: busybox-1.busybox-subdomain.my-namespace.svc.cluster-domain.example); ${SPEC}#241 — "<hostname>.<service>.<ns>.svc.<zone>. <ttl> IN A <endpoint-ip>"`,
      description: "The page's busybox example: hostname plus subdomain under a headless Service.",
      manifests: [

        service("busybox-subdomain", "default", { clusterIP: "None", selector: { name: "busybox" }, ports: [{ name: "foo", port: 1234 }] }),
        pod({ namespace: "default", name: "busybox1", ip: "10.244.1.170", labels: { name: "busybox" }, hostname: "busybox-1", subdomain: "busybox-subdomain", image: "busybox:1.28", ports: [{ containerPort: 1234 }] }),
        pod({ namespace: "default", name: "busybox2", ip: "10.244.2.170", labels: { name: "busybox" }, hostname: "busybox-2", subdomain: "busybox-subdomain", image: "busybox:1.28", ports: [{ containerPort: 1234 }] }),
      ],
      queries: [
        dns("default", "busybox-1.busybox-subdomain", ["10.244.1.170"]),
        dns("default", "busybox-2.busybox-subdomain.default.svc.cluster.local", ["10.244.2.170"]),
        dns("default", "busybox-subdomain", ["10.244.1.170", "10.244.2.170"]),
        dns("default", "busybox-3.busybox-subdomain", "NXDOMAIN"),
      ],
    },
  ];
}

function externalName(): Case {
  return {
    id: "dns-spec-externalname-cname",
    source: `${SPEC}#25---records-for-external-name-services — "Given a Service named <service> in Namespace <ns> with ExternalName <extname>, a CNAME record named <service>.<ns>.svc.<zone> pointing to <extname> must exist."`,
    description: "The Service page's my-service ExternalName example and the spec's foo → www.example.com.",
    manifests: [
      namespace("prod"),

      service("my-service", "prod", { type: "ExternalName", externalName: "my.database.example.com" }),
      service("foo", "default", { type: "ExternalName", externalName: "www.example.com" }),
    ],
    queries: [
      dns("prod", "my-service", { cname: "my.database.example.com" }),
      dns("prod", "my-service.prod.svc.cluster.local", { cname: "my.database.example.com" }),
      dns("default", "my-service.prod", { cname: "my.database.example.com" }),
      dns("default", "foo.default.svc.cluster.local", { cname: "www.example.com" }),
      dns("prod", "foo", "NXDOMAIN", "foo lives in default"),
      dns("prod", "foo.default", { cname: "www.example.com" }),
    ],
  };
}

function podRecords(): Case {
  return {
    id: "dns-docs-pod-a-record",
    source: `${DOCS}#a-aaaa-records-1 — "if a Pod in the default namespace has the IP address 172.17.0.3, and the domain name for your cluster is cluster.local, then the Pod has a DNS name: 172-17-0-3.default.pod.cluster.local." (served by kubeadm's CoreDNS Corefile "kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure ... }")`,
    description: "The dashed-IP pod name resolves to the pod's address.",
    manifests: [pod({ namespace: "default", name: "web-0", ip: "10.244.1.180", labels: { app: "web" }, ports: [{ containerPort: 80 }] })],
    queries: [dns("default", "10-244-1-180.default.pod.cluster.local", ["10.244.1.180"])],
  };
}

function articleService(): Case {
  return {
    id: "dns-article-my-backend-api",
    source: `the course article (service.yaml: "Other pods can now access it via DNS: http://my-backend-api.production.svc.cluster.local:80"); ${SPEC}#231---aa-record`,
    description: "The article's my-backend-api Service by every name form.",
    manifests: [
      namespace("production"),
      namespace("frontend"),
      service("my-backend-api", "production", { type: "ClusterIP", clusterIP: "10.96.200.5", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, targetPort: 3000 }] }),
    ],
    queries: [
      dns("production", "my-backend-api", ["10.96.200.5"]),
      dns("frontend", "my-backend-api.production.svc.cluster.local", ["10.96.200.5"]),
      dns("frontend", "my-backend-api.production", ["10.96.200.5"]),
      dns("frontend", "my-backend-api.production.svc", ["10.96.200.5"]),
      dns("frontend", "my-backend-api", "NXDOMAIN"),
      dns("production", "my-backend", "NXDOMAIN", "the Service name, not the pod label"),
    ],
  };
}

export function buildDnsCases(): Case[] {
  return [clusterIPRecords(), caseInsensitive(), sameNameTwoNamespaces(), controlPlaneServices(), ...headless(), externalName(), podRecords(), articleService()];
}
