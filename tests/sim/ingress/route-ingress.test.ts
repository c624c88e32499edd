import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { routeIngress, traceIngressRoute } from "@/lib/sim/ingress/route-ingress";
import { controllerPod, ingress, ingressClass, state, type PathSpec } from "./ingress-fixtures";

const serviceOf = (route: ReturnType<typeof routeIngress>): string | null => route?.backend.service?.name ?? null;

describe("routeIngress: the Examples table of https://kubernetes.io/docs/concepts/services-networking/ingress/#examples", () => {
  // Each row: the paths of one Ingress (backends svc-0, svc-1, … in order), a request path, and which path
  // index takes it (null: no path matches and, without a default backend, nothing serves it).
  const rows: { kind: string; paths: [string, string][]; request: string; expected: number | null }[] = [
    { kind: "Prefix", paths: [["/", "Prefix"]], request: "/", expected: 0 },
    { kind: "Prefix", paths: [["/", "Prefix"]], request: "/foo/bar", expected: 0 },
    { kind: "Prefix", paths: [["/", "Prefix"]], request: "/aaa/bbb/ccc?x=1", expected: 0 },
    { kind: "Exact", paths: [["/foo", "Exact"]], request: "/foo", expected: 0 },
    { kind: "Exact", paths: [["/foo", "Exact"]], request: "/bar", expected: null },
    { kind: "Exact", paths: [["/foo", "Exact"]], request: "/foo/", expected: null },
    { kind: "Exact", paths: [["/foo/", "Exact"]], request: "/foo", expected: null },
    { kind: "Prefix", paths: [["/foo", "Prefix"]], request: "/foo", expected: 0 },
    { kind: "Prefix", paths: [["/foo", "Prefix"]], request: "/foo/", expected: 0 },
    { kind: "Prefix", paths: [["/foo/", "Prefix"]], request: "/foo", expected: 0 },
    { kind: "Prefix", paths: [["/foo/", "Prefix"]], request: "/foo/", expected: 0 },
    { kind: "Prefix", paths: [["/aaa/bb", "Prefix"]], request: "/aaa/bbb", expected: null },
    { kind: "Prefix", paths: [["/aaa/bbb", "Prefix"]], request: "/aaa/bbb", expected: 0 },
    { kind: "Prefix (ignores trailing slash)", paths: [["/aaa/bbb/", "Prefix"]], request: "/aaa/bbb", expected: 0 },
    { kind: "Prefix (matches trailing slash)", paths: [["/aaa/bbb", "Prefix"]], request: "/aaa/bbb/", expected: 0 },
    { kind: "Prefix (matches subpath)", paths: [["/aaa/bbb", "Prefix"]], request: "/aaa/bbb/ccc", expected: 0 },
    { kind: "Prefix (does not match string prefix)", paths: [["/aaa/bbb", "Prefix"]], request: "/aaa/bbbxyz", expected: null },
    { kind: "Prefix (matches /aaa prefix)", paths: [["/", "Prefix"], ["/aaa", "Prefix"]], request: "/aaa/ccc", expected: 1 },
    { kind: "Prefix (matches /aaa/bbb prefix)", paths: [["/", "Prefix"], ["/aaa", "Prefix"], ["/aaa/bbb", "Prefix"]], request: "/aaa/bbb", expected: 2 },
    { kind: "Prefix (matches / prefix)", paths: [["/", "Prefix"], ["/aaa", "Prefix"], ["/aaa/bbb", "Prefix"]], request: "/ccc", expected: 0 },
    { kind: "Prefix (uses default backend)", paths: [["/aaa", "Prefix"]], request: "/ccc", expected: null },
    { kind: "Mixed (prefers Exact)", paths: [["/foo", "Prefix"], ["/foo", "Exact"]], request: "/foo", expected: 1 },
  ];

  test.each(rows)("$kind $paths → $request", ({ paths, request, expected }) => {
    const s = state([ingress("table", { rules: [{ paths: paths.map(([path, pathType], i): PathSpec => ({ path, pathType, service: `svc-${i}` })) }] })]);
    const route = routeIngress(s, { host: "example.test", path: request });
    expect(serviceOf(route)).toBe(expected === null ? null : `svc-${expected}`);
    if (route) expect(route.path).toBe(expected);
  });

  test("Multiple matches: longest path first, then Exact over Prefix, whatever the YAML order", () => {
    const s = state([ingress("order", { rules: [{ paths: [{ path: "/", service: "root" }, { path: "/users", service: "users" }, { path: "/users/admin", pathType: "Exact", service: "admin" }] }] })]);
    expect(serviceOf(routeIngress(s, { host: null, path: "/users/admin" }))).toBe("admin");
    expect(serviceOf(routeIngress(s, { host: null, path: "/users/admin/x" }))).toBe("users");
    expect(serviceOf(routeIngress(s, { host: null, path: "/usersx" }))).toBe("root");
  });
});

