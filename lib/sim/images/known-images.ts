import type { IContainer } from "kubernetes-models/v1/Container";
import type { Protocol } from "../network/trace";
import { parseImageReference } from "./parse-image-reference";
import { parseListenPort, readContainerEnv, readContainerFlag, readSubcommand } from "./container-args";

/** How a server image answers an HTTP request; `none` means it listens but does not speak HTTP. */
export type HttpBehaviour =
  | "nginx-welcome"
  | "httpd-it-works"
  | "http-echo"
  | "agnhost-netexec"
  | "agnhost-serve-hostname"
  | "hello-app"
  | "echoserver"
  | "health-endpoint"
  | "course-json"
  | "ingress-controller"
  | "postgres"
  | "redis";

export interface ListeningPort {
  port: number;
  protocol: Protocol;
  /** Which of the image's servers this is (`http`, `metrics`, `dns`), for traces. */
  purpose: string;
  http?: HttpBehaviour;
}

export interface LogContext {
  podName: string;
  podIP?: string;
  /** RFC 3339 instant the container started. */
  startedAt: string;
}

export interface KnownImage {
  /** `docker.io/library/nginx`: registry and repository, any tag. */
  name: string;
  description: string;
  /** Ports the process binds given the container's command, args and env. Empty for client-only images. */
  listens(container: IContainer): ListeningPort[];
  /** What the process prints at start, as `kubectl logs` would show it. */
  startupLogs(container: IContainer, context: LogContext): string[];
}

/** `2025/05/01 09:00:00`, the timestamp layout of Go's log package and of nginx's error log. */
export function formatLogTimestamp(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2}).*$/, "$1/$2/$3 $4");
}

/** `2025-05-01 09:00:00.000 UTC`, PostgreSQL's %m. */
function formatPostgresTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?/.exec(iso);
  if (!match) return iso;
  return `${match[1]} ${match[2]}${(match[3] ?? ".000").slice(0, 4).padEnd(4, "0")} UTC`;
}

const tcp = (port: number, purpose: string, http?: HttpBehaviour): ListeningPort => ({ port, protocol: "TCP", purpose, http });

/** The course's own sample applications: small HTTP APIs that answer JSON and honour PORT (default 3000). */
function courseApp(name: string, description: string): KnownImage {
  return {
    name: `ghcr.io/k8s-netlab/${name}`,
    description,
    listens: (c) => [tcp(parseListenPort(readContainerEnv(c, "PORT")) ?? 3000, "http", "course-json")],
    startupLogs: (c, ctx) => [`${name} listening on port ${parseListenPort(readContainerEnv(c, "PORT")) ?? 3000} (pod ${ctx.podName})`],
  };
}

