import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { serveIngressRequest, type IngressHttpRequest } from "@/lib/sim/ingress/serve-ingress-request";
import { formatNginxErrorPage } from "@/lib/sim/ingress/format-nginx-error-page";
import { CURL_CERTIFICATE_HELP } from "@/lib/sim/ingress/resolve-tls-certificate";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { ClusterState } from "@/lib/sim/cluster-state";
import { controllerPod, controllerService, ingress, ingressClass, pod, service, state } from "./ingress-fixtures";

const ARTICLE_ANNOTATIONS = {
  "kubernetes.io/ingress.class": "nginx",
  "cert-manager.io/cluster-issuer": "letsencrypt-prod",
  "nginx.ingress.kubernetes.io/ssl-redirect": "true",
  "nginx.ingress.kubernetes.io/proxy-body-size": "8m",
};

/** The article's api-ingress, as written (reference/kubernetes-networking-article.txt, "ingress.yaml"). */
function apiIngress(annotations: Record<string, string> = ARTICLE_ANNOTATIONS) {
  return ingress(
    "api-ingress",
    {
      tls: [{ hosts: ["api.example.com"], secretName: "api-tls-cert" }],
      rules: [{ host: "api.example.com", paths: [{ path: "/users", service: "user-service", port: 80 }, { path: "/", service: "main-api", port: 80 }] }],
    },
    { namespace: "production", annotations },
  );
}

const letsencryptProd = {
  apiVersion: "cert-manager.io/v1",
  kind: "ClusterIssuer",
  metadata: { name: "letsencrypt-prod" },
  spec: { acme: { server: "https://acme-v02.api.letsencrypt.org/directory", email: "ops@example.com", privateKeySecretRef: { name: "letsencrypt-prod" }, solvers: [{ http01: { ingress: { class: "nginx" } } }] } },
};

/** The Secret cert-manager writes once the Certificate is issued (https://cert-manager.io/docs/usage/certificate/). */
const apiTlsSecret = {
  apiVersion: "v1",
  kind: "Secret",
  type: "kubernetes.io/tls",
  metadata: {
    name: "api-tls-cert",
    namespace: "production",
    annotations: { "cert-manager.io/alt-names": "api.example.com", "cert-manager.io/common-name": "api.example.com", "cert-manager.io/issuer-kind": "ClusterIssuer", "cert-manager.io/issuer-name": "letsencrypt-prod", "cert-manager.io/certificate-name": "api-tls-cert" },
  },
  data: { "tls.crt": "LS0tLS1CRUdJTi==", "tls.key": "LS0tLS1CRUdJTi==" },
};

const apiTlsCertificate = {
  apiVersion: "cert-manager.io/v1",
  kind: "Certificate",
  metadata: { name: "api-tls-cert", namespace: "production" },
  spec: { secretName: "api-tls-cert", dnsNames: ["api.example.com"], issuerRef: { name: "letsencrypt-prod", kind: "ClusterIssuer", group: "cert-manager.io" } },
};

function backends(options: { ready?: boolean; targetPort?: number } = {}) {
  return [
    service("user-service", { namespace: "production", ports: [{ name: "http", port: 80, targetPort: options.targetPort ?? 3000 }] }),
    service("main-api", { namespace: "production", ports: [{ name: "http", port: 80, targetPort: 3000 }] }),
    pod("user-service-6d4cf", { namespace: "production", labels: { app: "user-service" }, ip: "10.244.2.21", image: "ghcr.io/k8s-netlab/user-service:1.0", ready: options.ready }),
    pod("main-api-7f9b2", { namespace: "production", labels: { app: "main-api" }, ip: "10.244.2.22", image: "ghcr.io/k8s-netlab/main-api:1.0", ready: options.ready }),
  ];
}