describe("routeIngress: hostname wildcards (https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards)", () => {
  const s = state([ingress("wild", { rules: [{ host: "*.foo.com", paths: [{ path: "/", service: "wildcard" }] }, { host: "foo.bar.com", paths: [{ path: "/", service: "precise" }] }] })]);
  test.each([
    { host: "bar.foo.com", expected: "wildcard", why: "matches based on shared suffix" },
    { host: "baz.bar.foo.com", expected: null, why: "wildcard only covers a single DNS label" },
    { host: "foo.com", expected: null, why: "wildcard only covers a single DNS label" },
    { host: "FOO.Bar.COM", expected: "precise", why: "host comparison is case-insensitive" },
    { host: "foo.bar.com:8080", expected: "precise", why: "the port in the Host header is not part of the name" },
    { host: "foo.bar.com.", expected: "precise", why: "a trailing dot is dropped" },
  ])("$host → $expected ($why)", ({ host, expected }) => {
    expect(serviceOf(routeIngress(s, { host, path: "/" }))).toBe(expected);
  });
});

describe("routeIngress: ingress-controller-conformance features", () => {
  // kubernetes-sigs/ingress-controller-conformance features/path_rules.feature (Background Ingress "path-rules").
  const pathRules = state([
    ingress("path-rules", {
      rules: [
        { host: "exact-path-rules", paths: [{ path: "/foo", pathType: "Exact", service: "foo-exact", port: 8080 }] },
        { host: "prefix-path-rules", paths: [{ path: "/foo", service: "foo-prefix", port: 8080 }, { path: "/aaa/bbb", service: "aaa-slash-bbb-prefix", port: 8080 }, { path: "/aaa", service: "aaa-prefix", port: 8080 }] },
        { host: "mixed-path-rules", paths: [{ path: "/foo", service: "foo-prefix", port: 8080 }, { path: "/foo", pathType: "Exact", service: "foo-exact", port: 8080 }] },
        { host: "trailing-slash-path-rules", paths: [{ path: "/aaa/bbb/", service: "aaa-slash-bbb-slash-prefix", port: 8080 }, { path: "/foo/", pathType: "Exact", service: "foo-slash-exact", port: 8080 }] },
      ],
    }),
  ]);
  test.each([
    { scenario: "exact /foo matches request /foo", url: "exact-path-rules/foo", expected: "foo-exact" },
    { scenario: "exact /foo does not match request /foo/", url: "exact-path-rules/foo/", expected: null },
    { scenario: "exact /foo does not match request /FOO", url: "exact-path-rules/FOO", expected: null },
    { scenario: "exact /foo does not match request /bar", url: "exact-path-rules/bar", expected: null },
    { scenario: "prefix /foo matches request /foo", url: "prefix-path-rules/foo", expected: "foo-prefix" },
    { scenario: "prefix /foo matches request /foo/", url: "prefix-path-rules/foo/", expected: "foo-prefix" },
    { scenario: "prefix /foo does not match request /FOO", url: "prefix-path-rules/FOO", expected: null },
    { scenario: "prefix /aaa/bbb matches request /aaa/bbb", url: "prefix-path-rules/aaa/bbb", expected: "aaa-slash-bbb-prefix" },
    { scenario: "prefix /aaa/bbb matches request /aaa/bbb/ccc", url: "prefix-path-rules/aaa/bbb/ccc", expected: "aaa-slash-bbb-prefix" },
    { scenario: "prefix /aaa matches request /aaa/ccc", url: "prefix-path-rules/aaa/ccc", expected: "aaa-prefix" },
    { scenario: "prefix /aaa does not match request /aaaccc", url: "prefix-path-rules/aaaccc", expected: null },
    { scenario: "mixed: exact /foo matches request /foo", url: "mixed-path-rules/foo", expected: "foo-exact" },
    { scenario: "prefix /aaa/bbb/ matches request /aaa/bbb", url: "trailing-slash-path-rules/aaa/bbb", expected: "aaa-slash-bbb-slash-prefix" },
    { scenario: "prefix /aaa/bbb/ matches request /aaa/bbb/", url: "trailing-slash-path-rules/aaa/bbb/", expected: "aaa-slash-bbb-slash-prefix" },
    { scenario: "exact /foo/ does not match request /foo", url: "trailing-slash-path-rules/foo", expected: null },
  ])("path_rules.feature: $scenario", ({ url, expected }) => {
    const [host, ...rest] = url.split("/");
    expect(serviceOf(routeIngress(pathRules, { host, path: `/${rest.join("/")}` }))).toBe(expected);
  });

  // features/host_rules.feature
  const hostRules = state([
    ingress("host-rules", {
      tls: [{ hosts: ["foo.bar.com"], secretName: "conformance-tls" }],
      rules: [
        { host: "*.foo.com", paths: [{ path: "/", service: "wildcard-foo-com", port: 8080 }] },
        { host: "foo.bar.com", paths: [{ path: "/", service: "foo-bar-com", port: "http" }] },
      ],
    }),
  ]);
  test.each([
    { scenario: "TLS traffic to foo.bar.com", host: "foo.bar.com", scheme: "https" as const, expected: "foo-bar-com" },
    { scenario: "foo.bar.com matches request foo.bar.com", host: "foo.bar.com", scheme: "http" as const, expected: "foo-bar-com" },
    { scenario: "foo.bar.com does not match request subdomain.bar.com", host: "subdomain.bar.com", scheme: "http" as const, expected: null },
    { scenario: "wildcard matches bar.foo.com", host: "bar.foo.com", scheme: "http" as const, expected: "wildcard-foo-com" },
    { scenario: "wildcard does not match baz.bar.foo.com", host: "baz.bar.foo.com", scheme: "http" as const, expected: null },
    { scenario: "wildcard does not match foo.com", host: "foo.com", scheme: "http" as const, expected: null },
  ])("host_rules.feature: $scenario", ({ host, scheme, expected }) => {
    expect(serviceOf(routeIngress(hostRules, { host, path: "/", scheme }))).toBe(expected);
  });

  test("host_rules.feature: a backend port by name stays a name", () => {
    expect(routeIngress(hostRules, { host: "foo.bar.com", path: "/" })?.backend.service).toEqual({ namespace: "default", name: "foo-bar-com", port: "http" });
  });

  // features/default_backend.feature: an Ingress with no rules sends every request to spec.defaultBackend.
  const defaultBackend = state([ingress("default-backend", { defaultBackend: { service: "echo-service", port: 8080 } })]);
  test.each([
    { host: "my-host", path: "/" },
    { host: "my-host", path: "/sub-path" },
    { host: "some-host", path: "/" },
    { host: null, path: "/resource" },
    { host: "some-host", path: "/resource" },
  ])("default_backend.feature: http://$host$path → echo-service", ({ host, path }) => {
    const route = routeIngress(defaultBackend, { host, path });
    expect(route?.backend.service).toEqual({ namespace: "default", name: "echo-service", port: 8080 });
    expect(route?.isDefaultBackend).toBe(true);
  });

  // features/ingress_class.feature: an Ingress naming a class no controller has is not served.
  test("ingress_class.feature: ingressClassName some-invalid-class-name is not served by ingress-nginx", () => {
    const s = state([
      controllerPod(),
      ingressClass("nginx", "k8s.io/ingress-nginx"),
      ingress("test-ingress-class", { ingressClassName: "some-invalid-class-name", rules: [{ host: "ingress-class", paths: [{ path: "/", service: "ingress-class-prefix", port: 8080 }] }] }),
    ]);
    const route = routeIngress(s, { host: "ingress-class", path: "/" });
    expect(route).toBeNull();
  });
});

