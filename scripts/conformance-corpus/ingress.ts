import { namespace, type Case, type Manifest, type Query } from "./corpus-types";

const DOCS = "kubernetes/website content/en/docs/concepts/services-networking/ingress.md";
const ICC = "kubernetes-sigs/ingress-controller-conformance";

type Backend = { service: string; port: number | string };
type PathSpec = { path?: string; pathType: string; backend: Backend };
type RuleSpec = { host?: string; paths: PathSpec[] };

function serviceBackend(b: Backend) {
  return { service: { name: b.service, port: typeof b.port === "number" ? { number: b.port } : { name: b.port } } };
}

function ingress(
  name: string,
  spec: { rules?: RuleSpec[]; defaultBackend?: Backend; tls?: unknown[] },
  metadata: Record<string, unknown> = {},
  ns = "default",
): Manifest {
  const out: Record<string, unknown> = {};
  if (spec.defaultBackend) out.defaultBackend = serviceBackend(spec.defaultBackend);
  if (spec.tls) out.tls = spec.tls;
  if (spec.rules) {
    out.rules = spec.rules.map((r) => ({
      ...(r.host ? { host: r.host } : {}),
      http: { paths: r.paths.map((p) => ({ ...(p.path !== undefined ? { path: p.path } : {}), pathType: p.pathType, backend: serviceBackend(p.backend) })) },
    }));
  }
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name, namespace: ns, ...metadata }, spec: out };
}

/** A selector Service for each backend, so the Ingress points at objects that exist. */
function services(names: string[], ports: { name?: string; port: number }[] = [{ name: "http", port: 80 }], ns = "default"): Manifest[] {
  return [...new Set(names)].map((name) => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns },
    spec: { selector: { app: name }, ports: ports.map((p) => ({ ...p, targetPort: 8080 })) },
  }));
}

function route(host: string | null, path: string, expect: Backend | null, note?: string, scheme?: "http" | "https", ns = "default"): Query {
  return {
    type: "ingress",
    host,
    path,
    ...(scheme ? { scheme } : {}),
    expect: expect ? { service: `${ns}/${expect.service}`, port: expect.port } : null,
    ...(note ? { note } : {}),
  };
}

interface TableRow {
  kind: string;
  paths: [path: string, pathType: string][];
  requests: [path: string, matchedIndex: number | null][];
  matches: string;
}