function cluster(extra: Parameters<typeof state>[0], options: { policy?: "Local" | "Cluster" } = {}): { s: ClusterState; controller: Pod } {
  const controller = controllerPod();
  const s = state([controller, controllerService(options.policy ?? "Local"), ingressClass("nginx", "k8s.io/ingress-nginx"), ...extra]);
  return { s, controller: s.list("Pod", "ingress-nginx")[0] };
}

const client = { kind: "external" as const, ip: "198.51.100.7" };
const curl = (url: string, more: Partial<IngressHttpRequest> = {}): IngressHttpRequest => {
  const parsed = /^(https?):\/\/([^/]+)(\/.*)?$/.exec(url)!;
  return { scheme: parsed[1] as "http" | "https", host: parsed[2], path: parsed[3] ?? "/", from: client, headers: { "User-Agent": "curl/8.11.1", Accept: "*/*" }, ...more };
};

describe("serveIngressRequest: the article's api-ingress", () => {
  const { s, controller } = cluster([apiIngress(), letsencryptProd, apiTlsSecret, apiTlsCertificate, ...backends()]);

  test("http is redirected to https with 308 (ssl-redirect, default true with TLS)", () => {
    const result = serveIngressRequest(s, controller, curl("http://api.example.com/users"));
    expect(result.status).toBe(308);
    expect(result.headers.location).toBe("https://api.example.com/users");
    expect(result.body).toBe(formatNginxErrorPage(308));
    expect(result.body).toContain("<center><h1>308 Permanent Redirect</h1></center>");
  });

  test("the 308 drops a trailing slash, as lua_ingress.lua does without preserve-trailing-slash", () => {
    expect(serveIngressRequest(s, controller, curl("http://api.example.com/")).headers.location).toBe("https://api.example.com");
  });

  test.each([
    { path: "/users/42", pod: "user-service-6d4cf", upstream: "production-user-service-80", addr: "10.244.2.21:3000" },
    { path: "/orders", pod: "main-api-7f9b2", upstream: "production-main-api-80", addr: "10.244.2.22:3000" },
  ])("https://api.example.com$path reaches $pod at its pod IP", ({ path, pod: podName, upstream, addr }) => {
    const result = serveIngressRequest(s, controller, curl(`https://api.example.com${path}`));
    expect(result.outcome).toBe("connected");
    expect(result.status).toBe(200);
    expect(result.servedBy?.pod.name).toBe(podName);
    expect(result.upstreamName).toBe(upstream);
    expect(result.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(result.accessLog).toContain(`[${upstream}] [] ${addr} `);
    expect(result.accessLog).toMatch(/^198\.51\.100\.7 - - \[01\/May\/2025:09:00:00 \+0000\] "GET \/[a-z0-9/]+ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.11\.1" \d+ 0\.001 /);
  });

  test.each([
    { megabytes: 9, status: 413 },
    { megabytes: 8, status: 200 },
    { megabytes: 7.5, status: 200 },
  ])("a $megabytes MB upload against proxy-body-size 8m → $status", ({ megabytes, status }) => {
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users", { method: "POST", bodyBytes: Math.round(megabytes * 1024 * 1024) }));
    expect(result.status).toBe(status);
    if (status === 413) {
      expect(result.body).toBe("<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
      expect(result.accessLog).toMatch(/"POST \/users HTTP\/1\.1" 413 \d+ "-" "curl\/8\.11\.1" \d+ 0\.000 \[\] \[\] - - - - [0-9a-f]{32}$/);
      expect(result.hops.some((h) => h.field === "metadata.annotations[nginx.ingress.kubernetes.io/proxy-body-size]")).toBe(true);
    }
  });

  test("without the annotation the default proxy-body-size is 1m", () => {
    const { s: s2, controller: c2 } = cluster([apiIngress({ "kubernetes.io/ingress.class": "nginx" }), apiTlsSecret, ...backends()]);
    expect(serveIngressRequest(s2, c2, curl("https://api.example.com/users", { method: "POST", bodyBytes: 1024 * 1024 + 1 })).status).toBe(413);
    expect(serveIngressRequest(s2, c2, curl("https://api.example.com/users", { method: "POST", bodyBytes: 1024 * 1024 })).status).toBe(200);
  });
});

describe("serveIngressRequest: TLS and cert-manager", () => {
  test("the Secret is missing and the ClusterIssuer does not exist: curl rejects the fake certificate and the trace says why", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsCertificate, ...backends()]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"));
    expect(result.status).toBeUndefined();
    expect(result.error?.code).toBe(60);
    expect(result.error?.message).toBe("SSL certificate problem: self-signed certificate");
    expect(`curl: (${result.error?.code}) ${result.error?.message}\n${CURL_CERTIFICATE_HELP}`).toBe(
      "curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.",
    );
    const hop = result.hops.find((h) => h.field === "spec.tls[0].secretName");
    expect(hop?.summary).toContain("Kubernetes Ingress Controller Fake Certificate");
    expect(hop?.summary).toContain("Certificate production/api-tls-cert not ready: ClusterIssuer letsencrypt-prod not found");
    expect(result.accessLog).toBeUndefined();
  });

  test("curl -k accepts the fake certificate and the request goes through", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsCertificate, ...backends()]);
    expect(serveIngressRequest(s, controller, curl("https://api.example.com/users", { insecure: true })).status).toBe(200);
  });

  test("plain http still redirects to https when the Secret is missing: the fake certificate counts as configured", () => {
    const { s, controller } = cluster([apiIngress(), ...backends()]);
    expect(serveIngressRequest(s, controller, curl("http://api.example.com/users")).status).toBe(308);
  });

  test("a host not listed under spec.tls gets the fake certificate", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends()]);
    const result = serveIngressRequest(s, controller, curl("https://203.0.113.10/users"));
    expect(result.error?.message).toContain("self-signed certificate");
  });

  test("a certificate whose names do not include the host fails curl's name check", () => {
    const wrongNames = { ...apiTlsSecret, metadata: { ...apiTlsSecret.metadata, annotations: { ...apiTlsSecret.metadata.annotations, "cert-manager.io/alt-names": "www.example.com" } } };
    const { s, controller } = cluster([apiIngress(), wrongNames, letsencryptProd, ...backends()]);
    expect(serveIngressRequest(s, controller, curl("https://api.example.com/users")).error).toEqual({ code: 60, message: "SSL: no alternative certificate subject name matches target host name 'api.example.com'" });
  });
});