describe("routeIngress: docs examples", () => {
  test.each([
    { host: "foo.bar.com", path: "/foo", expected: "service1" },
    { host: "foo.bar.com", path: "/bar/x", expected: "service2" },
    { host: "foo.bar.com", path: "/baz", expected: null },
  ])("simple fanout: $host$path → $expected", ({ host, path, expected }) => {
    const s = state([ingress("simple-fanout-example", { rules: [{ host: "foo.bar.com", paths: [{ path: "/foo", service: "service1", port: 4200 }, { path: "/bar", service: "service2", port: 8080 }] }] })]);
    expect(serviceOf(routeIngress(s, { host, path }))).toBe(expected);
  });

  test.each([
    { host: "first.bar.com", expected: "service1" },
    { host: "second.bar.com", expected: "service2" },
    { host: null, expected: "service3" },
    { host: "203.0.113.10", expected: "service3" },
  ])("name-based virtual hosting with a host-less rule: $host → $expected", ({ host, expected }) => {
    const s = state([
      ingress("name-virtual-host-ingress-no-third-host", {
        rules: [
          { host: "first.bar.com", paths: [{ path: "/", service: "service1" }] },
          { host: "second.bar.com", paths: [{ path: "/", service: "service2" }] },
          { paths: [{ path: "/", service: "service3" }] },
        ],
      }),
    ]);
    expect(serviceOf(routeIngress(s, { host, path: "/" }))).toBe(expected);
  });

  test("spec.defaultBackend of an Ingress with rules answers the paths its hosts do not match", () => {
    const s = state([ingress("with-default", { defaultBackend: { service: "fallback" }, rules: [{ host: "shop.example.com", paths: [{ path: "/cart", service: "cart" }] }] })]);
    const route = routeIngress(s, { host: "shop.example.com", path: "/other" });
    expect(route?.backend.service?.name).toBe("fallback");
    expect(route?.isDefaultBackend).toBe(true);
  });
});

