import type { IPod } from "kubernetes-models/v1/Pod";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IProbe } from "kubernetes-models/v1/Probe";
import type { FieldError } from "./field-error";
import { duplicate, invalid, notSupported, required } from "./field-errors";
import { isDNS1123Label, nameIsDNSSubdomain } from "./dns-names";
import { isValidPortName, isValidPortNum, SUPPORTED_PORT_PROTOCOLS } from "./ports";
import { validateLabels, validateProtocol } from "./validate-labels";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";
import { validatePortNumOrName } from "./validate-service";
import { isSemanticallyEqual } from "./is-semantically-equal";

const RESTART_POLICIES = ["Always", "Never", "OnFailure"];
const DNS_POLICIES = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const TERMINATION_MESSAGE_POLICIES = ["FallbackToLogsOnError", "File"];

/** ValidatePodCreate → ValidatePodSpec (kubernetes/kubernetes pkg/apis/core/validation/validation.go). */
export function validatePod(pod: IPod): FieldError[] {
  return [...validateObjectMeta(pod.metadata, nameIsDNSSubdomain), ...validatePodSpec(pod.spec, "spec")];
}

/** Pods are almost entirely immutable; the course only needs the metadata rules and a clear refusal. */
export function validatePodUpdate(pod: IPod, old: IPod): FieldError[] {
  const errors = validateObjectMetaUpdate(pod.metadata, old.metadata);
  const withoutImages = (p: IPod) => ({ ...p.spec, containers: p.spec?.containers?.map((c) => ({ ...c, image: undefined })) });
  if (!isSemanticallyEqual(withoutImages(pod), withoutImages(old))) {
    // ValidatePodUpdate: only container images, activeDeadlineSeconds, tolerations and a few more may change.
    errors.push({
      type: "FieldValueForbidden",
      field: "spec",
      badValue: "",
      detail: "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    });
  }
  return [...errors, ...validatePodSpec(pod.spec, "spec")];
}

export function validatePodSpec(spec: IPodSpec | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const containers = spec?.containers ?? [];
  const initContainers = spec?.initContainers ?? [];
  const names = new Set<string>();
  const volumes = new Set<string>();
  errors.push(...validateVolumes(spec?.volumes ?? [], volumes, `${path}.volumes`));
  if (containers.length === 0) errors.push(required(`${path}.containers`));
  initContainers.forEach((c, i) => errors.push(...validateContainer(c, names, volumes, `${path}.initContainers[${i}]`)));
  containers.forEach((c, i) => errors.push(...validateContainer(c, names, volumes, `${path}.containers[${i}]`)));

  const restartPolicy = spec?.restartPolicy;
  if (!restartPolicy) errors.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(restartPolicy)) errors.push(notSupported(`${path}.restartPolicy`, restartPolicy, RESTART_POLICIES));
  const dnsPolicy = spec?.dnsPolicy;
  if (!dnsPolicy) errors.push(required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dnsPolicy)) errors.push(notSupported(`${path}.dnsPolicy`, dnsPolicy, DNS_POLICIES));
  if (dnsPolicy === "None" && !spec?.dnsConfig) {
    errors.push(required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  }
  if (spec?.nodeSelector) errors.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec?.hostname) for (const msg of isDNS1123Label(spec.hostname)) errors.push(invalid(`${path}.hostname`, spec.hostname, msg));
  if (spec?.subdomain) for (const msg of isDNS1123Label(spec.subdomain)) errors.push(invalid(`${path}.subdomain`, spec.subdomain, msg));
  if (spec?.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errors.push(invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, "must be greater than or equal to 0"));
  }
  return errors;
}

/** validateVolumes: unique DNS-1123 label names, exactly one volume source (an empty one defaults to emptyDir). */
function validateVolumes(volumes: NonNullable<IPodSpec["volumes"]>, names: Set<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  volumes.forEach((volume, i) => {
    const namePath = `${path}[${i}].name`;
    if (!volume.name) errors.push(required(namePath));
    else for (const msg of isDNS1123Label(volume.name)) errors.push(invalid(namePath, volume.name, msg));
    if (volume.name && names.has(volume.name)) errors.push(duplicate(namePath, volume.name));
    if (volume.name) names.add(volume.name);
    const sources = Object.keys(volume).filter((key) => key !== "name");
    if (sources.length > 1) {
      errors.push({ type: "FieldValueForbidden", field: `${path}[${i}].${sources[1]}`, badValue: "", detail: "may not specify more than 1 volume type" });
    }
  });
  return errors;
}