describe("serveIngressRequest: upstream failures, with nginx's pages", () => {
  test("no ready endpoints → 503 Service Temporarily Unavailable", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends({ ready: false })]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"));
    expect(result.status).toBe(503);
    expect(result.body).toBe("<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
  });

  test("a targetPort nothing listens on → 502 Bad Gateway", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends({ targetPort: 8080 })]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"));
    expect(result.status).toBe(502);
    expect(result.body).toContain("<center><h1>502 Bad Gateway</h1></center>");
    expect(result.accessLog).toContain("[production-user-service-80] [] 10.244.2.21:8080 0 0.000 502");
  });

  test("a NetworkPolicy that denies the controller → 504 Gateway Time-out after proxy-connect-timeout", () => {
    const denyAll = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "default-deny", namespace: "production" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } };
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends(), denyAll]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"));
    expect(result.status).toBe(504);
    expect(result.body).toContain("<title>504 Gateway Time-out</title>");
    expect(result.durationSeconds).toBe(5);
    expect(result.accessLog).toContain("10.244.2.21:3000 0 5.000 504");
  });

  test("the same policy, allowing the ingress-nginx namespace, lets the request through", () => {
    const allowController = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow-ingress-nginx", namespace: "production" },
      spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }] }] },
    };
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends(), allowController]);
    expect(serveIngressRequest(s, controller, curl("https://api.example.com/users")).status).toBe(200);
  });

  test("an unknown host gets the controller's 404 (146 bytes) and, like the default server, no access log line", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, ...backends()]);
    const result = serveIngressRequest(s, controller, curl("http://unknown.example.com/"));
    expect(result.status).toBe(404);
    expect(result.headers["content-length"]).toBe("146");
    expect(result.accessLog).toBeUndefined();
  });
});