describe("routeIngress: the article's api-ingress", () => {
  const api = ingress(
    "api-ingress",
    {
      tls: [{ hosts: ["api.example.com"], secretName: "api-tls-cert" }],
      rules: [{ host: "api.example.com", paths: [{ path: "/users", service: "user-service" }, { path: "/", service: "main-api" }] }],
    },
    { namespace: "production", annotations: { "kubernetes.io/ingress.class": "nginx", "cert-manager.io/cluster-issuer": "letsencrypt-prod", "nginx.ingress.kubernetes.io/ssl-redirect": "true", "nginx.ingress.kubernetes.io/proxy-body-size": "8m" } },
  );
  const s = state([controllerPod(), ingressClass("nginx", "k8s.io/ingress-nginx"), api]);
  test.each([
    { path: "/users", expected: "user-service" },
    { path: "/users/42", expected: "user-service" },
    { path: "/", expected: "main-api" },
    { path: "/orders", expected: "main-api" },
    { path: "/usersettings", expected: "main-api" },
  ])("api.example.com$path → $expected:80", ({ path, expected }) => {
    const route = routeIngress(s, { host: "api.example.com", path, scheme: "https" });
    expect(route?.backend.service).toEqual({ namespace: "production", name: expected, port: 80 });
    expect(route?.ingress).toEqual({ kind: "Ingress", name: "api-ingress", namespace: "production" });
  });
});

