import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Pod } from "@/lib/sim/objects/kinds";

/**
 * The environment a container starts with (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables and pkg/kubelet/envvars/envvars.go FromServices): the image's PATH and HOME, HOSTNAME,
 * the container's env, and — with enableServiceLinks (the default) — `{NAME}_SERVICE_HOST`, `{NAME}_PORT_…`
 * for every Service of the pod's namespace that has a ClusterIP and existed when the pod started, plus the
 * `kubernetes` Service of default.
 * https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables
 */
export function buildPodEnvironment(state: ClusterState, pod: Pod, containerName: string): Record<string, string> {
  const container = pod.spec?.containers?.find((c) => c.name === containerName) ?? pod.spec?.containers?.[0];
  const env: Record<string, string> = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: pod.spec?.hostname ?? pod.metadata.name,
    HOME: "/root",
  };
  const namespace = pod.metadata.namespace ?? "default";
  // The kubelet reads the Services when it starts the container, so a Service created after the pod started is
  // not in its environment ("you created the replicas before the Service",
  // https://kubernetes.io/docs/tutorials/services/connect-applications-service/#environment-variables).
  const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp);
  const existedAtStart = (service: { metadata: { creationTimestamp: string } }) => !(Date.parse(service.metadata.creationTimestamp) > started);
  const services = state.list("Service", namespace).filter((s) => s.spec?.clusterIP && s.spec.clusterIP !== "None" && existedAtStart(s));
  const kubernetes = state.get("Service", "kubernetes", "default");
  if (pod.spec?.enableServiceLinks === false) {
    if (kubernetes && namespace !== "default") services.splice(0, services.length);
    else services.splice(0, services.length, ...(kubernetes ? [kubernetes] : []));
  } else if (kubernetes && namespace !== "default" && existedAtStart(kubernetes)) services.push(kubernetes);
  for (const service of services) {
    const name = service.metadata.name.toUpperCase().replace(/-/g, "_");
    const ip = service.spec?.clusterIP ?? "";
    const ports = service.spec?.ports ?? [];
    if (ports.length === 0) continue;
    env[`${name}_SERVICE_HOST`] = ip;
    env[`${name}_SERVICE_PORT`] = String(ports[0].port);
    for (const port of ports) if (port.name) env[`${name}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, "_")}`] = String(port.port);
    const first = ports[0];
    env[`${name}_PORT`] = `${(first.protocol ?? "TCP").toLowerCase()}://${ip}:${first.port}`;
    for (const port of ports) {
      const protocol = port.protocol ?? "TCP";
      const prefix = `${name}_PORT_${port.port}_${protocol}`;
      env[prefix] = `${protocol.toLowerCase()}://${ip}:${port.port}`;
      env[`${prefix}_PROTO`] = protocol.toLowerCase();
      env[`${prefix}_PORT`] = String(port.port);
      env[`${prefix}_ADDR`] = ip;
    }
  }
  for (const variable of container?.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value;
  if (container?.tty) env.TERM = "xterm";
  return env;
}