/** Every row of the page's "Examples" table under Path types; each rule path gets its own Service. */
const PATH_TABLE: TableRow[] = [
  { kind: "Prefix", paths: [["/", "Prefix"]], requests: [["/", 0], ["/foo", 0], ["/aaa/bbb/ccc", 0]], matches: "(all paths) | Yes" },
  { kind: "Exact", paths: [["/foo", "Exact"]], requests: [["/foo", 0]], matches: "/foo | Yes" },
  { kind: "Exact", paths: [["/foo", "Exact"]], requests: [["/bar", null]], matches: "/bar | No" },
  { kind: "Exact", paths: [["/foo", "Exact"]], requests: [["/foo/", null]], matches: "/foo/ | No" },
  { kind: "Exact", paths: [["/foo/", "Exact"]], requests: [["/foo", null]], matches: "/foo | No" },
  { kind: "Prefix", paths: [["/foo", "Prefix"]], requests: [["/foo", 0], ["/foo/", 0]], matches: "/foo, /foo/ | Yes" },
  { kind: "Prefix", paths: [["/foo/", "Prefix"]], requests: [["/foo", 0], ["/foo/", 0]], matches: "/foo, /foo/ | Yes" },
  { kind: "Prefix", paths: [["/aaa/bb", "Prefix"]], requests: [["/aaa/bbb", null]], matches: "/aaa/bbb | No" },
  { kind: "Prefix", paths: [["/aaa/bbb", "Prefix"]], requests: [["/aaa/bbb", 0]], matches: "/aaa/bbb | Yes" },
  { kind: "Prefix", paths: [["/aaa/bbb/", "Prefix"]], requests: [["/aaa/bbb", 0]], matches: "/aaa/bbb | Yes, ignores trailing slash" },
  { kind: "Prefix", paths: [["/aaa/bbb", "Prefix"]], requests: [["/aaa/bbb/", 0]], matches: "/aaa/bbb/ | Yes, matches trailing slash" },
  { kind: "Prefix", paths: [["/aaa/bbb", "Prefix"]], requests: [["/aaa/bbb/ccc", 0]], matches: "/aaa/bbb/ccc | Yes, matches subpath" },
  { kind: "Prefix", paths: [["/aaa/bbb", "Prefix"]], requests: [["/aaa/bbbxyz", null]], matches: "/aaa/bbbxyz | No, does not match string prefix" },
  { kind: "Prefix", paths: [["/", "Prefix"], ["/aaa", "Prefix"]], requests: [["/aaa/ccc", 1]], matches: "/aaa/ccc | Yes, matches /aaa prefix" },
  { kind: "Prefix", paths: [["/", "Prefix"], ["/aaa", "Prefix"], ["/aaa/bbb", "Prefix"]], requests: [["/aaa/bbb", 2]], matches: "/aaa/bbb | Yes, matches /aaa/bbb prefix" },
  { kind: "Prefix", paths: [["/", "Prefix"], ["/aaa", "Prefix"], ["/aaa/bbb", "Prefix"]], requests: [["/ccc", 0]], matches: "/ccc | Yes, matches / prefix" },
  { kind: "Prefix", paths: [["/aaa", "Prefix"]], requests: [["/ccc", null]], matches: "/ccc | No, uses default backend" },
  { kind: "Mixed", paths: [["/foo", "Prefix"], ["/foo", "Exact"]], requests: [["/foo", 1]], matches: "/foo | Yes, prefers Exact" },
];

function pathTableCases(): Case[] {
  return PATH_TABLE.map((row, i) => {
    const backends = row.paths.map((_, j) => ({ service: `row${i + 1}-path${j}`, port: 80 }));
    const pathsText = row.paths.map(([p, t]) => (row.kind === "Mixed" ? `${p} (${t})` : p)).join(", ");
    return {
      id: `ingress-docs-path-example-${i + 1}`,
      source: `${DOCS}#examples — "| ${row.kind} | ${pathsText} | ${row.matches} |"`,
      description: `Path types Examples table, row ${i + 1}: ${row.kind} ${pathsText}.`,
      manifests: [

        ...services(backends.map((b) => b.service)),
        ingress(`path-example-${i + 1}`, { rules: [{ paths: row.paths.map(([path, pathType], j) => ({ path, pathType, backend: backends[j] })) }] }),
      ],
      queries: row.requests.map(([path, index]) => route("example.com", path, index === null ? null : backends[index])),
    };
  });
}

function hostWildcards(): Case {
  const service1 = { service: "service1", port: 80 };
  const service2 = { service: "service2", port: 80 };
  return {
    id: "ingress-docs-hostname-wildcards",
    source: `${DOCS}#hostname-wildcards — "*.foo.com | bar.foo.com | Matches based on shared suffix; *.foo.com | baz.bar.foo.com | No match, wildcard only covers a single DNS label; *.foo.com | foo.com | No match, wildcard only covers a single DNS label" (service/networking/ingress-wildcard-host.yaml)`,
    description: "The page's ingress-wildcard-host example: an exact host rule and a wildcard host rule.",
    manifests: [

      ...services(["service1", "service2"]),
      ingress("ingress-wildcard-host", {
        rules: [
          { host: "foo.bar.com", paths: [{ path: "/bar", pathType: "Prefix", backend: service1 }] },
          { host: "*.foo.com", paths: [{ path: "/foo", pathType: "Prefix", backend: service2 }] },
        ],
      }),
    ],
    queries: [
      route("foo.bar.com", "/bar", service1),
      route("bar.foo.com", "/foo", service2, "shared suffix"),
      route("baz.bar.foo.com", "/foo", null, "wildcard covers a single DNS label"),
      route("foo.com", "/foo", null, "wildcard needs one label"),
      route("foo.bar.com", "/foo", null, "the exact host rule has no /foo path"),
      route("bar.foo.com", "/bar", null, "the wildcard rule has no /bar path"),
    ],
  };
}