describe("routeIngress: class selection with an ingress-nginx controller running", () => {
  const rule = { rules: [{ host: "app.example.com", paths: [{ path: "/", service: "web" }] }] };
  test.each([
    { name: "spec.ingressClassName nginx", objects: [ingressClass("nginx", "k8s.io/ingress-nginx"), ingress("i", { ...rule, ingressClassName: "nginx" })], served: true },
    { name: "spec.ingressClassName of another controller", objects: [ingressClass("traefik", "traefik.io/ingress-controller"), ingress("i", { ...rule, ingressClassName: "traefik" })], served: false },
    { name: "annotation kubernetes.io/ingress.class: nginx", objects: [ingress("i", rule, { annotations: { "kubernetes.io/ingress.class": "nginx" } })], served: true },
    { name: "annotation kubernetes.io/ingress.class: gce", objects: [ingress("i", rule, { annotations: { "kubernetes.io/ingress.class": "gce" } })], served: false },
    { name: "no class, nginx is the default IngressClass", objects: [ingressClass("nginx", "k8s.io/ingress-nginx", true), ingress("i", rule)], served: true },
    { name: "no class, no default class", objects: [ingressClass("nginx", "k8s.io/ingress-nginx"), ingress("i", rule)], served: false },
    { name: "no class, two default classes created together: by name, nginx", objects: [ingressClass("nginx", "k8s.io/ingress-nginx", true), ingressClass("other", "example.com/other", true), ingress("i", rule)], served: true },
    { name: "no class, two default classes: the newest (other) wins", objects: [ingressClass("nginx", "k8s.io/ingress-nginx", true), { ...ingressClass("other", "example.com/other", true), metadata: { name: "other", annotations: { "ingressclass.kubernetes.io/is-default-class": "true" }, creationTimestamp: "2025-06-01T00:00:00Z" } }, ingress("i", rule)], served: false },
    { name: "spec.ingressClassName wins over the annotation", objects: [ingressClass("nginx", "k8s.io/ingress-nginx"), ingress("i", { ...rule, ingressClassName: "missing" }, { annotations: { "kubernetes.io/ingress.class": "nginx" } })], served: false },
  ])("$name → served: $served", ({ objects, served }) => {
    const route = routeIngress(state([controllerPod(), ...objects]), { host: "app.example.com", path: "/" });
    expect(route !== null).toBe(served);
  });

  test("--watch-ingress-without-class=true takes Ingresses that name no class", () => {
    const objects = [ingressClass("nginx", "k8s.io/ingress-nginx"), ingress("i", rule)];
    expect(routeIngress(state([controllerPod({ extraArgs: ["--watch-ingress-without-class=true"] }), ...objects]), { host: "app.example.com", path: "/" })).not.toBeNull();
    expect(routeIngress(state([controllerPod({ extraArgs: ["--watch-ingress-without-class"] }), ...objects]), { host: "app.example.com", path: "/" })).not.toBeNull();
  });

  test("an ignored Ingress is explained, pointing at the field that decided it", () => {
    const s = state([controllerPod(), ingressClass("nginx", "k8s.io/ingress-nginx"), ingress("plain", rule), ingress("served", { defaultBackend: { service: "fallback" } }, { annotations: { "kubernetes.io/ingress.class": "nginx" } })]);
    const route = routeIngress(s, { host: "app.example.com", path: "/" });
    expect(route?.backend.service?.name).toBe("fallback");
    const hop = route!.hops.find((h) => h.object?.name === "plain");
    expect(hop?.outcome).toBe("fail");
    expect(hop?.summary).toContain("--watch-ingress-without-class");
  });
});

