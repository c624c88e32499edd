import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { formatAccessLogLine, formatTimeLocal } from "@/lib/sim/ingress/format-access-log-line";
import { formatNginxErrorPage, formatNginxReason } from "@/lib/sim/ingress/format-nginx-error-page";
import { matchIngressHost, normalizeRequestHost } from "@/lib/sim/ingress/match-ingress-host";
import { parseRequestPath } from "@/lib/sim/ingress/match-nginx-location";
import { parseNginxAnnotations, parseNginxSize } from "@/lib/sim/ingress/parse-nginx-annotations";
import { resolveControllerOfPod } from "@/lib/sim/ingress/ingress-controller";
import { routeIngress, traceIngressRoute } from "@/lib/sim/ingress/route-ingress";
import type { Ingress, Pod } from "@/lib/sim/objects/kinds";
import { controllerPod, ingress, state } from "./ingress-fixtures";

describe("formatAccessLogLine: ingress-nginx's upstreaminfo format (docs/user-guide/nginx-configuration/log-format.md)", () => {
  test("a proxied request, field by field", () => {
    const line = formatAccessLogLine({
      remoteAddr: "198.51.100.7",
      time: new Date("2025-05-01T09:00:00Z"),
      request: "GET /users?page=2 HTTP/1.1",
      status: 200,
      bodyBytesSent: 612,
      userAgent: "curl/8.11.1",
      requestLength: 93,
      requestTimeSeconds: 0.001,
      proxyUpstreamName: "production-user-service-80",
      upstreams: [{ addr: "10.244.2.21:3000", responseLength: 612, responseTimeSeconds: 0.001, status: 200 }],
      requestId: "6f1c2a9d0b3e4f5a6b7c8d9e0f1a2b3c",
    });
    expect(line).toBe('198.51.100.7 - - [01/May/2025:09:00:00 +0000] "GET /users?page=2 HTTP/1.1" 200 612 "-" "curl/8.11.1" 93 0.001 [production-user-service-80] [] 10.244.2.21:3000 612 0.001 200 6f1c2a9d0b3e4f5a6b7c8d9e0f1a2b3c');
  });

  test("retries list every upstream tried, comma-separated, as nginx's $upstream_* variables do", () => {
    const line = formatAccessLogLine({
      remoteAddr: "10.244.1.3",
      time: new Date("2025-12-31T23:59:59Z"),
      request: "GET / HTTP/1.1",
      status: 504,
      bodyBytesSent: 160,
      requestLength: 70,
      requestTimeSeconds: 10,
      proxyUpstreamName: "shop-web-80",
      upstreams: [
        { addr: "10.244.1.5:80", responseLength: 0, responseTimeSeconds: 5, status: 504 },
        { addr: "10.244.2.6:80", responseLength: 0, responseTimeSeconds: 5, status: 504 },
      ],
      requestId: "00000000000000000000000000000000",
    });
    expect(line).toBe('10.244.1.3 - - [31/Dec/2025:23:59:59 +0000] "GET / HTTP/1.1" 504 160 "-" "-" 70 10.000 [shop-web-80] [] 10.244.1.5:80, 10.244.2.6:80 0, 0 5.000, 5.000 504, 504 00000000000000000000000000000000');
  });

  test("quotes in logged values are escaped as nginx does (\\x22)", () => {
    expect(formatAccessLogLine({ remoteAddr: "1.2.3.4", time: new Date(0), request: "GET / HTTP/1.1", status: 404, bodyBytesSent: 146, userAgent: 'a"b', requestLength: 1, requestTimeSeconds: 0, requestId: "x" })).toContain('"a\\x22b"');
    expect(formatTimeLocal(new Date("2025-02-03T04:05:06Z"))).toBe("03/Feb/2025:04:05:06 +0000");
  });
});

describe("formatNginxErrorPage: nginx's built-in pages (src/http/ngx_http_special_response.c)", () => {
  test.each([
    [404, "404 Not Found", 146],
    [413, "413 Request Entity Too Large", 176],
    [502, "502 Bad Gateway", 150],
    [503, "503 Service Temporarily Unavailable", 190],
    [504, "504 Gateway Time-out", 160],
    [308, "308 Permanent Redirect", 164],
    [403, "403 Forbidden", 146],
  ])("%i: title and heading \"%s\", %i bytes", (status, title, bytes) => {
    const page = formatNginxErrorPage(status);
    expect(page).toBe(`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`);
    expect(page.length).toBe(bytes);
    expect(`${status} ${formatNginxReason(status)}`).toBe(title);
  });

  test("302's page says Found while its status line says Moved Temporarily", () => {
    expect(formatNginxReason(302)).toBe("Moved Temporarily");
    expect(formatNginxErrorPage(302)).toContain("<title>302 Found</title>");
  });
});