function nameBasedVirtualHosting(): Case {
  const [s1, s2, s3] = [1, 2, 3].map((n) => ({ service: `service${n}`, port: 80 }));
  return {
    id: "ingress-docs-name-virtual-host",
    source: `${DOCS}#name-based-virtual-hosting — "the following Ingress routes traffic requested for first.bar.com to service1, second.bar.com to service2, and any traffic whose request host header doesn't match first.bar.com and second.bar.com to service3"`,
    description: "Host rules plus a rule without host that catches every other request.",
    manifests: [

      ...services(["service1", "service2", "service3"]),
      ingress("name-virtual-host-ingress-no-third-host", {
        rules: [
          { host: "first.bar.com", paths: [{ path: "/", pathType: "Prefix", backend: s1 }] },
          { host: "second.bar.com", paths: [{ path: "/", pathType: "Prefix", backend: s2 }] },
          { paths: [{ path: "/", pathType: "Prefix", backend: s3 }] },
        ],
      }),
    ],
    queries: [
      route("first.bar.com", "/", s1),
      route("second.bar.com", "/index.html", s2),
      route("third.bar.com", "/", s3, "no host rule matches: the rule without host takes it"),
      route(null, "/", s3, "no Host header"),
    ],
  };
}

function simpleFanout(): Case {
  const s1 = { service: "service1", port: 4200 };
  const s2 = { service: "service2", port: 8080 };
  return {
    id: "ingress-docs-simple-fanout",
    source: `${DOCS}#simple-fanout — "foo.bar.com -> 178.91.123.132 -> / foo service1:4200; / bar service2:8080"`,
    description: "The page's simple-fanout-example: two Prefix paths on one host.",
    manifests: [

      ...services(["service1"], [{ port: 4200 }]),
      ...services(["service2"], [{ port: 8080 }]),
      ingress("simple-fanout-example", {
        rules: [
          {
            host: "foo.bar.com",
            paths: [
              { path: "/foo", pathType: "Prefix", backend: s1 },
              { path: "/bar", pathType: "Prefix", backend: s2 },
            ],
          },
        ],
      }),
    ],
    queries: [
      route("foo.bar.com", "/foo", s1),
      route("foo.bar.com", "/bar/baz", s2),
      route("foo.bar.com", "/", null, "no path covers /"),
      route("bar.foo.com", "/foo", null, "host does not match"),
    ],
  };
}