describe("serveIngressRequest: annotations with ingress-nginx's semantics (docs/user-guide/nginx-configuration/annotations.md)", () => {
  const backend = [service("http-svc", { ports: [{ port: 80, targetPort: 8080 }] }), pod("http-svc-abcde", { labels: { app: "http-svc" }, ip: "10.244.2.30", image: "registry.k8s.io/echoserver:2.5" })];
  const rule = (host: string, path = "/", pathType = "Prefix") => ({ ingressClassName: "nginx", rules: [{ host, paths: [{ path, pathType, service: "http-svc", port: 80 }] }] });

  test.each([
    { url: "http://rewrite.bar.com/something", upstream: "GET / " },
    { url: "http://rewrite.bar.com/something/", upstream: "GET / " },
    { url: "http://rewrite.bar.com/something/new?x=1", upstream: "GET /new?x=1 " },
  ])("rewrite-target /$2 with use-regex (docs/examples/rewrite): $url → $upstream", ({ url, upstream }) => {
    const { s, controller } = cluster([ingress("rewrite", rule("rewrite.bar.com", "/something(/|$)(.*)", "ImplementationSpecific"), { annotations: { "nginx.ingress.kubernetes.io/use-regex": "true", "nginx.ingress.kubernetes.io/rewrite-target": "/$2" } }), ...backend]);
    const result = serveIngressRequest(s, controller, curl(url));
    expect(result.status).toBe(200);
    expect(result.body.startsWith(upstream)).toBe(true);
  });

  test("app-root redirects / with 302 Moved Temporarily (docs/examples/rewrite App Root)", () => {
    const { s, controller } = cluster([ingress("approot", rule("approot.bar.com"), { annotations: { "nginx.ingress.kubernetes.io/app-root": "/app1" } }), ...backend]);
    const result = serveIngressRequest(s, controller, curl("http://approot.bar.com/"));
    expect(result.status).toBe(302);
    expect(result.headers.location).toBe("http://approot.bar.com/app1");
    expect(result.body).toContain("<title>302 Found</title>");
  });

  test.each<{ annotations: Record<string, string>; status: number }>([
    { annotations: { "nginx.ingress.kubernetes.io/permanent-redirect": "https://www.google.com" }, status: 301 },
    { annotations: { "nginx.ingress.kubernetes.io/permanent-redirect": "https://www.google.com", "nginx.ingress.kubernetes.io/permanent-redirect-code": "308" }, status: 308 },
    { annotations: { "nginx.ingress.kubernetes.io/permanent-redirect": "https://www.google.com", "nginx.ingress.kubernetes.io/permanent-redirect-code": "200" }, status: 301 },
    { annotations: { "nginx.ingress.kubernetes.io/temporal-redirect": "https://www.google.com" }, status: 302 },
  ])("redirect annotations $annotations → $status", ({ annotations, status }) => {
    const { s, controller } = cluster([ingress("redirect", rule("redirect.bar.com"), { annotations }), ...backend]);
    const result = serveIngressRequest(s, controller, curl("http://redirect.bar.com/anything"));
    expect(result.status).toBe(status);
    expect(result.headers.location).toBe("https://www.google.com");
  });

  test.each<{ annotations: Record<string, string>; status: number }>([
    { annotations: {}, status: 200 },
    { annotations: { "nginx.ingress.kubernetes.io/force-ssl-redirect": "true" }, status: 308 },
  ])("without TLS, only force-ssl-redirect redirects: $annotations → $status", ({ annotations, status }) => {
    const { s, controller } = cluster([ingress("plain", rule("plain.bar.com"), { annotations }), ...backend]);
    expect(serveIngressRequest(s, controller, curl("http://plain.bar.com/x")).status).toBe(status);
  });

  test("ssl-redirect: \"false\" serves plain http even with TLS", () => {
    const { s, controller } = cluster([apiIngress({ ...ARTICLE_ANNOTATIONS, "nginx.ingress.kubernetes.io/ssl-redirect": "false" }), apiTlsSecret, letsencryptProd, ...backends()]);
    expect(serveIngressRequest(s, controller, curl("http://api.example.com/users")).status).toBe(200);
  });

  test.each([
    { policy: "Local" as const, range: "198.51.100.0/24", status: 200, why: "Local keeps the client address" },
    { policy: "Local" as const, range: "10.0.0.0/8", status: 403, why: "the client is outside the range" },
    { policy: "Cluster" as const, range: "198.51.100.0/24", status: 403, why: "Cluster masquerades the client to the node address 172.18.0.3" },
    { policy: "Cluster" as const, range: "172.18.0.0/16", status: 200, why: "the node address is what nginx sees" },
  ])("whitelist-source-range $range behind externalTrafficPolicy $policy → $status ($why)", ({ policy, range, status }) => {
    const { s, controller } = cluster([ingress("allow", rule("allow.bar.com"), { annotations: { "nginx.ingress.kubernetes.io/whitelist-source-range": range } }), ...backend], { policy });
    const result = serveIngressRequest(s, controller, curl("http://allow.bar.com/"));
    expect(result.status).toBe(status);
    if (status === 403) expect(result.body).toContain("<title>403 Forbidden</title>");
  });

  test.each([
    { protocol: undefined, port: 8080, status: 200 },
    { protocol: "HTTPS", port: 8080, status: 502 },
    { protocol: "HTTPS", port: 8443, status: 200 },
    { protocol: undefined, port: 8443, status: 400 },
  ])("backend-protocol $protocol to echoserver port $port → $status", ({ protocol, port, status }) => {
    const svc = service("http-svc", { ports: [{ port: 80, targetPort: port }] });
    const annotations = protocol ? { "nginx.ingress.kubernetes.io/backend-protocol": protocol } : undefined;
    const { s, controller } = cluster([ingress("proto", rule("proto.bar.com"), { annotations }), svc, backend[1]]);
    expect(serveIngressRequest(s, controller, curl("http://proto.bar.com/")).status).toBe(status);
  });
});

