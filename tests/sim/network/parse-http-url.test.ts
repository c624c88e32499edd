import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { parseHttpUrl } from "@/lib/sim/network/parse-http-url";

// https://curl.se/docs/url-syntax.html: scheme optional (http), default ports 80/443, path defaults to "/".
describe("parseHttpUrl", () => {
  test.each([
    { url: "my-backend-api.production.svc.cluster.local", want: { scheme: "http", host: "my-backend-api.production.svc.cluster.local", port: 80, path: "/", query: "", explicitPort: false } },
    { url: "http://my-service:80", want: { scheme: "http", host: "my-service", port: 80, path: "/", query: "", explicitPort: true } },
    { url: "https://api.example.com/users?id=1#top", want: { scheme: "https", host: "api.example.com", port: 443, path: "/users", query: "id=1", explicitPort: false } },
    { url: "HTTP://Web.Demo:8080/a/b", want: { scheme: "http", host: "web.demo", port: 8080, path: "/a/b", query: "", explicitPort: true } },
    { url: "http://user:pw@10.96.0.1:443/", want: { scheme: "http", host: "10.96.0.1", port: 443, path: "/", query: "", explicitPort: true } },
  ])("$url", ({ url, want }) => {
    expect(parseHttpUrl(url)).toEqual({ ok: true, value: want });
  });

  test.each([
    { url: "ftp://x/", code: 1 },
    { url: "http://", code: 3 },
    { url: "http://x:70000/", code: 3 },
  ])("$url → curl ($code)", ({ url, code }) => {
    const result = parseHttpUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  test("never throws", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => { parseHttpUrl(s); }));
  });
});