function defaultBackendDocs(): Case[] {
  const test = { service: "test", port: 80 };
  return [
    {
      id: "ingress-docs-single-service",
      source: `${DOCS}#single-service-ingress — "You can also do this with an Ingress by specifying a default backend with no rules." (service/networking/test-ingress.yaml)`,
      description: "An Ingress with only spec.defaultBackend takes every request.",
      manifests: [...services(["test"]), ingress("test-ingress", { defaultBackend: test })],
      queries: [route("anything.example.com", "/", test), route(null, "/some/path", test)],
    },
    {
      id: "ingress-docs-minimal-ingress",
      source: `${DOCS}#the-ingress-resource — "minimal-ingress": path /testpath, pathType Prefix, backend service test port 80; and #default-backend — "An Ingress with no rules sends all traffic to a single default backend ... If none of the hosts or paths match the HTTP request in the Ingress objects, the traffic is routed to your default backend."`,
      description: "The page's minimal-ingress (without its class), then the same with a spec.defaultBackend.",
      manifests: [

        ...services(["test", "fallback"]),
        ingress("minimal-ingress", { rules: [{ paths: [{ path: "/testpath", pathType: "Prefix", backend: test }] }] }),
      ],
      queries: [route("example.com", "/testpath", test), route("example.com", "/testpath/sub", test), route("example.com", "/other", null, "no rule and no defaultBackend")],
    },
    {
      id: "ingress-docs-default-backend-fallthrough",
      source: `${DOCS}#default-backend — "If none of the hosts or paths match the HTTP request in the Ingress objects, the traffic is routed to your default backend."; kubernetes/kubernetes staging/src/k8s.io/api/networking/v1/types.go IngressSpec.DefaultBackend — "defaultBackend is the backend that should handle requests that don't match any rule."`,
      description: "Rules first; a request no rule matches (another path, or another host) goes to spec.defaultBackend.",
      manifests: [

        ...services(["test", "fallback"]),
        ingress("with-default", {
          defaultBackend: { service: "fallback", port: 80 },
          rules: [{ host: "foo.bar.com", paths: [{ path: "/testpath", pathType: "Prefix", backend: test }] }],
        }),
      ],
      queries: [
        route("foo.bar.com", "/testpath", test),
        route("foo.bar.com", "/other", { service: "fallback", port: 80 }),
        route("other.example.com", "/testpath", { service: "fallback", port: 80 }),
      ],
    },
  ];
}

function conformancePathRules(): Case {
  const b = (service: string) => ({ service, port: 8080 });
  return {
    id: "ingress-icc-path-rules",
    source: `${ICC} features/path_rules.feature — "If the HTTP request path matches one of the paths in the Ingress objects, the traffic is routed to its backend service."`,
    description: "Every scenario of the conformance suite's path rules feature.",
    manifests: [

      ...services(["foo-exact", "foo-prefix", "aaa-slash-bbb-prefix", "aaa-prefix", "aaa-slash-bbb-slash-prefix", "foo-slash-exact"], [{ port: 8080 }]),
      ingress("path-rules", {
        rules: [
          { host: "exact-path-rules", paths: [{ path: "/foo", pathType: "Exact", backend: b("foo-exact") }] },
          {
            host: "prefix-path-rules",
            paths: [
              { path: "/foo", pathType: "Prefix", backend: b("foo-prefix") },
              { path: "/aaa/bbb", pathType: "Prefix", backend: b("aaa-slash-bbb-prefix") },
              { path: "/aaa", pathType: "Prefix", backend: b("aaa-prefix") },
            ],
          },
          {
            host: "mixed-path-rules",
            paths: [
              { path: "/foo", pathType: "Prefix", backend: b("foo-prefix") },
              { path: "/foo", pathType: "Exact", backend: b("foo-exact") },
            ],
          },
          {
            host: "trailing-slash-path-rules",
            paths: [
              { path: "/aaa/bbb/", pathType: "Prefix", backend: b("aaa-slash-bbb-slash-prefix") },
              { path: "/foo/", pathType: "Exact", backend: b("foo-slash-exact") },
            ],
          },
        ],
      }),
    ],
    queries: [
      route("exact-path-rules", "/foo", b("foo-exact"), "exact /foo matches request /foo"),
      route("exact-path-rules", "/foo/", null, "exact /foo does not match request /foo/"),
      route("exact-path-rules", "/FOO", null, "exact /foo does not match request /FOO"),
      route("exact-path-rules", "/bar", null, "exact /foo does not match request /bar"),
      route("prefix-path-rules", "/foo", b("foo-prefix"), "prefix /foo matches request /foo"),
      route("prefix-path-rules", "/foo/", b("foo-prefix"), "prefix /foo matches request /foo/"),
      route("prefix-path-rules", "/FOO", null, "prefix /foo does not match request /FOO"),
      route("prefix-path-rules", "/aaa/bbb", b("aaa-slash-bbb-prefix"), "prefix /aaa/bbb matches request /aaa/bbb"),
      route("prefix-path-rules", "/aaa/bbb/ccc", b("aaa-slash-bbb-prefix"), "prefix /aaa/bbb matches request /aaa/bbb/ccc"),
      route("prefix-path-rules", "/aaa/ccc", b("aaa-prefix"), "prefix /aaa matches request /aaa/ccc"),
      route("prefix-path-rules", "/aaaccc", null, "prefix /aaa does not match request /aaaccc"),
      route("mixed-path-rules", "/foo", b("foo-exact"), "exact /foo matches request /foo (Exact is preferred)"),
      route("trailing-slash-path-rules", "/aaa/bbb", b("aaa-slash-bbb-slash-prefix"), "prefix /aaa/bbb/ matches request /aaa/bbb"),
      route("trailing-slash-path-rules", "/aaa/bbb/", b("aaa-slash-bbb-slash-prefix"), "prefix /aaa/bbb/ matches request /aaa/bbb/"),
      route("trailing-slash-path-rules", "/foo", null, "exact /foo/ does not match request /foo"),
    ],
  };
}

