import { resolveTargetPort } from "@/lib/sim/proxy/build-service-endpoints";
import type { PortForward } from "../session/shell-host";
import { failWith, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { resolvePodTarget } from "./resolve-pod-target";
import { resolveResourceType } from "./resource-types";

/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE…` (k8s.io/kubectl pkg/cmd/portforward/portforward.go): a
 * Service or workload is resolved to one pod, and for a Service the remote port is the Service port translated
 * to that pod's targetPort (translateServicePortToTargetPort). kubectl then prints one `Forwarding from` line per
 * address family and holds the terminal; with `&` it runs as a background job.
 */
export const portForwardVerb: KubectlVerb = {
  summary: "Forward one or more local ports to a pod.",
  flags: [{ long: "address" }, { long: "pod-running-timeout" }],
  run(flags, context) {
    const host = context.session;
    const [target, ...specs] = flags.positionals;
    if (!target || specs.length === 0) return failWith("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    const namespace = requestNamespace(flags, host);
    const resolved = resolvePodTarget(host, target, namespace);
    if ("error" in resolved) return failWith(resolved.error);
    const pod = resolved.pod;
    const slash = target.indexOf("/");
    const service = slash > 0 && resolveResourceType(target.slice(0, slash)) === "Service" ? host.cluster.get("Service", target.slice(slash + 1), namespace) : undefined;
    const forwards: PortForward[] = [];
    for (const spec of specs) {
      const [localText, remoteText] = spec.includes(":") ? spec.split(":") : [spec, spec];
      const remote = Number(remoteText);
      const local = localText === "" ? 40000 + forwards.length : Number(localText);
      if (!Number.isInteger(remote) || !Number.isInteger(local) || remote < 1 || remote > 65535 || local < 0 || local > 65535) return failWith(`error: Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax\n`);
      let podPort = remote;
      if (service) {
        const servicePort = service.spec?.ports?.find((p) => p.port === remote);
        if (!servicePort) return failWith(`error: Service ${service.metadata.name} does not have a service port ${remote}\n`);
        const translated = resolveTargetPort(pod, servicePort);
        if (translated === undefined) return failWith(`error: Service ${service.metadata.name} does not have a named port '${String(servicePort.targetPort)}' in pod ${pod.metadata.name}\n`);
        podPort = translated;
      }
      if (host.findPortForward(local)) {
        return failWith(
          `Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${local}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${local} ${podPort}}]\n`,
        );
      }
      forwards.push({ localPort: local, namespace: pod.metadata.namespace ?? namespace, pod: pod.metadata.name, podPort });
    }
    if (pod.status?.phase !== "Running") return failWith(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Pending"}\n`);
    const job = host.startPortForward(forwards, context.argv.join(" "), context.background === true);
    const lines = forwards.map((f) => `Forwarding from 127.0.0.1:${f.localPort} -> ${f.podPort}\nForwarding from [::1]:${f.localPort} -> ${f.podPort}\n`).join("");
    return { stdout: lines, stderr: context.background ? `[${job.id}] ${job.pid}\n` : "", exitCode: 0 };
  },
};
