import { parseImageReference } from "@/lib/sim/images/parse-image-reference";

/** A tool a container image ships. Shell built-ins (cd, echo, exit, env…) exist everywhere and are not listed. */
export type ToolName = "curl" | "wget" | "nslookup" | "dig" | "host" | "ping" | "nc" | "ip" | "hostname" | "cat" | "grep" | "head" | "tail" | "wc" | "sort" | "uniq";

const COREUTILS: readonly ToolName[] = ["cat", "grep", "head", "tail", "wc", "sort", "uniq", "hostname"];
const BUSYBOX: readonly ToolName[] = [...COREUTILS, "wget", "nslookup", "ping", "nc", "ip"];

export interface ImageToolbox {
  tools: ReadonlySet<ToolName>;
  /** The shell `kubectl exec … -- sh` finds: BusyBox ash on Alpine/BusyBox images, bash on Debian ones. */
  shells: readonly ("bash" | "sh" | "zsh")[];
  /**
   * nslookup's flavour: BIND 9's (`Address: 10.96.0.10#53`), BusyBox's (`Address: 10.96.0.10:53`), or the
   * getaddrinfo-based applet BusyBox shipped before its nslookup was replaced (`Address 1: 10.96.0.10 kube-dns…`).
   */
  nslookup: "bind" | "busybox" | "busybox-legacy";
  /** ping's flavour: iputils or BusyBox. */
  ping: "iputils" | "busybox";
  /** nc's flavour: OpenBSD netcat or BusyBox's. */
  nc: "openbsd" | "busybox";
}

const toolbox = (tools: readonly ToolName[], shells: ImageToolbox["shells"], flavour: "busybox" | "full"): ImageToolbox => ({
  tools: new Set(tools),
  shells,
  nslookup: flavour === "full" ? "bind" : "busybox",
  ping: flavour === "full" ? "iputils" : "busybox",
  nc: flavour === "full" ? "openbsd" : "busybox",
});

/**
 * Which tools an image has (besides the shell's own commands, cd, pwd, ls, sleep, date, whoami, everywhere), kept deliberately simple and close to the real images:
 * - nicolaka/netshoot (Alpine with bind-tools, curl, iputils, iproute2, netcat-openbsd, bash, zsh): everything;
 * - busybox, alpine: BusyBox applets (wget, nslookup, ping, nc, ip), no curl or dig, only sh; busybox:1.28 and
 *   older, and gcr.io/google-containers/busybox, keep the old getaddrinfo-based nslookup applet (BusyBox
 *   networking/nslookup.c before the LEDE rewrite), the one the Kubernetes DNS pages were written with;
 * - curlimages/curl: Alpine's BusyBox plus curl;
 * - nginx, httpd (Debian): bash, coreutils and curl (the nginx image installs curl), no DNS or ping tools;
 * - anything else: sh and coreutils only.
 */
export function resolveImageToolbox(image: string | undefined): ImageToolbox {
  const name = (image ? parseImageReference(image)?.name : undefined) ?? "";
  const tag = (image ? parseImageReference(image)?.tag : undefined) ?? "";
  if (name === "docker.io/nicolaka/netshoot") return toolbox([...BUSYBOX, "curl", "dig", "host"], ["bash", "sh", "zsh"], "full");
  if (name === "gcr.io/google-containers/busybox" || (name === "docker.io/library/busybox" && isLegacyBusyBoxTag(tag))) {
    return { ...toolbox(BUSYBOX, ["sh"], "busybox"), nslookup: "busybox-legacy" };
  }
  if (name === "docker.io/library/busybox" || name === "docker.io/library/alpine") return toolbox(BUSYBOX, ["sh"], "busybox");
  if (name === "docker.io/curlimages/curl") return toolbox([...BUSYBOX, "curl"], ["sh"], "busybox");
  if (name === "docker.io/library/nginx" || name === "docker.io/nginxinc/nginx-unprivileged") {
    return /alpine/.test(tag) ? toolbox([...BUSYBOX, "curl"], ["sh"], "busybox") : toolbox([...COREUTILS, "curl"], ["bash", "sh"], "full");
  }
  if (name === "docker.io/library/httpd" || name === "docker.io/library/postgres" || name === "docker.io/library/redis") return toolbox(COREUTILS, ["bash", "sh"], "full");
  return toolbox(COREUTILS, ["sh"], "busybox");
}

/** busybox:1.28, 1.28.4, 1.27-glibc…: BusyBox releases up to 1.28, whose nslookup is the old applet. */
function isLegacyBusyBoxTag(tag: string): boolean {
  const version = /^1\.(\d+)(?:[.-]|$)/.exec(tag);
  return version !== null && Number(version[1]) <= 28;
}

/** The image's preferred interactive shell: bash where the image has it, else sh. */
export function preferredShell(image: string | undefined): "bash" | "sh" | "zsh" {
  return resolveImageToolbox(image).shells[0];
}

/** `/bin/bash` → bash, `ash` or `sh` → sh: which shell a command line starts. */
export function normalizeShellName(program: string): "bash" | "sh" | "zsh" {
  const base = program.replace(/^.*\//, "");
  return base === "bash" ? "bash" : base === "zsh" ? "zsh" : "sh";
}