describe("serveIngressRequest: the controller's default backend", () => {
  test("--default-backend-service sends unmatched requests to that Service's first port", () => {
    const fallback = [service("fallback", { namespace: "ingress-nginx", ports: [{ port: 80, targetPort: 8080 }] }), pod("fallback-aaaaa", { namespace: "ingress-nginx", labels: { app: "fallback" }, ip: "10.244.2.40", image: "registry.k8s.io/echoserver:2.5" })];
    const controller = controllerPod({ extraArgs: ["--default-backend-service=$(POD_NAMESPACE)/fallback"] });
    const s = state([controller, controllerService(), ingressClass("nginx", "k8s.io/ingress-nginx"), ...fallback]);
    const result = serveIngressRequest(s, s.list("Pod", "ingress-nginx").find((p) => p.metadata.name.startsWith("ingress-nginx"))!, curl("http://nothing.example.com/"));
    expect(result.status).toBe(200);
    expect(result.servedBy?.pod.name).toBe("fallback-aaaaa");
    expect(result.upstreamName).toBe("upstream-default-backend");
  });
});

describe("serveIngressRequest never throws", () => {
  const { s, controller } = cluster([
    apiIngress(),
    apiTlsSecret,
    letsencryptProd,
    ...backends(),
    ingress("regex", { ingressClassName: "nginx", rules: [{ host: "re.example.com", paths: [{ path: "/(a+)+$", pathType: "ImplementationSpecific", service: "main-api" }, { path: "/x(", pathType: "ImplementationSpecific", service: "main-api" }] }] }, { namespace: "production", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/$1$9", "nginx.ingress.kubernetes.io/whitelist-source-range": "not-a-cidr,10.0.0.0/33" } }),
  ]);
  test("on arbitrary hosts, paths, methods and body sizes", () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.string(), fc.constantFrom("http", "https"), fc.string(), fc.nat(), fc.boolean(), (host, path, scheme, method, bodyBytes, insecure) => {
        const result = serveIngressRequest(s, controller, { scheme: scheme as "http" | "https", host, path, method, bodyBytes, insecure, from: client });
        return result.status === undefined ? result.error !== undefined : result.status >= 200 && result.status < 600;
      }),
      { numRuns: 300 },
    );
  });

  test("a regex with nested quantifiers is refused rather than run", () => {
    const result = serveIngressRequest(s, controller, curl(`http://re.example.com/${"a".repeat(40)}!`));
    expect(result.hops.some((h) => h.summary.includes("nests quantifiers"))).toBe(true);
  });
});