function conformanceHostRules(): Case {
  const wildcard = { service: "wildcard-foo-com", port: 8080 };
  const fooBar = { service: "foo-bar-com", port: "http" };
  return {
    id: "ingress-icc-host-rules",
    source: `${ICC} features/host_rules.feature — "If the HTTP request host matches one of the hosts in the Ingress objects, the traffic is routed to its backend service."`,
    description: "Every scenario of the conformance suite's host rules feature (the backend port of foo-bar-com is the name http).",
    manifests: [

      ...services(["wildcard-foo-com"], [{ port: 8080 }]),
      ...services(["foo-bar-com"], [{ name: "http", port: 8080 }]),
      ingress("host-rules", {
        tls: [{ hosts: ["foo.bar.com"], secretName: "conformance-tls" }],
        rules: [
          { host: "*.foo.com", paths: [{ path: "/", pathType: "Prefix", backend: wildcard }] },
          { host: "foo.bar.com", paths: [{ path: "/", pathType: "Prefix", backend: fooBar }] },
        ],
      }),
    ],
    queries: [
      route("foo.bar.com", "/", fooBar, "host foo.bar.com matches request foo.bar.com (TLS)", "https"),
      route("foo.bar.com", "/", fooBar, "host foo.bar.com matches request foo.bar.com"),
      route("subdomain.bar.com", "/", null, "host foo.bar.com does not match request subdomain.bar.com"),
      route("bar.foo.com", "/", wildcard, "Matches based on shared suffix"),
      route("baz.bar.foo.com", "/", null, "No match, wildcard only covers a single DNS label"),
      route("foo.com", "/", null, "No match, wildcard only covers a single DNS label"),
    ],
  };
}

function conformanceDefaultBackend(): Case {
  const echo = { service: "echo-service", port: 8080 };
  return {
    id: "ingress-icc-default-backend",
    source: `${ICC} features/default_backend.feature — "An Ingress with no rules sends all traffic to the single default backend."`,
    description: "The Examples table of the default backend feature (method does not affect routing).",
    manifests: [...services(["echo-service"], [{ port: 8080 }]), ingress("default-backend", { defaultBackend: echo })],
    queries: [
      route("my-host", "/", echo, "GET my-host /"),
      route("my-host", "/sub-path", echo, "GET my-host /sub-path"),
      route("some-host", "/", echo, "POST some-host /"),
      route(null, "/resource", echo, "PUT without host /resource"),
      route("some-host", "/resource", echo, "DELETE some-host /resource"),
      route("my-host", "/resource", echo, "PATCH my-host /resource"),
    ],
  };
}

