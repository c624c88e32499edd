import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IProbe } from "kubernetes-models/v1/Probe";

/**
 * SetDefaults_PodSpec, SetDefaults_Pod and SetDefaults_Container
 * (kubernetes/kubernetes pkg/apis/core/v1/defaults.go). Mutates the spec it is given.
 */
export function defaultPodSpec(spec: IPodSpec): void {
  spec.dnsPolicy ??= "ClusterFirst";
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  spec.enableServiceLinks ??= true;
  for (const volume of spec.volumes ?? []) {
    // SetDefaults_Volume: a volume without a source is an emptyDir.
    if (Object.keys(volume).every((key) => key === "name")) volume.emptyDir = {};
  }
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    defaultContainer(container, spec.hostNetwork === true);
  }
}

function defaultContainer(container: IContainer, hostNetwork: boolean): void {
  container.imagePullPolicy ??= imagePullPolicyFor(container.image ?? "");
  container.terminationMessagePath ??= "/dev/termination-log";
  container.terminationMessagePolicy ??= "File";
  for (const port of container.ports ?? []) {
    port.protocol ??= "TCP";
    // SetDefaults_PodSpec: with hostNetwork the host port is the container port.
    if (hostNetwork && port.hostPort === undefined) port.hostPort = port.containerPort;
  }
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) defaultProbe(probe);
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(probe: IProbe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ??= "/";
    probe.httpGet.scheme ??= "HTTP";
  }
}

/**
 * `Always` for `:latest` or an untagged image, `IfNotPresent` otherwise (an image pinned by digest has no
 * tag and gets IfNotPresent). The tag is what follows the last `:` after the last `/`, as
 * pkg/util/parsers.ParseImageName reads it.
 */
export function imagePullPolicyFor(image: string): "Always" | "IfNotPresent" {
  const withoutDigest = image.split("@")[0];
  const hasDigest = image.includes("@");
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
  const colon = lastSegment.lastIndexOf(":");
  const tag = colon === -1 ? (hasDigest ? "" : "latest") : lastSegment.slice(colon + 1);
  return tag === "latest" ? "Always" : "IfNotPresent";
}