describe("serveIngressRequest: docs and conformance examples on the data path", () => {
  // kubernetes-sigs/ingress-controller-conformance features/load_balancing.feature: 100 requests to a default
  // backend scaled to 10 replicas reach 10 different pods.
  test("load_balancing.feature: 100 requests reach all 10 pods of echo-service", () => {
    const pods = Array.from({ length: 10 }, (_, i) => pod(`echo-service-${String(i).padStart(5, "a")}`, { labels: { app: "echo-service" }, ip: `10.244.2.${50 + i}`, image: "registry.k8s.io/echoserver:2.5" }));
    const { s, controller } = cluster([ingress("load-balancing", { ingressClassName: "nginx", defaultBackend: { service: "echo-service", port: 8080 } }), service("echo-service", { ports: [{ port: 8080, targetPort: 8080 }] }), ...pods]);
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 100; attempt++) {
      const result = serveIngressRequest(s, controller, curl("http://load-balancing/", { attempt }));
      expect(result.status).toBe(200);
      seen.add(result.servedBy!.pod.name);
    }
    expect(seen.size).toBe(10);
  });

  // https://kubernetes.io/docs/concepts/services-networking/ingress/#tls (tls-example-ingress, testsecret-tls).
  test("docs TLS example: https://sslexample.foo.com terminates with testsecret-tls", () => {
    const secret = { apiVersion: "v1", kind: "Secret", type: "kubernetes.io/tls", metadata: { name: "testsecret-tls", namespace: "default" }, data: { "tls.crt": "YmFzZTY0IGVuY29kZWQgY2VydA==", "tls.key": "YmFzZTY0IGVuY29kZWQga2V5" } };
    const tlsIngress = ingress("tls-example-ingress", { ingressClassName: "nginx", tls: [{ hosts: ["https-example.foo.com"], secretName: "testsecret-tls" }], rules: [{ host: "https-example.foo.com", paths: [{ path: "/", service: "service1", port: 80 }] }] });
    const { s, controller } = cluster([secret, tlsIngress, service("service1", { ports: [{ port: 80, targetPort: 80 }] }), pod("service1-abcde", { labels: { app: "service1" }, ip: "10.244.2.60" })]);
    const result = serveIngressRequest(s, controller, curl("https://https-example.foo.com/"));
    expect(result.status).toBe(200);
    expect(result.hops.some((h) => h.field === "spec.tls[0].secretName" && h.outcome === "pass")).toBe(true);
  });

  test("a Secret without tls.crt and tls.key is not used: the fake certificate is served", () => {
    const opaque = { apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: { name: "api-tls-cert", namespace: "production" }, data: { password: "c2VjcmV0" } };
    const { s, controller } = cluster([apiIngress(), opaque, ...backends()]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"));
    expect(result.error?.message).toBe("SSL certificate problem: self-signed certificate");
    expect(result.hops.some((h) => h.summary.includes("has no tls.crt and tls.key"))).toBe(true);
  });
});

