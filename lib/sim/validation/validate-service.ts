import type { IService } from "kubernetes-models/v1/Service";
import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { FieldError } from "./field-error";
import { duplicate, forbidden, invalid, notSupported, required } from "./field-errors";
import { goLiteral, goQuote } from "./format-field-error";
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, nameIsDNS1035Label } from "./dns-names";
import { isNonSpecialIP, isValidCIDR, isValidIP } from "./ip-addresses";
import { isValidPortName, isValidPortNum, SUPPORTED_PORT_PROTOCOLS } from "./ports";
import { validateLabels, validateProtocol } from "./validate-labels";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const SESSION_AFFINITY_TYPES = ["ClientIP", "None"];
const TRAFFIC_POLICIES = ["Cluster", "Local"];

/** ExternallyAccessible (kubernetes/kubernetes pkg/api/service/util.go). */
export function isExternallyAccessible(spec: IService["spec"]): boolean {
  const type = spec?.type;
  return type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && (spec?.externalIPs?.length ?? 0) > 0);
}

/**
 * ValidateService (kubernetes/kubernetes pkg/apis/core/validation/validation.go), run on the defaulted
 * object as the API server does. Every rule that a learner can trip over in the course is here; each
 * error keeps upstream's field path, type and wording.
 */
export function validateService(service: IService): FieldError[] {
  const errors = validateObjectMeta(service.metadata, nameIsDNS1035Label);
  const spec = service.spec ?? {};
  const ports = spec.ports ?? [];
  // isHeadlessService: exactly one clusterIP, "None" (clusterIPs is normalised from clusterIP by defaulting).
  const isHeadless = spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === "None";

  if (ports.length === 0 && !isHeadless && spec.type !== "ExternalName") errors.push(required("spec.ports"));
  switch (spec.type) {
    case "LoadBalancer":
      if (isHeadless) errors.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"));
      break;
    case "NodePort":
      if (isHeadless) errors.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if ((spec.clusterIPs?.length ?? 0) > 0) errors.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      if ((spec.ipFamilies?.length ?? 0) > 0) errors.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
      if (spec.ipFamilyPolicy !== undefined) errors.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
      // The value (a CNAME) may have a trailing dot to denote it as fully qualified.
      const cname = (spec.externalName ?? "").replace(/\.$/, "");
      if (cname.length > 0) for (const msg of isDNS1123Subdomain(cname)) errors.push(invalid("spec.externalName", cname, msg));
      else errors.push(required("spec.externalName"));
      break;
    }
  }

  const names = new Set<string>();
  ports.forEach((port, i) => errors.push(...validateServicePort(port, ports.length > 1, names, `spec.ports[${i}]`)));

  if (spec.selector) errors.push(...validateLabels(spec.selector, "spec.selector"));

  if (!spec.sessionAffinity) errors.push(required("spec.sessionAffinity"));
  else if (!SESSION_AFFINITY_TYPES.includes(spec.sessionAffinity)) {
    errors.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, SESSION_AFFINITY_TYPES));
  }
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (!spec.sessionAffinityConfig) errors.push(required("spec.sessionAffinityConfig", "when session affinity type is ClientIP"));
    else if (!spec.sessionAffinityConfig.clientIP) errors.push(required("spec.sessionAffinityConfig.clientIP", "when session affinity type is ClientIP"));
    else if (timeout === undefined || timeout <= 0 || timeout > 86400) {
      errors.push(invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", timeout ?? 0, "must be greater than 0 and less than 86400"));
    }
  } else if (spec.sessionAffinity === "None" && spec.sessionAffinityConfig) {
    errors.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }

  if (spec.type !== "ExternalName") errors.push(...validateClusterIPs(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const msgs = isValidIP(ip);
    for (const msg of msgs.length > 0 ? msgs : isNonSpecialIP(ip)) errors.push(invalid(`spec.externalIPs[${i}]`, ip, msg));
  });

  if (!spec.type) errors.push(required("spec.type"));
  else if (!SERVICE_TYPES.includes(spec.type)) errors.push(notSupported("spec.type", spec.type, SERVICE_TYPES));

  if (spec.type === "ClusterIP") {
    ports.forEach((port, i) => {
      if (port.nodePort) errors.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  errors.push(...validateDuplicatePorts(ports));

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== "LoadBalancer") {
    errors.push(forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.loadBalancerClass !== undefined && spec.type !== "LoadBalancer") {
    errors.push(forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
  }
  if ((spec.loadBalancerSourceRanges?.length ?? 0) > 0) {
    // Upstream names the field with a capital L here.
    if (spec.type !== "LoadBalancer") errors.push(forbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
    (spec.loadBalancerSourceRanges ?? []).forEach((range, i) => {
      for (const msg of isValidCIDR(range.trim())) errors.push(invalid(`spec.LoadBalancerSourceRanges[${i}]`, range.trim(), msg));
    });
  }

  if (!isExternallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) {
      errors.push(invalid("spec.externalTrafficPolicy", spec.externalTrafficPolicy, "may only be set for externally-accessible services"));
    }
  } else if (!spec.externalTrafficPolicy) errors.push(required("spec.externalTrafficPolicy"));
  else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errors.push(notSupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  const needsHealthCheck = spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
  if (!needsHealthCheck && spec.healthCheckNodePort) {
    errors.push(invalid("spec.healthCheckNodePort", spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  if (spec.type !== "ExternalName") {
    if (!spec.internalTrafficPolicy) errors.push(required("spec.internalTrafficPolicy"));
    else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
      errors.push(notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, TRAFFIC_POLICIES));
    }
  }
  return errors;
}

function validateServicePort(port: IServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = port.name ?? "";
  if (requireName && name === "") errors.push(required(`${path}.name`));
  else if (name !== "") {
    for (const msg of isDNS1123Label(name)) errors.push(invalid(`${path}.name`, name, msg));
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  for (const msg of isValidPortNum(port.port ?? 0)) errors.push(invalid(`${path}.port`, port.port ?? 0, msg));
  errors.push(...validateProtocol(port.protocol, `${path}.protocol`, SUPPORTED_PORT_PROTOCOLS));
  errors.push(...validatePortNumOrName(port.targetPort ?? 0, `${path}.targetPort`));
  if (port.appProtocol !== undefined) {
    for (const msg of isQualifiedName(port.appProtocol)) errors.push(invalid(`${path}.appProtocol`, port.appProtocol, msg));
  }
  return errors;
}

/** ValidatePortNumOrName: a number in 1-65535 or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((msg) => invalid(path, port, msg));
  if (port === "") return [required(path)];
  return isValidPortName(port).map((msg) => invalid(path, port, msg));
}

/**
 * Duplicate nodePorts and duplicate (port, protocol) pairs. The pair is reported as Go prints the internal
 * core.ServicePort key with %#v.
 */
function validateDuplicatePorts(ports: readonly IServicePort[]): FieldError[] {
  const errors: FieldError[] = [];
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    if (!port.nodePort) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (nodePorts.has(key)) errors.push(duplicate(`spec.ports[${i}].nodePort`, port.nodePort));
    nodePorts.add(key);
  });
  const pairs = new Set<string>();
  ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port}`;
    if (pairs.has(key)) {
      errors.push(duplicate(`spec.ports[${i}]`, goLiteral(
        `core.ServicePort{Name:"", Protocol:${goQuote(port.protocol ?? "")}, AppProtocol:(*string)(nil), Port:${port.port ?? 0}, ` +
        `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
      )));
    }
    pairs.add(key);
  });
  return errors;
}

