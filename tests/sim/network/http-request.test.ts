import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { httpRequest } from "@/lib/sim/network/http-request";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { ClusterState } from "@/lib/sim/cluster-state";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import { articleState, pod, service } from "@/tests/sim/network/networking-fixture";

const servers = [
  pod("web", { namespace: "demo", labels: { app: "web" }, ip: "10.244.1.30", image: "nginx:1.27.3" }),
  pod("apache", { namespace: "demo", ip: "10.244.1.31", image: "httpd:2.4" }),
  pod("echo", { namespace: "demo", ip: "10.244.2.32", image: "hashicorp/http-echo:1.0", args: ["-text=hello from echo"] }),
  pod("echo-custom", { namespace: "demo", ip: "10.244.2.33", image: "hashicorp/http-echo", args: ["-listen=:8080", "-text", "custom"] }),
  pod("netexec", { namespace: "demo", ip: "10.244.2.34", image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["netexec", "--http-port=8080"] }),
  pod("echoserver", { namespace: "demo", ip: "10.244.2.35", image: "registry.k8s.io/echoserver:1.10" }),
  pod("db", { namespace: "demo", ip: "10.244.2.36", image: "postgres:16" }),
  pod("cache", { namespace: "demo", ip: "10.244.2.37", image: "redis:7" }),
  pod("custom", { namespace: "demo", ip: "10.244.2.38", image: "example.org/team/app:2", ports: [{ containerPort: 9000 }] }),
  service("web", "demo", { clusterIP: "10.96.50.1", selector: { app: "web" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 80 }] }),
];
const state = articleState(servers);
const from = (s: ClusterState, name = "netshoot", ns = "default"): TrafficPeer => ({ kind: "pod", pod: s.get("Pod", name, ns) as Pod });

describe("httpRequest: each image answers as it does on a real cluster", () => {
  test.each([
    { label: "nginx welcome page (hub.docker.com/_/nginx)", url: "http://web.demo/", status: 200, body: /<h1>Welcome to nginx!<\/h1>/ },
    { label: "nginx 404 for another path", url: "http://10.244.1.30/missing", status: 404, body: /<center>nginx\/1\.27\.3<\/center>/ },
    { label: "httpd It works!", url: "http://10.244.1.31/", status: 200, body: /^<html><body><h1>It works!<\/h1><\/body><\/html>\n$/ },
    { label: "http-echo returns -text on 5678", url: "http://10.244.2.32:5678/anything", status: 200, body: /^hello from echo\n$/ },
    { label: "http-echo with -listen=:8080", url: "http://10.244.2.33:8080/", status: 200, body: /^custom\n$/ },
    { label: "agnhost netexec /hostname", url: "http://10.244.2.34:8080/hostname", status: 200, body: /^netexec$/ },
    { label: "agnhost netexec /echo?msg=", url: "http://10.244.2.34:8080/echo?msg=hi%20there", status: 200, body: /^hi there$/ },
    { label: "echoserver echoes pod and client", url: "http://10.244.2.35:8080/path?x=1", status: 200, body: /Hostname: echoserver[\s\S]*client_address=10\.244\.1\.9[\s\S]*real path=\/path[\s\S]*query=x=1/ },
    { label: "course backend-api answers JSON on 3000", url: "http://my-backend-api.production.svc.cluster.local/users", status: 200, body: /"service":"backend-api".*"path":"\/users"/ },
    { label: "unknown image: declared containerPort answers a stand-in 200", url: "http://10.244.2.38:9000/", status: 200, body: /^OK\n$/ },
  ])("$label", ({ url, status, body }) => {
    const result = httpRequest(state, { from: from(state), url });
    expect(result.outcome).toBe("connected");
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(status);
    expect(result.body).toMatch(body);
  });

  test("servedBy names the pod and container", () => {
    expect(httpRequest(state, { from: from(state), url: "http://web.demo.svc.cluster.local" }).servedBy).toEqual({ pod: { kind: "Pod", name: "web", namespace: "demo" }, container: "app" });
  });

  test("HEAD has headers and no body", () => {
    const result = httpRequest(state, { from: from(state), url: "http://10.244.1.30/", method: "HEAD" });
    expect(result).toMatchObject({ status: 200, body: "" });
    expect(result.headers.server).toBe("nginx/1.27.3");
  });
});

describe("httpRequest: what curl reports when no HTTP answer comes back", () => {
  test.each([
    { label: "PostgreSQL closes on an HTTP request", url: "http://10.244.2.36:5432/", outcome: "connected", code: 52, message: "Empty reply from server" },
    { label: "Redis answers RESP, read as HTTP/0.9", url: "http://10.244.2.37:6379/", outcome: "connected", code: 1, message: "Received HTTP/0.9 when not allowed" },
    { label: "TLS to a plain-HTTP port", url: "https://10.244.1.30:80/", outcome: "connected", code: 35, message: "SSL routines::wrong version number" },
    { label: "name that does not resolve", url: "http://nope/", outcome: "dns-failure", code: 6, message: "Could not resolve host: nope" },
    { label: "port nothing listens on", url: "http://10.244.1.30:8080/", outcome: "refused", code: 7, message: "Couldn't connect to server" },
    { label: "Service port not exposed", url: "http://web.demo:8080/", outcome: "timeout", code: 28, message: "after 130000 ms" },
    { label: "unsupported scheme", url: "ftp://web.demo/", outcome: "refused", code: 1, message: 'Protocol "ftp" not supported' },
  ])("$label → curl ($code)", ({ url, outcome, code, message }) => {
    const result = httpRequest(state, { from: from(state), url });
    expect(result.outcome).toBe(outcome);
    expect(result.status).toBeUndefined();
    expect(result.error?.code).toBe(code);
    expect(result.error?.message).toContain(message);
  });

  test("echoserver's 8443 wants TLS: plain HTTP gets nginx's 400", () => {
    expect(httpRequest(state, { from: from(state), url: "http://10.244.2.35:8443/" }).status).toBe(400);
    expect(httpRequest(state, { from: from(state), url: "https://10.244.2.35:8443/" }).error?.code).toBe(60);
    expect(httpRequest(state, { from: from(state), url: "https://10.244.2.35:8443/", insecure: true }).status).toBe(200);
  });
});

describe("httpRequest never throws", () => {
  test("on arbitrary URLs, methods and headers", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 100 }), fc.webUrl(), fc.constantFrom("web.demo", "http://10.244.2.34:8080/echo?msg=%", "https://my-backend-api.production", "http://:80", "http://[::1]/")),
        fc.constantFrom("GET", "POST", "HEAD", "DELETE", "weird"),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        (url, method, headers) => {
          const result = httpRequest(state, { from: from(state), url, method, headers });
          expect(["connected", "refused", "timeout", "dns-failure"]).toContain(result.outcome);
        },
      ),
      { numRuns: 300 },
    );
  });
});