/** validateVolumeMounts: each mount names a volume of the Pod and a unique, non-empty mountPath. */
function validateVolumeMounts(mounts: NonNullable<IContainer["volumeMounts"]>, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const mountPaths = new Set<string>();
  mounts.forEach((mount, i) => {
    const mountPath = `${path}[${i}]`;
    if (!mount.name) errors.push(required(`${mountPath}.name`));
    if (!volumes.has(mount.name ?? "")) errors.push({ type: "FieldValueNotFound", field: `${mountPath}.name`, badValue: mount.name ?? "" });
    if (!mount.mountPath) errors.push(required(`${mountPath}.mountPath`));
    else if (mountPaths.has(mount.mountPath)) errors.push(invalid(`${mountPath}.mountPath`, mount.mountPath, "must be unique"));
    if (mount.mountPath) mountPaths.add(mount.mountPath);
  });
  return errors;
}

function validateContainer(container: IContainer, names: Set<string>, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = container.name ?? "";
  if (name === "") errors.push(required(`${path}.name`));
  else {
    for (const msg of isDNS1123Label(name)) errors.push(invalid(`${path}.name`, name, msg));
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  // validateContainerCommon: an image is required for regular and init containers.
  if (!container.image || container.image.trim() === "") errors.push(required(`${path}.image`));
  else if (container.image !== container.image.trim()) errors.push(invalid(`${path}.image`, container.image, "must not have leading or trailing whitespace"));
  errors.push(...validateContainerPorts(container.ports ?? [], `${path}.ports`));
  (container.env ?? []).forEach((env, i) => {
    if (!env.name) errors.push(required(`${path}.env[${i}].name`));
  });
  errors.push(...validateVolumeMounts(container.volumeMounts ?? [], volumes, `${path}.volumeMounts`));
  const pull = container.imagePullPolicy;
  if (!pull) errors.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) errors.push(notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  const tmp = container.terminationMessagePolicy;
  if (!tmp) errors.push(required(`${path}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) {
    errors.push(notSupported(`${path}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));
  }
  errors.push(...validateProbe(container.livenessProbe, `${path}.livenessProbe`));
  errors.push(...validateProbe(container.readinessProbe, `${path}.readinessProbe`));
  errors.push(...validateProbe(container.startupProbe, `${path}.startupProbe`));
  return errors;
}

/** validateContainerPorts: names are IANA_SVC_NAMEs unique within the container; containerPort is required. */
function validateContainerPorts(ports: NonNullable<IContainer["ports"]>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const portPath = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const msg of msgs) errors.push(invalid(`${portPath}.name`, port.name, msg));
      else if (names.has(port.name)) errors.push(duplicate(`${portPath}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errors.push(required(`${portPath}.containerPort`));
    else for (const msg of isValidPortNum(port.containerPort)) errors.push(invalid(`${portPath}.containerPort`, port.containerPort, msg));
    if (port.hostPort) for (const msg of isValidPortNum(port.hostPort)) errors.push(invalid(`${portPath}.hostPort`, port.hostPort, msg));
    errors.push(...validateProtocol(port.protocol, `${portPath}.protocol`, SUPPORTED_PORT_PROTOCOLS));
  });
  return errors;
}

/** validateHandler: exactly one handler; httpGet and tcpSocket ports are numbers or port names. */
function validateProbe(probe: IProbe | undefined, path: string): FieldError[] {
  if (!probe) return [];
  const errors: FieldError[] = [];
  const handlers = [probe.exec && "exec", probe.httpGet && "httpGet", probe.tcpSocket && "tcpSocket", probe.grpc && "grpc"].filter(Boolean);
  if (handlers.length === 0) errors.push(required(path, "must specify a handler type"));
  else if (handlers.length > 1) errors.push({ type: "FieldValueForbidden", field: `${path}.${handlers[1]}`, badValue: "", detail: "may not specify more than 1 handler type" });
  if (probe.httpGet) errors.push(...validatePortNumOrName(probe.httpGet.port ?? 0, `${path}.httpGet.port`));
  if (probe.tcpSocket) errors.push(...validatePortNumOrName(probe.tcpSocket.port ?? 0, `${path}.tcpSocket.port`));
  return errors;
}