describe("serveIngressRequest: what the backend receives", () => {
  test("ingress-nginx's proxy headers, with the client address it saw", () => {
    const seen: Record<string, string>[] = [];
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends()]);
    serveIngressRequest(s, controller, curl("https://api.example.com/users?id=1"), {
      answerBackend: (r) => {
        seen.push(r.headers);
        return { status: 200, headers: {}, body: "ok" };
      },
    });
    expect(seen[0]).toMatchObject({
      host: "api.example.com",
      "user-agent": "curl/8.11.1",
      "x-real-ip": "198.51.100.7",
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "api.example.com",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      "x-forwarded-scheme": "https",
      "x-scheme": "https",
    });
    expect(seen[0]["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("serveIngressRequest: the default-backend annotation", () => {
  const annotated = (annotations: Record<string, string>) => ingress("annotated", { ingressClassName: "nginx", rules: [{ host: "shop.example.com", paths: [{ path: "/", service: "web" }] }] }, { annotations });
  const fallback = [service("maintenance", { ports: [{ port: 8080, targetPort: 8080 }] }), pod("maintenance-abcde", { labels: { app: "maintenance" }, ip: "10.244.2.70", image: "registry.k8s.io/echoserver:2.5" })];
  test.each<{ annotations: Record<string, string>; status: number; upstream: string }>([
    { annotations: {}, status: 503, upstream: "default-web-80" },
    { annotations: { "nginx.ingress.kubernetes.io/default-backend": "maintenance" }, status: 200, upstream: "custom-default-backend-default-maintenance" },
  ])("web has no endpoints, annotations $annotations → $status", ({ annotations, status, upstream }) => {
    const { s, controller } = cluster([annotated(annotations), service("web"), ...fallback]);
    const result = serveIngressRequest(s, controller, curl("http://shop.example.com/"));
    expect(result.status).toBe(status);
    expect(result.upstreamName).toBe(upstream);
  });
});

describe("serveIngressRequest: no-tls-redirect-locations", () => {
  test("cert-manager's HTTP-01 solver path is served over http while the rest of the host redirects", () => {
    const solver = ingress("cm-acme-http-solver-x7k2p", { ingressClassName: "nginx", rules: [{ host: "api.example.com", paths: [{ path: "/.well-known/acme-challenge/Zq0token", pathType: "ImplementationSpecific", service: "main-api", port: 80 }] }] }, { namespace: "production" });
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, solver, ...backends()]);
    expect(serveIngressRequest(s, controller, curl("http://api.example.com/.well-known/acme-challenge/Zq0token")).status).toBe(200);
    expect(serveIngressRequest(s, controller, curl("http://api.example.com/users")).status).toBe(308);
  });
});

