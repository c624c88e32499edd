import type { ManifestObject } from "@/lib/sim/objects/meta";
import { isKind, type Kind } from "@/lib/sim/objects/kinds";
import type { CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { applyManifests, resolveDryRun } from "./apply-manifests";
import { buildDeployment, buildIngress, buildNamespace, buildService, decorateDryRun, type ServiceFlavour } from "./build-created-objects";
import { formatJson, formatYaml } from "./format-object-output";
import { flagValue, flagValues, type ParsedFlags } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { formatResourcePrefix } from "./resource-types";

/** Sends one generated object, or prints it for `--dry-run=client -o yaml|json`. */
export function createObject(host: ShellHost, flags: ParsedFlags, object: ManifestObject, namespace: string, action = "created"): CommandResult {
  const dryRun = resolveDryRun(flags);
  if (typeof dryRun === "object") return failWith(dryRun.error);
  const output = flagValue(flags, "output");
  const kind = object.kind as Kind;
  const name = (object.metadata as { name: string }).name;
  const prefix = isKind(kind) ? formatResourcePrefix(kind) : String(kind).toLowerCase();
  if (dryRun === "client") {
    const shown = decorateDryRun(object);
    if (output === "yaml") return { stdout: formatYaml(shown), stderr: "", exitCode: 0 };
    if (output === "json") return { stdout: formatJson(shown), stderr: "", exitCode: 0 };
    if (output === "name") return { stdout: `${prefix}/${name}\n`, stderr: "", exitCode: 0 };
    return { stdout: `${prefix}/${name} ${action} (dry run)\n`, stderr: "", exitCode: 0 };
  }
  const result = host.cluster.create(object, { namespace });
  if (!result.ok) return failWith(formatStatusError(result.error));
  if (output === "yaml") return { stdout: formatYaml(result.value.object), stderr: "", exitCode: 0 };
  if (output === "name") return { stdout: `${prefix}/${name}\n`, stderr: "", exitCode: 0 };
  return { stdout: `${prefix}/${name} ${action}\n`, stderr: "", exitCode: 0 };
}

function requireName(args: readonly string[], what: string): string | CommandResult {
  return args[0] ?? failWith(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${what} -h' for help and examples\n`);
}

/**
 * `kubectl create -f` and the generators the course uses: namespace, deployment, service
 * clusterip|nodeport|loadbalancer|externalname, ingress.
 */
export const createVerb: KubectlVerb = {
  summary: "Create a resource from a file or from stdin.",
  flags: [
    { long: "filename", short: "f", repeated: true },
    { long: "dry-run" },
    { long: "output", short: "o" },
    { long: "image", repeated: true },
    { long: "replicas", short: "r" },
    { long: "port" },
    { long: "tcp", repeated: true },
    { long: "node-port" },
    { long: "external-name" },
    { long: "clusterip" },
    { long: "rule", repeated: true },
    { long: "class" },
    { long: "default-backend" },
    { long: "save-config", boolean: true },
  ],
  run(flags, { session: host, stdin }) {
    const namespace = requestNamespace(flags, host);
    if (flagValues(flags, "filename").length > 0) return applyManifests(host, flags, stdin, "create", flagValue(flags, "namespace"));
    const [what, ...rest] = flags.positionals;
    switch (what) {
      case "namespace":
      case "ns": {
        const name = requireName(rest, "namespace");
        return typeof name === "string" ? createObject(host, flags, buildNamespace(name), namespace) : name;
      }
      case "deployment":
      case "deploy": {
        const name = requireName(rest, "deployment");
        if (typeof name !== "string") return name;
        const images = flagValues(flags, "image");
        if (images.length === 0) return failWith("error: required flag(s) \"image\" not set\n");
        const replicas = Number(flagValue(flags, "replicas") ?? "1");
        const port = flagValue(flags, "port");
        return createObject(host, flags, buildDeployment(name, images, replicas, port === undefined ? undefined : Number(port)), namespace);
      }
      case "service":
      case "svc": {
        const flavour = rest[0] as ServiceFlavour | undefined;
        if (!flavour || !["clusterip", "nodeport", "loadbalancer", "externalname"].includes(flavour)) {
          return failWith("error: Create a service using a specified subcommand: clusterip, externalname, loadbalancer, nodeport\nSee 'kubectl create service -h' for help and examples\n");
        }
        const name = requireName(rest.slice(1), `service ${flavour}`);
        if (typeof name !== "string") return name;
        const nodePort = flagValue(flags, "node-port");
        const built = buildService(name, flavour, flagValues(flags, "tcp"), { nodePort: nodePort ? Number(nodePort) : undefined, externalName: flagValue(flags, "external-name"), clusterIP: flagValue(flags, "clusterip") });
        return "error" in built ? failWith(`${built.error}\n`) : createObject(host, flags, built, namespace);
      }
      case "ingress":
      case "ing": {
        const name = requireName(rest, "ingress");
        if (typeof name !== "string") return name;
        const built = buildIngress(name, flagValues(flags, "rule"), flagValue(flags, "class"), flagValue(flags, "default-backend"));
        return "error" in built ? failWith(`${built.error}\n`) : createObject(host, flags, built, namespace);
      }
      case undefined:
        return failWith("error: must specify one of -f and -k\n\n");
      default:
        return failWith(`error: unknown command "${what}" for "kubectl create"\nSee 'kubectl create -h' for help and examples\n`);
    }
  },
};
