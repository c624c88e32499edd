import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { parseImageReference } from "@/lib/sim/images/parse-image-reference";
import { findKnownImage } from "@/lib/sim/images/known-images";
import { findListener, listPodListeners } from "@/lib/sim/images/find-listener";
import { buildContainerLogs } from "@/lib/sim/images/build-container-logs";
import type { Pod } from "@/lib/sim/objects/kinds";
import { pod, type PodOptions } from "@/tests/sim/network/networking-fixture";

const asPod = (o: PodOptions) => ({ ...pod("p", o), metadata: { ...pod("p", o).metadata, creationTimestamp: "2025-05-01T09:00:00Z" } }) as unknown as Pod;

// distribution/reference normalize.go: Docker Hub default, library/ for official images, latest tag.
describe("parseImageReference", () => {
  test.each([
    { image: "nginx", name: "docker.io/library/nginx", tag: "latest" },
    { image: "nginx:1.27-alpine", name: "docker.io/library/nginx", tag: "1.27-alpine" },
    { image: "docker.io/library/nginx:1.27", name: "docker.io/library/nginx", tag: "1.27" },
    { image: "hashicorp/http-echo:1.0", name: "docker.io/hashicorp/http-echo", tag: "1.0" },
    { image: "registry.k8s.io/e2e-test-images/agnhost:2.52", name: "registry.k8s.io/e2e-test-images/agnhost", tag: "2.52" },
    { image: "localhost:5000/app", name: "localhost:5000/app", tag: "latest" },
    { image: "nginx@sha256:abc", name: "docker.io/library/nginx", tag: "latest" },
  ])("$image", ({ image, name, tag }) => {
    expect(parseImageReference(image)).toMatchObject({ name, tag });
  });
  test.each(["", "  ", "a b", "nginx:"])("rejects %j", (image) => {
    expect(parseImageReference(image)).toBeUndefined();
  });
  test("never throws", () => {
    fc.assert(fc.property(fc.string(), (s) => { parseImageReference(s); findKnownImage(s); }));
  });
});

describe("findKnownImage and listeners", () => {
  test.each([
    { label: "nginx listens on 80", o: { image: "nginx:1.27" }, ports: ["80/TCP"] },
    { label: "nginx-unprivileged on 8080", o: { image: "nginxinc/nginx-unprivileged:1.27" }, ports: ["8080/TCP"] },
    { label: "httpd on 80", o: { image: "httpd:2.4" }, ports: ["80/TCP"] },
    { label: "http-echo default :5678", o: { image: "hashicorp/http-echo" }, ports: ["5678/TCP"] },
    { label: "http-echo -listen=:8080", o: { image: "hashicorp/http-echo", args: ["-listen=:8080", "-text=hi"] }, ports: ["8080/TCP"] },
    { label: "agnhost netexec defaults", o: { image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["netexec"] }, ports: ["8080/TCP", "8081/UDP"] },
    { label: "agnhost netexec --http-port=9000", o: { image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["netexec", "--http-port=9000", "--udp-port=9001"] }, ports: ["9000/TCP", "9001/UDP"] },
    { label: "agnhost serve-hostname", o: { image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["serve-hostname"] }, ports: ["9376/TCP"] },
    { label: "agnhost with no server subcommand", o: { image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["pause"] }, ports: [] },
    { label: "echoserver (old k8s.gcr.io name)", o: { image: "k8s.gcr.io/echoserver:1.4" }, ports: ["8080/TCP", "8443/TCP"] },
    { label: "postgres", o: { image: "postgres:16" }, ports: ["5432/TCP"] },
    { label: "redis", o: { image: "redis:7-alpine" }, ports: ["6379/TCP"] },
    { label: "busybox has no server", o: { image: "busybox:1.36", ports: [{ containerPort: 8080 }] }, ports: [] },
    { label: "netshoot has no server", o: { image: "nicolaka/netshoot" }, ports: [] },
    { label: "course backend-api on 3000", o: { image: "ghcr.io/k8s-netlab/backend-api:1.0" }, ports: ["3000/TCP"] },
    { label: "course backend-api honours PORT", o: { image: "ghcr.io/k8s-netlab/backend-api:1.0", env: [{ name: "PORT", value: "8080" }] }, ports: ["8080/TCP"] },
    { label: "unknown image: its declared containerPorts", o: { image: "example.org/app:1", ports: [{ containerPort: 9000 }, { containerPort: 9001, protocol: "UDP" }] }, ports: ["9000/TCP", "9001/UDP"] },
    { label: "nginx ignores a wrong containerPort", o: { image: "nginx", ports: [{ containerPort: 3000 }] }, ports: ["80/TCP"] },
  ])("$label", ({ o, ports }) => {
    expect(listPodListeners(asPod(o as PodOptions)).map((l) => `${l.port}/${l.protocol}`)).toEqual(ports);
  });

  test("findListener matches protocol", () => {
    const p = asPod({ image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["netexec"] });
    expect(findListener(p, 8081, "UDP")?.purpose).toBe("udp");
    expect(findListener(p, 8081, "TCP")).toBeUndefined();
  });
});

describe("buildContainerLogs", () => {
  test.each([
    { label: "nginx entrypoint", o: { image: "nginx:1.27" }, line: "/docker-entrypoint.sh: Configuration complete; ready for start up" },
    { label: "http-echo", o: { image: "hashicorp/http-echo", args: ["-text=hi"] }, line: "2025/05/01 09:00:00 [INFO] server is listening on :5678" },
    { label: "postgres", o: { image: "postgres:16" }, line: "2025-05-01 09:00:00.000 UTC [1] LOG:  database system is ready to accept connections" },
    { label: "agnhost netexec", o: { image: "registry.k8s.io/e2e-test-images/agnhost:2.52", args: ["netexec"] }, line: "Started HTTP server on port 8080" },
  ])("$label", ({ o, line }) => {
    expect(buildContainerLogs(asPod(o as PodOptions))).toContain(line);
  });
  test("unknown image and unknown container print nothing", () => {
    expect(buildContainerLogs(asPod({ image: "example.org/app" }))).toEqual([]);
    expect(buildContainerLogs(asPod({ image: "nginx" }), "sidecar")).toEqual([]);
  });
});
