import type { IEndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";
import type { FieldError } from "./field-error";
import { duplicate, immutable, invalid, notSupported, required, tooMany } from "./field-errors";
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from "./dns-names";
import { isNonSpecialIP, parseIP } from "./ip-addresses";
import { isValidPortNum, SUPPORTED_PORT_PROTOCOLS } from "./ports";
import { validateProtocol } from "./validate-labels";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;

/** ValidateEndpointSlice (kubernetes/kubernetes pkg/apis/discovery/validation/validation.go). */
export function validateEndpointSlice(slice: IEndpointSlice): FieldError[] {
  const errors = validateObjectMeta(slice.metadata, nameIsDNSSubdomain);
  const addressType = slice.addressType as string | undefined;
  if (!addressType) errors.push(required("addressType"));
  else if (!ADDRESS_TYPES.includes(addressType)) errors.push(notSupported("addressType", addressType, ADDRESS_TYPES));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) errors.push(tooMany("endpoints", endpoints.length, MAX_ENDPOINTS));
  endpoints.forEach((endpoint, i) => {
    const path = `endpoints[${i}].addresses`;
    const addresses = endpoint.addresses ?? [];
    if (addresses.length === 0) errors.push(required(path, "must contain at least 1 address"));
    else if (addresses.length > MAX_ADDRESSES) errors.push(tooMany(path, addresses.length, MAX_ADDRESSES));
    addresses.forEach((address, j) => {
      const addressPath = `${path}[${j}]`;
      const ip = parseIP(address);
      if (addressType === "IPv4" && ip?.family !== 4) errors.push(invalid(addressPath, address, "must be a valid IPv4 address"));
      else if (addressType === "IPv6" && ip?.family !== 6) errors.push(invalid(addressPath, address, "must be a valid IPv6 address"));
      else if (addressType === "IPv4" || addressType === "IPv6") for (const msg of isNonSpecialIP(address)) errors.push(invalid(addressPath, address, msg));
      else if (addressType === "FQDN") for (const msg of isDNS1123Subdomain(address)) errors.push(invalid(addressPath, address, msg));
    });
    if (endpoint.hostname) {
      for (const msg of isDNS1123Label(endpoint.hostname)) errors.push(invalid(`endpoints[${i}].hostname`, endpoint.hostname, msg));
    }
  });
  const ports = slice.ports ?? [];
  if (ports.length > MAX_PORTS) errors.push(tooMany("ports", ports.length, MAX_PORTS));
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const path = `ports[${i}]`;
    const name = port.name ?? "";
    if (name !== "") for (const msg of isDNS1123Label(name)) errors.push(invalid(`${path}.name`, name, msg));
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
    else names.add(name);
    errors.push(...validateProtocol(port.protocol, `${path}.protocol`, SUPPORTED_PORT_PROTOCOLS));
    if (port.port !== undefined) for (const msg of isValidPortNum(port.port)) errors.push(invalid(`${path}.port`, port.port, msg));
  });
  return errors;
}

/** ValidateEndpointSliceUpdate: addressType may not change. */
export function validateEndpointSliceUpdate(slice: IEndpointSlice, old: IEndpointSlice): FieldError[] {
  const errors = validateObjectMetaUpdate(slice.metadata, old.metadata);
  if (slice.addressType !== old.addressType) errors.push(immutable("addressType", slice.addressType ?? ""));
  return [...errors, ...validateEndpointSlice(slice)];
}