describe("serveIngressRequest: response headers", () => {
  test("curl -I: HEAD gets the headers of the page without its body, Server: nginx and nginx's own Date", () => {
    const { s, controller } = cluster([ingress("approot", { ingressClassName: "nginx", rules: [{ host: "approot.bar.com", paths: [{ path: "/", service: "http-svc" }] }] }, { annotations: { "nginx.ingress.kubernetes.io/app-root": "/app1" } })]);
    const result = serveIngressRequest(s, controller, curl("http://approot.bar.com/", { method: "HEAD" }));
    expect(result.status).toBe(302);
    expect(result.body).toBe("");
    expect(result.headers).toMatchObject({ server: "nginx", date: "Thu, 01 May 2025 09:00:00 GMT", "content-type": "text/html", "content-length": String(formatNginxErrorPage(302).length), location: "http://approot.bar.com/app1", connection: "keep-alive" });
  });

  test("a backend's own Date and Server headers are replaced", () => {
    const { s, controller } = cluster([apiIngress(), apiTlsSecret, letsencryptProd, ...backends()]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"), { answerBackend: () => ({ status: 200, headers: { server: "Express", date: "Mon, 01 Jan 2001 00:00:00 GMT", "content-type": "application/json" }, body: "[]" }) });
    expect(result.headers).toMatchObject({ server: "nginx", date: "Thu, 01 May 2025 09:00:00 GMT", "content-type": "application/json", "content-length": "2" });
  });
});

describe("serveIngressRequest: upstream-vhost and x-forwarded-prefix", () => {
  test.each<{ annotations: Record<string, string>; path: string; host: string; prefix?: string }>([
    { annotations: { "nginx.ingress.kubernetes.io/upstream-vhost": "internal.svc" }, path: "/app/x", host: "internal.svc", prefix: undefined },
    { annotations: { "nginx.ingress.kubernetes.io/x-forwarded-prefix": "/app" }, path: "/app/x", host: "vhost.example.com", prefix: undefined },
    { annotations: { "nginx.ingress.kubernetes.io/x-forwarded-prefix": "/app", "nginx.ingress.kubernetes.io/rewrite-target": "/$2", "nginx.ingress.kubernetes.io/use-regex": "true" }, path: "/app/x", host: "vhost.example.com", prefix: "/app" },
  ])("$annotations", ({ annotations, path, host, prefix }) => {
    const seen: Record<string, string>[] = [];
    const pathSpec = annotations["nginx.ingress.kubernetes.io/rewrite-target"] ? { path: "/app(/|$)(.*)", pathType: "ImplementationSpecific" } : { path: "/app", pathType: "Prefix" };
    const { s, controller } = cluster([ingress("vhost", { ingressClassName: "nginx", rules: [{ host: "vhost.example.com", paths: [{ ...pathSpec, service: "main-api", port: 80 }] }] }, { namespace: "production", annotations }), ...backends()]);
    const result = serveIngressRequest(s, controller, curl(`http://vhost.example.com${path}`), { answerBackend: (r) => (seen.push(r.headers), { status: 200, headers: {}, body: "" }) });
    expect(result.status).toBe(200);
    expect(seen[0].host).toBe(host);
    expect(seen[0]["x-forwarded-prefix"]).toBe(prefix);
  });
});

describe("serveIngressRequest: service-upstream", () => {
  const withServiceUpstream = apiIngress({ ...ARTICLE_ANNOTATIONS, "nginx.ingress.kubernetes.io/service-upstream": "true" });
  test.each([
    { ready: true, status: 200, log: "[production-user-service-80] [] 10.96.0.50:80 " },
    { ready: false, status: 502, log: "[production-user-service-80] [] 10.96.0.50:80 0 0.000 502" },
  ])("pods ready: $ready → $status, the ClusterIP in $upstream_addr", ({ ready, status, log }) => {
    const { s, controller } = cluster([withServiceUpstream, apiTlsSecret, letsencryptProd, ...backends({ ready })]);
    const result = serveIngressRequest(s, controller, curl("https://api.example.com/users"));
    expect(result.status).toBe(status);
    expect(result.accessLog).toContain(log);
  });
});

describe("serveIngressRequest: rewrite-target: / on a Prefix path (the pre-0.22 habit)", () => {
  // docs/examples/rewrite: since 0.22 the target replaces the whole URI; rewrite-target also turns every path of
  // the host into a case-insensitive regex (ingress-path-matching.md), so Prefix /app now matches /application.
  test.each([
    { path: "/app/users/1", upstream: "GET / " },
    { path: "/APP", upstream: "GET / " },
    { path: "/application", upstream: "GET / " },
  ])("$path reaches the backend as $upstream", ({ path, upstream }) => {
    const { s, controller } = cluster([ingress("old-rewrite", { ingressClassName: "nginx", rules: [{ host: "old.example.com", paths: [{ path: "/app", service: "main-api", port: 80 }] }] }, { namespace: "production", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/" } }), ...backends()]);
    const result = serveIngressRequest(s, controller, curl(`http://old.example.com${path}`));
    expect(result.status).toBe(200);
    expect(result.body.startsWith(upstream)).toBe(true);
  });
});