/**
 * ValidateServiceClusterIPsRelatedFields: clusterIPs[0] mirrors clusterIP, `None` stands alone, at most two
 * addresses, each a valid IP.
 */
function validateClusterIPs(spec: NonNullable<IService["spec"]>): FieldError[] {
  const errors: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length > 0 && ips[0] !== spec.clusterIP) errors.push(invalid("spec.clusterIPs", ips, "first value must match `clusterIP`"));
  } else if (ips.length > 0) {
    errors.push(invalid("spec.clusterIPs", ips, "must be empty when `clusterIP` is not specified"));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1) errors.push(invalid("spec.clusterIPs", ips, "'None' must be the first and only value"));
      return;
    }
    for (const msg of isValidIP(ip)) errors.push(invalid(`spec.clusterIPs[${i}]`, ip, msg));
  });
  if (ips.length > 2) errors.push(invalid("spec.clusterIPs", ips, "may only hold up to 2 values"));
  return errors;
}

/**
 * ValidateServiceUpdate → validateUpgradeDowngradeClusterIPs: an allocated cluster IP may not change
 * (`spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set`, the message Helm users
 * meet when a chart flips a Service to headless) unless the type changes to or from ExternalName.
 */
export function validateServiceUpdate(service: IService, old: IService): FieldError[] {
  const errors = validateObjectMetaUpdate(service.metadata, old.metadata);
  const spec = service.spec ?? {};
  const oldSpec = old.spec ?? {};
  const ips = spec.clusterIPs ?? [];
  const oldIPs = oldSpec.clusterIPs ?? [];
  const headless = (list: readonly string[]) => list.length === 1 && list[0] === "None";
  if (spec.type !== "ExternalName" && oldSpec.type !== "ExternalName" && !(headless(ips) && headless(oldIPs))) {
    if (oldIPs.length === ips.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errors.push(invalid(`spec.clusterIPs[${i}]`, ips, "may not change once set"));
      });
    } else if (oldIPs.length > ips.length) {
      if (ips.length === 0) errors.push(invalid("spec.clusterIPs[0]", ips, "primary clusterIP can not be unset"));
      else if (ips[0] !== oldIPs[0]) errors.push(invalid("spec.clusterIPs[0]", ips, "may not change once set"));
    } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
      errors.push(invalid("spec.clusterIPs[0]", ips, "may not change once set"));
    }
  }
  return [...errors, ...validateService(service)];
}
