import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INetworkPolicySpec } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec";
import type { INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { LabelSelector } from "../selectors/label-selector";
import type { FieldError } from "./field-error";
import { forbidden, invalid, notSupported, required } from "./field-errors";
import { goLiteral, goQuote } from "./format-field-error";
import { nameIsDNSSubdomain } from "./dns-names";
import { cidrContains, isValidCIDR, parseCIDR } from "./ip-addresses";
import { isValidPortName, isValidPortNum } from "./ports";
import { validateLabelSelector } from "./validate-labels";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

/**
 * ValidateNetworkPolicy (kubernetes/kubernetes pkg/apis/networking/validation/validation.go): selectors,
 * ports with endPort, peers (ipBlock alone, CIDRs with strict-subset exceptions) and policyTypes.
 */
export function validateNetworkPolicy(policy: INetworkPolicy): FieldError[] {
  const errors = validateObjectMeta(policy.metadata, nameIsDNSSubdomain);
  const spec: Partial<INetworkPolicySpec> = policy.spec ?? {};
  errors.push(...validateLabelSelector(spec.podSelector as LabelSelector | undefined, "spec.podSelector"));
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errors.push(...validateNetworkPolicyPort(port, `spec.ingress[${i}].ports[${j}]`)));
    (rule.from ?? []).forEach((peer, j) => errors.push(...validateNetworkPolicyPeer(peer, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule.ports ?? []).forEach((port, j) => errors.push(...validateNetworkPolicyPort(port, `spec.egress[${i}].ports[${j}]`)));
    (rule.to ?? []).forEach((peer, j) => errors.push(...validateNetworkPolicyPeer(peer, `spec.egress[${i}].to[${j}]`)));
  });
  const policyTypes = (spec.policyTypes ?? []) as string[];
  if (policyTypes.length > 2) {
    errors.push(invalid("spec.policyTypes", goLiteral(`[]networking.PolicyType{${policyTypes.map(goQuote).join(", ")}}`), "may not specify more than two policyTypes"));
    return errors;
  }
  policyTypes.forEach((type, i) => {
    if (type !== "Ingress" && type !== "Egress") errors.push(notSupported(`spec.policyTypes[${i}]`, type, ["Ingress", "Egress"]));
  });
  return errors;
}

export function validateNetworkPolicyPort(port: INetworkPolicyPort, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const protocol = port.protocol as string | undefined;
  if (protocol !== undefined && protocol !== "TCP" && protocol !== "UDP" && protocol !== "SCTP") {
    errors.push(notSupported(`${path}.protocol`, protocol, ["TCP", "UDP", "SCTP"]));
  }
  if (port.port !== undefined) {
    if (typeof port.port === "number") {
      for (const msg of isValidPortNum(port.port)) errors.push(invalid(`${path}.port`, port.port, msg));
      if (port.endPort !== undefined) {
        // Upstream reports the start port as the bad value here.
        if (port.endPort < port.port) errors.push(invalid(`${path}.endPort`, port.port, "must be greater than or equal to `port`"));
        for (const msg of isValidPortNum(port.endPort)) errors.push(invalid(`${path}.endPort`, port.endPort, msg));
      }
    } else {
      if (port.endPort !== undefined) errors.push(invalid(`${path}.endPort`, port.endPort, "may not be specified when `port` is non-numeric"));
      for (const msg of isValidPortName(port.port)) errors.push(invalid(`${path}.port`, port.port, msg));
    }
  } else if (port.endPort !== undefined) {
    errors.push(invalid(`${path}.endPort`, port.endPort, "may not be specified when `port` is not specified"));
  }
  return errors;
}

export function validateNetworkPolicyPeer(peer: INetworkPolicyPeer, path: string): FieldError[] {
  const errors: FieldError[] = [];
  let peers = 0;
  if (peer.podSelector) {
    peers++;
    errors.push(...validateLabelSelector(peer.podSelector as LabelSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    peers++;
    errors.push(...validateLabelSelector(peer.namespaceSelector as LabelSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    peers++;
    errors.push(...validateIPBlock(peer.ipBlock, `${path}.ipBlock`));
  }
  if (peers === 0) errors.push(required(path, "must specify a peer"));
  else if (peers > 1 && peer.ipBlock) errors.push(forbidden(path, "may not specify both ipBlock and another peer"));
  return errors;
}

/** ValidateIPBlock: every `except` entry must be a strict subset of `cidr`. */
function validateIPBlock(ipBlock: NonNullable<INetworkPolicyPeer["ipBlock"]>, path: string): FieldError[] {
  const cidrText = ipBlock.cidr ?? "";
  if (cidrText === "") return [required(`${path}.cidr`)];
  const errors = isValidCIDR(cidrText).map((msg) => invalid(`${path}.cidr`, cidrText, msg));
  const cidr = parseCIDR(cidrText);
  if (!cidr) return errors;
  (ipBlock.except ?? []).forEach((exceptText, i) => {
    const exceptPath = `${path}.except[${i}]`;
    for (const msg of isValidCIDR(exceptText)) errors.push(invalid(exceptPath, exceptText, msg));
    const except = parseCIDR(exceptText);
    if (!except) return;
    const exceptNetwork = { family: except.ip.family, bytes: except.network };
    if (!cidrContains(cidr, exceptNetwork) || cidr.prefix >= except.prefix) {
      errors.push(invalid(exceptPath, exceptText, "must be a strict subset of `cidr`"));
    }
  });
  return errors;
}

export function validateNetworkPolicyUpdate(policy: INetworkPolicy, old: INetworkPolicy): FieldError[] {
  return [...validateObjectMetaUpdate(policy.metadata, old.metadata), ...validateNetworkPolicy(policy)];
}