describe("matchIngressHost", () => {
  test.each([
    ["*.foo.com", "bar.foo.com", true],
    ["*.foo.com", "baz.bar.foo.com", false],
    ["*.foo.com", "foo.com", false],
    ["*.foo.com", ".foo.com", false],
    ["foo.bar.com", "FOO.BAR.COM", true],
    ["foo.bar.com", "foo.bar.com:443", true],
    ["foo.bar.com", null, false],
    ["foo.bar.com", "", false],
  ])("%s vs %s → %s", (rule, host, expected) => {
    expect(matchIngressHost(rule, host)).toBe(expected);
  });

  test("never throws, and a wildcard match always has exactly one more label", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (label, host) => {
        const matched = matchIngressHost(`*.${label || "x"}.com`, host);
        if (matched) expect(normalizeRequestHost(host)!.split(".").length).toBe(`${label || "x"}.com`.split(".").length + 1);
      }),
    );
  });
});

describe("parseRequestPath: nginx's $uri normalisation", () => {
  test.each([
    ["/foo/../bar", "/bar", ""],
    ["//aaa///bbb", "/aaa/bbb", ""],
    ["/a/./b/?x=1&y", "/a/b/", "x=1&y"],
    ["/%75sers", "/users", ""],
    ["", "/", ""],
    ["/..", "/", ""],
  ])("%s → uri %s, args %s", (target, uri, query) => {
    expect(parseRequestPath(target)).toEqual({ uri, query });
  });
});

describe("parseNginxAnnotations: defaults and fallbacks of ingress-nginx", () => {
  const withAnnotations = (annotations: Record<string, string>) => ingress("x", { defaultBackend: { service: "s" } }, { annotations }) as unknown as Ingress;
  test("defaults (internal/ingress/controller/config/config.go NewDefault)", () => {
    expect(parseNginxAnnotations(undefined)).toMatchObject({ sslRedirect: true, forceSslRedirect: false, proxyBodySize: "1m", proxyBodySizeBytes: 1048576, useRegex: false, backendProtocol: "HTTP", proxyConnectTimeoutSeconds: 5, proxyNextUpstreamTries: 3, invalid: [] });
  });
  test.each([
    ["8m", 8 * 1024 * 1024],
    ["512k", 512 * 1024],
    ["1g", 1024 ** 3],
    ["100", 100],
    ["0", 0],
    ["8 MB", undefined],
    ["-1", undefined],
  ])("nginx size %s → %s bytes", (text, bytes) => {
    expect(parseNginxSize(text)).toBe(bytes);
  });
  test("an invalid value keeps the default and is reported", () => {
    const parsed = parseNginxAnnotations(withAnnotations({ "nginx.ingress.kubernetes.io/ssl-redirect": "yes", "nginx.ingress.kubernetes.io/proxy-body-size": "8 MB" }));
    expect(parsed.sslRedirect).toBe(true);
    expect(parsed.proxyBodySize).toBe("1m");
    expect(parsed.invalid.map((i) => i.annotation)).toEqual(["nginx.ingress.kubernetes.io/proxy-body-size", "nginx.ingress.kubernetes.io/ssl-redirect"]);
  });
  test("whitelist-source-range is the older name of allowlist-source-range; single addresses are /32", () => {
    expect(parseNginxAnnotations(withAnnotations({ "nginx.ingress.kubernetes.io/whitelist-source-range": "10.0.0.0/24, 172.10.0.1" })).allowlistSourceRange).toEqual(["10.0.0.0/24", "172.10.0.1/32"]);
  });
});

describe("resolveControllerOfPod: flags as the controller reads them", () => {
  test.each([
    [[], { controllerClass: "k8s.io/ingress-nginx", annotationValue: "nginx", watchIngressWithoutClass: false }],
    [["--ingress-class=internal-nginx", "--controller-class=k8s.io/internal-ingress-nginx"], { controllerClass: "k8s.io/internal-ingress-nginx", annotationValue: "internal-nginx" }],
    [["--watch-ingress-without-class=false"], { watchIngressWithoutClass: false }],
    [["--watch-ingress-without-class"], { watchIngressWithoutClass: true }],
    [["--default-backend-service=$(POD_NAMESPACE)/fallback"], { defaultBackendService: { namespace: "ingress-nginx", name: "fallback" } }],
  ])("extra args %j", (extraArgs, expected) => {
    expect(resolveControllerOfPod(controllerPod({ extraArgs }) as unknown as Pod)).toMatchObject(expected);
  });
});

describe("routeIngress explains ingress-nginx's host-less rules", () => {
  test("a host-less path is not used for a Host that has its own rules", () => {
    const s = state([
      ingress("hosted", { rules: [{ host: "shop.example.com", paths: [{ path: "/cart", service: "cart" }] }] }),
      ingress("hostless", { rules: [{ paths: [{ path: "/health", service: "health" }] }] }),
    ]);
    expect(routeIngress(s, { host: "other.example.com", path: "/health" })?.backend.service?.name).toBe("health");
    const trace = traceIngressRoute(s, { host: "shop.example.com", path: "/health" });
    expect(trace.route).toBeNull();
    const hop = trace.hops.find((h) => h.object?.name === "hostless");
    expect(hop?.field).toBe("spec.rules[0].http.paths[0].path");
    expect(hop?.summary).toContain("only uses host-less rules for Hosts no rule names");
  });
});