const CATALOG: readonly KnownImage[] = [
  {
    // https://hub.docker.com/_/nginx: the default server block listens on 80 and serves the welcome page.
    name: "docker.io/library/nginx",
    description: "nginx web server (default site on port 80)",
    listens: () => [tcp(80, "http", "nginx-welcome")],
    startupLogs: (_c, ctx) => [
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
      `${formatLogTimestamp(ctx.startedAt)} [notice] 1#1: using the "epoll" event method`,
      `${formatLogTimestamp(ctx.startedAt)} [notice] 1#1: start worker processes`,
    ],
  },
  {
    // https://hub.docker.com/r/nginxinc/nginx-unprivileged: same site, on 8080 so it can run as non-root.
    name: "docker.io/nginxinc/nginx-unprivileged",
    description: "nginx running as non-root (port 8080)",
    listens: () => [tcp(8080, "http", "nginx-welcome")],
    startupLogs: (_c, ctx) => [
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
      `${formatLogTimestamp(ctx.startedAt)} [notice] 1#1: start worker processes`,
    ],
  },
  {
    // https://hub.docker.com/_/httpd: Apache's default DocumentRoot page is "It works!".
    name: "docker.io/library/httpd",
    description: "Apache httpd (port 80)",
    listens: () => [tcp(80, "http", "httpd-it-works")],
    startupLogs: (_c, ctx) => [
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP ?? "127.0.0.1"}. Set the 'ServerName' directive globally to suppress this message`,
      "[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations",
    ],
  },
  {
    // https://github.com/hashicorp/http-echo: `-listen` defaults to :5678, `-text` is the whole body.
    name: "docker.io/hashicorp/http-echo",
    description: "returns its -text argument (port 5678, or -listen)",
    listens: (c) => [tcp(parseListenPort(readContainerFlag(c, "listen")) ?? 5678, "http", "http-echo")],
    startupLogs: (c, ctx) => [
      `${formatLogTimestamp(ctx.startedAt)} [INFO] server is listening on :${parseListenPort(readContainerFlag(c, "listen")) ?? 5678}`,
    ],
  },
  {
    // kubernetes/kubernetes test/images/agnhost: `netexec` serves HTTP on --http-port (8080) and UDP on
    // --udp-port (8081); `serve-hostname` answers its hostname on --port (9376).
    name: "registry.k8s.io/e2e-test-images/agnhost",
    description: "Kubernetes e2e test server (netexec: HTTP 8080, UDP 8081)",
    listens: (c) => {
      const sub = readSubcommand(c);
      if (sub === "serve-hostname") return [tcp(parseListenPort(readContainerFlag(c, "port")) ?? 9376, "http", "agnhost-serve-hostname")];
      if (sub !== "netexec") return [];
      const udp = parseListenPort(readContainerFlag(c, "udp-port")) ?? 8081;
      return [tcp(parseListenPort(readContainerFlag(c, "http-port")) ?? 8080, "http", "agnhost-netexec"), { port: udp, protocol: "UDP", purpose: "udp" }];
    },
    startupLogs: (c) => {
      const sub = readSubcommand(c);
      if (sub === "serve-hostname") return [`Serving on port ${parseListenPort(readContainerFlag(c, "port")) ?? 9376}.`];
      if (sub !== "netexec") return [];
      return [
        `Started HTTP server on port ${parseListenPort(readContainerFlag(c, "http-port")) ?? 8080}`,
        `Started UDP server on port ${parseListenPort(readContainerFlag(c, "udp-port")) ?? 8081}`,
      ];
    },
  },
  {
    // registry.k8s.io/echoserver (kubernetes/ingress-nginx images/echo): nginx+lua echoing the request, 8080/8443.
    name: "registry.k8s.io/echoserver",
    description: "echoes the request and the pod's hostname (HTTP 8080, HTTPS 8443)",
    listens: () => [tcp(8080, "http", "echoserver"), tcp(8443, "https")],
    startupLogs: () => ["Generating self-signed cert", "Starting nginx"],
  },
  {
    // https://hub.docker.com/_/postgres: listens on 5432 once initdb has run.
    name: "docker.io/library/postgres",
    description: "PostgreSQL server (port 5432, not HTTP)",
    listens: () => [tcp(5432, "postgresql", "postgres")],
    // log_line_prefix '%m [%p] ': the timestamp with milliseconds, then the postmaster's PID.
    startupLogs: (_c, ctx) => [
      `${formatPostgresTimestamp(ctx.startedAt)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${formatPostgresTimestamp(ctx.startedAt)} [1] LOG:  database system is ready to accept connections`,
    ],
  },
  {
    // https://hub.docker.com/_/redis: listens on 6379.
    name: "docker.io/library/redis",
    description: "Redis server (port 6379, not HTTP)",
    listens: () => [tcp(6379, "redis", "redis")],
    startupLogs: () => ["1:M * Server initialized", "1:M * Ready to accept connections tcp"],
  },
  {
    // kubernetes/kubernetes cluster/addons/dns/coredns: 53 UDP+TCP, metrics 9153, health 8080, ready 8181.
    name: "registry.k8s.io/coredns/coredns",
    description: "CoreDNS (DNS on 53, metrics 9153, health 8080)",
    listens: () => [
      { port: 53, protocol: "UDP", purpose: "dns" },
      tcp(53, "dns-tcp"),
      tcp(9153, "metrics", "health-endpoint"),
      tcp(8080, "health", "health-endpoint"),
      tcp(8181, "ready", "health-endpoint"),
    ],
    startupLogs: () => [".:53", "[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b", "CoreDNS-1.11.3"],
  },
  {
    // kubernetes/ingress-nginx: HTTP 80, HTTPS 443, admission webhook 8443, healthz/metrics 10254.
    name: "registry.k8s.io/ingress-nginx/controller",
    description: "ingress-nginx controller (80, 443; webhook 8443; healthz 10254)",
    listens: () => [tcp(80, "http", "ingress-controller"), tcp(443, "https", "ingress-controller"), tcp(8443, "webhook"), tcp(10254, "healthz", "health-endpoint")],
    startupLogs: () => [
      "-------------------------------------------------------------------------------",
      "NGINX Ingress controller",
      "-------------------------------------------------------------------------------",
      "Starting NGINX Ingress controller",
    ],
  },
  {
    // GoogleCloudPlatform/kubernetes-engine-samples quickstarts/hello-app/main.go: listens on PORT (8080) and
    // answers every path "Hello, world!", its version and its hostname; the Kubernetes Ingress-on-Minikube page
    // and the GKE quickstarts deploy it.
    name: "gcr.io/google-samples/hello-app",
    description: "Google's hello-app sample (HTTP 8080: Hello, world!, version, hostname)",
    listens: (c) => [tcp(parseListenPort(readContainerEnv(c, "PORT")) ?? 8080, "http", "hello-app")],
    startupLogs: (c, ctx) => [`${formatLogTimestamp(ctx.startedAt)} Server listening on port ${parseListenPort(readContainerEnv(c, "PORT")) ?? 8080}`],
  },
  { name: "docker.io/library/busybox", description: "BusyBox shell and tools (no server)", listens: () => [], startupLogs: () => [] },
  { name: "docker.io/nicolaka/netshoot", description: "network troubleshooting tools (no server)", listens: () => [], startupLogs: () => [] },
  { name: "docker.io/curlimages/curl", description: "curl (no server)", listens: () => [], startupLogs: () => [] },
  courseApp("backend-api", "the course's sample backend API (HTTP 3000, JSON)"),
  courseApp("user-service", "the course's sample user service (HTTP 3000, JSON)"),
  courseApp("main-api", "the course's sample main API (HTTP 3000, JSON)"),
];

/** The catalog entry for an image reference in any spelling (`nginx`, `nginx:1.27`, `docker.io/library/nginx@sha256:…`). */
export function findKnownImage(image: string | undefined): KnownImage | undefined {
  if (image === undefined) return undefined;
  const reference = parseImageReference(image);
  if (!reference) return undefined;
  // registry.k8s.io is also served under its old name k8s.gcr.io; echoserver lived there.
  const name = reference.name.replace(/^k8s\.gcr\.io\//, "registry.k8s.io/");
  return CATALOG.find((entry) => entry.name === name);
}

export function listKnownImages(): readonly KnownImage[] {
  return CATALOG;
}