describe("routeIngress: ingress-nginx merges Ingresses per host", () => {
  test("paths of two Ingresses for the same host are merged", () => {
    const s = state([
      ingress("a", { rules: [{ host: "shop.example.com", paths: [{ path: "/cart", service: "cart" }] }] }, { createdAt: "2025-05-01T09:00:00Z" }),
      ingress("b", { rules: [{ host: "shop.example.com", paths: [{ path: "/catalog", service: "catalog" }] }] }, { createdAt: "2025-05-01T09:05:00Z" }),
    ]);
    expect(serviceOf(routeIngress(s, { host: "shop.example.com", path: "/cart/1" }))).toBe("cart");
    expect(serviceOf(routeIngress(s, { host: "shop.example.com", path: "/catalog" }))).toBe("catalog");
  });

  test.each([
    { older: "b", expected: "from-b" },
    { older: "a", expected: "from-a" },
  ])("same host, path and pathType: the oldest Ingress ($older) wins", ({ older, expected }) => {
    const s = state([
      ingress("a", { rules: [{ host: "shop.example.com", paths: [{ path: "/", service: "from-a" }] }] }, { createdAt: older === "a" ? "2025-05-01T09:00:00Z" : "2025-05-01T10:00:00Z" }),
      ingress("b", { rules: [{ host: "shop.example.com", paths: [{ path: "/", service: "from-b" }] }] }, { createdAt: older === "b" ? "2025-05-01T09:00:00Z" : "2025-05-01T10:00:00Z" }),
    ]);
    const route = routeIngress(s, { host: "shop.example.com", path: "/" });
    expect(serviceOf(route)).toBe(expected);
    expect(route!.hops.some((h) => h.summary.includes("keeps the oldest"))).toBe(true);
  });
});

describe("routeIngress: ImplementationSpecific and regex paths (ingress-nginx docs/user-guide/ingress-path-matching.md)", () => {
  test.each([
    { path: "/foo", expected: "impl" },
    { path: "/foo/bar", expected: "impl" },
    { path: "/foobar", expected: null },
  ])("ImplementationSpecific /foo without regex is Prefix: $path → $expected", ({ path, expected }) => {
    const s = state([ingress("impl", { rules: [{ host: "test.com", paths: [{ path: "/foo", pathType: "ImplementationSpecific", service: "impl" }] }] })]);
    expect(serviceOf(routeIngress(s, { host: "test.com", path }))).toBe(expected);
  });

  // "Path Priority" example: test-ingress-1 (Prefix /foo/bar, /foo/bar/) and test-ingress-2 (rewrite-target, /foo/bar/(.+)).
  const priority = state([
    ingress("test-ingress-1", { rules: [{ host: "test.com", paths: [{ path: "/foo/bar", service: "service1" }, { path: "/foo/bar/", service: "service2" }] }] }, { createdAt: "2025-05-01T09:00:00Z" }),
    ingress("test-ingress-2", { rules: [{ host: "test.com", paths: [{ path: "/foo/bar/(.+)", pathType: "ImplementationSpecific", service: "service3" }] }] }, { createdAt: "2025-05-01T09:01:00Z", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/$1" } }),
  ]);
  test.each([
    { path: "/foo/bar/1", expected: "service3" },
    { path: "/foo/bar/", expected: "service2" },
    { path: "/foo/bar", expected: "service1" },
    { path: "/FOO/BAR", expected: "service1" },
  ])("Path Priority example: test.com$path → $expected", ({ path, expected }) => {
    expect(serviceOf(routeIngress(priority, { host: "test.com", path }))).toBe(expected);
  });

  test("Warning example: with use-regex the first regex in length order wins, not the longest exact text", () => {
    const s = state([
      ingress("test-ingress-3", { rules: [{ host: "test.com", paths: [{ path: "/foo/bar/bar", service: "bar" }, { path: "/foo/bar/[A-Z0-9]{3}", pathType: "ImplementationSpecific", service: "regex" }] }] }, { annotations: { "nginx.ingress.kubernetes.io/use-regex": "true" } }),
    ]);
    expect(serviceOf(routeIngress(s, { host: "test.com", path: "/foo/bar/bar" }))).toBe("regex");
  });
});

describe("routeIngress never throws", () => {
  const s = state([
    ingress("fuzz", { rules: [{ host: "*.foo.com", paths: [{ path: "/a", service: "a" }, { path: "/(b|c", pathType: "ImplementationSpecific", service: "bad" }] }, { paths: [{ path: "/", pathType: "Exact", service: "root" }] }] }, { annotations: { "nginx.ingress.kubernetes.io/use-regex": "true" } }),
    ingress("plain", { defaultBackend: { service: "d" }, rules: [{ host: "x.test", paths: [{ path: "/x", service: "x" }] }] }),
  ]);
  test("on arbitrary host and path strings", () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.string(), (host, path) => {
        const route = routeIngress(s, { host, path });
        return route === null || typeof route.ingress.name === "string";
      }),
      { numRuns: 500 },
    );
  });
});