function conformanceIngressClass(): Case {
  const b = (service: string) => ({ service, port: 8080 });
  return {
    id: "ingress-icc-ingress-class",
    source: `${ICC} features/ingress_class.feature — "An Ingress with an invalid ingress class should not send traffic to the matching backend service"; ${DOCS}#ingress-class — "Each Ingress should specify a class, a reference to an IngressClass resource that contains additional configuration including the name of the controller that should implement the class."`,
    description: "With ingress-nginx installed (IngressClass nginx), an Ingress naming an unknown class is not served; one naming nginx is.",
    cluster: { addons: ["ingress-nginx"] },
    manifests: [
      ...services(["ingress-class-prefix", "served-prefix"], [{ port: 8080 }]),
      ingress("test-ingress-class", { rules: [{ host: "ingress-class", paths: [{ path: "/", pathType: "Prefix", backend: b("ingress-class-prefix") }] }] }),
      ingress("served-ingress-class", { rules: [{ host: "served-class", paths: [{ path: "/", pathType: "Prefix", backend: b("served-prefix") }] }] }),
    ].map((m) => {
      if (m.kind !== "Ingress") return m;
      const metadata = m.metadata as { name: string };
      const ingressClassName = metadata.name === "test-ingress-class" ? "some-invalid-class-name" : "nginx";
      return { ...m, spec: { ingressClassName, ...(m.spec as object) } };
    }),
    queries: [
      route("ingress-class", "/", null, "ingressClassName some-invalid-class-name: no controller implements it"),
      route("served-class", "/", b("served-prefix"), "ingressClassName nginx is claimed by ingress-nginx"),
    ],
  };
}

function articleApiIngress(): Case {
  const users = { service: "user-service", port: 80 };
  const main = { service: "main-api", port: 80 };
  return {
    id: "ingress-article-api-ingress",
    source: `the course article (3. Ingress — HTTP/HTTPS Routing, ingress.yaml api-ingress); matching per ${DOCS}#path-types — "Prefix: Matches based on a URL path prefix split by /" and #multiple-matches — "precedence will be given first to the longest matching path"`,
    description: "The article's api-ingress: /users to user-service, everything else on api.example.com to main-api.",
    manifests: [
      namespace("production"),
      ...services(["user-service", "main-api"], [{ name: "http", port: 80 }], "production"),
      ingress(
        "api-ingress",
        {
          tls: [{ hosts: ["api.example.com"], secretName: "api-tls-cert" }],
          rules: [
            {
              host: "api.example.com",
              paths: [
                { path: "/users", pathType: "Prefix", backend: users },
                { path: "/", pathType: "Prefix", backend: main },
              ],
            },
          ],
        },
        {
          annotations: {
            "kubernetes.io/ingress.class": "nginx",
            "cert-manager.io/cluster-issuer": "letsencrypt-prod",
            "nginx.ingress.kubernetes.io/ssl-redirect": "true",
            "nginx.ingress.kubernetes.io/proxy-body-size": "8m",
          },
        },
        "production",
      ),
    ],
    queries: [
      route("api.example.com", "/users", users, undefined, undefined, "production"),
      route("api.example.com", "/users/42", users, undefined, undefined, "production"),
      route("api.example.com", "/usersettings", main, "/users is an element prefix, not a string prefix", undefined, "production"),
      route("api.example.com", "/", main, undefined, undefined, "production"),
      route("api.example.com", "/orders/7", main, undefined, undefined, "production"),
      route("api.example.com", "/users", users, "TLS request", "https", "production"),
      route("www.example.com", "/users", null, "no rule for this host and no defaultBackend"),
    ],
  };
}

export function buildIngressCases(): Case[] {
  return [
    ...pathTableCases(),
    hostWildcards(),
    nameBasedVirtualHosting(),
    simpleFanout(),
    ...defaultBackendDocs(),
    conformancePathRules(),
    conformanceHostRules(),
    conformanceDefaultBackend(),
    conformanceIngressClass(),
    articleApiIngress(),
  ];
}