describe("routeIngress: resource backends (docs example ingress-resource-backend)", () => {
  const resourceIngress = {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "ingress-resource-backend", namespace: "default" },
    spec: {
      defaultBackend: { resource: { apiGroup: "k8s.example.com", kind: "StorageBucket", name: "static-assets" } },
      rules: [{ http: { paths: [{ path: "/icons", pathType: "ImplementationSpecific", backend: { resource: { apiGroup: "k8s.example.com", kind: "StorageBucket", name: "icon-assets" } } }] } }],
    },
  };
  test.each([
    { path: "/icons/a.png", expected: "icon-assets", isDefault: false },
    { path: "/other", expected: "static-assets", isDefault: true },
  ])("without a controller (the API's view): $path → StorageBucket $expected", ({ path, expected, isDefault }) => {
    const route = routeIngress(state([resourceIngress]), { host: null, path });
    expect(route?.backend.resource).toEqual({ apiGroup: "k8s.example.com", kind: "StorageBucket", name: expected });
    expect(route?.isDefaultBackend).toBe(isDefault);
  });

  test("ingress-nginx serves no resource backend: the path is skipped, with a note", () => {
    const withClass = { ...resourceIngress, spec: { ...resourceIngress.spec, ingressClassName: "nginx" } };
    const s = state([controllerPod(), ingressClass("nginx", "k8s.io/ingress-nginx"), withClass]);
    expect(routeIngress(s, { host: null, path: "/icons/a.png" })).toBeNull();
  });
});

describe("routeIngress: spec.defaultBackend of an Ingress with rules", () => {
  const withDefault = ingress("with-default", { ingressClassName: "nginx", defaultBackend: { service: "fallback" }, rules: [{ host: "shop.example.com", paths: [{ path: "/cart", service: "cart" }] }] });
  test.each([
    { controller: false, host: "other.example.com", expected: "fallback" },
    { controller: true, host: "other.example.com", expected: null },
    { controller: true, host: "shop.example.com", expected: "fallback" },
  ])("controller running: $controller, Host $host → $expected", ({ controller, host, expected }) => {
    const s = state([...(controller ? [controllerPod(), ingressClass("nginx", "k8s.io/ingress-nginx")] : []), withDefault]);
    const route = routeIngress(s, { host, path: "/elsewhere" });
    expect(serviceOf(route)).toBe(expected);
  });

  test("ingress-nginx's narrower use of it is explained", () => {
    const s = state([controllerPod(), ingressClass("nginx", "k8s.io/ingress-nginx"), withDefault]);
    const trace = traceIngressRoute(s, { host: "other.example.com", path: "/" });
    expect(trace.hops.some((h) => h.field === "spec.defaultBackend" && h.summary.includes("only for the hosts that Ingress names"))).toBe(true);
  });
});

describe("routeIngress: docs name-based virtual hosting (name-virtual-host-ingress)", () => {
  const s = state([ingress("name-virtual-host-ingress", { rules: [{ host: "foo.bar.com", paths: [{ path: "/", service: "service1" }] }, { host: "bar.foo.com", paths: [{ path: "/", service: "service2" }] }] })]);
  test.each([
    { host: "foo.bar.com", expected: "service1" },
    { host: "bar.foo.com", expected: "service2" },
    { host: "baz.foo.com", expected: null },
    { host: null, expected: null },
  ])("Host $host → $expected", ({ host, expected }) => {
    expect(serviceOf(routeIngress(s, { host, path: "/anything" }))).toBe(expected);
  });
});

describe("routeIngress agrees with the Ingress API's definition of Exact and Prefix", () => {
  // The reference is the API text itself (https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types,
  // #multiple-matches): Exact is string equality; Prefix is an element-wise prefix on the `/`-split path, a trailing
  // slash ignored; the longest match wins and Exact wins a tie. ingress-nginx's location model must give the same
  // answer whenever no regex annotation is involved.
  const elements = (p: string) => p.split("/").filter((s) => s !== "");
  const pathArb = fc.tuple(fc.array(fc.constantFrom("a", "b", "ab"), { maxLength: 3 }), fc.boolean()).map(([segs, slash]) => `/${segs.join("/")}${slash && segs.length > 0 ? "/" : ""}`);
  const rulesArb = fc.uniqueArray(fc.tuple(pathArb, fc.constantFrom("Exact", "Prefix")), {
    minLength: 1,
    maxLength: 6,
    selector: ([p, t]) => (t === "Prefix" ? `P:${elements(p).join("/")}` : `E:${p}`),
  });

  test("for every set of paths, split over two Ingresses for the same host, and every request path", () => {
    fc.assert(
      fc.property(rulesArb, pathArb, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (rules, request, split) => {
        const paths = rules.map(([path, pathType], i) => ({ path, pathType, service: `svc-${i}` }));
        const s = state([
          ingress("generated-a", { rules: [{ host: "gen.test", paths: paths.filter((_, i) => split[i]) }] }),
          ingress("generated-b", { rules: [{ host: "gen.test", paths: paths.filter((_, i) => !split[i]) }] }),
        ]);
        const matches = rules
          .map(([path, pathType], i) => ({ i, pathType, length: elements(path).length, ok: pathType === "Exact" ? path === request : elements(request).slice(0, elements(path).length).join("/") === elements(path).join("/") }))
          .filter((m) => m.ok)
          .sort((a, b) => b.length - a.length || (a.pathType === "Exact" ? -1 : 0) - (b.pathType === "Exact" ? -1 : 0));
        const expected = matches.length > 0 ? `svc-${matches[0].i}` : null;
        expect(serviceOf(routeIngress(s, { host: "gen.test", path: request }))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("routeIngress: a 404 lists what the host does serve", () => {
  test("the paths of the host, as written", () => {
    const s = state([ingress("fanout", { rules: [{ host: "foo.bar.com", paths: [{ path: "/foo", service: "service1" }, { path: "/bar", pathType: "Exact", service: "service2" }] }] })]);
    const trace = traceIngressRoute(s, { host: "foo.bar.com", path: "/baz" });
    expect(trace.route).toBeNull();
    expect(trace.hops.at(-1)?.summary).toBe("No path matches /baz and no spec.defaultBackend applies: the controller's default backend answers 404 Not Found. The paths for foo.bar.com are /foo (Prefix), /bar (Exact).");
  });
});
