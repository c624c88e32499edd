import type { IEndpoints } from "kubernetes-models/v1/Endpoints";
import type { FieldError } from "./field-error";
import { invalid, required } from "./field-errors";
import { isDNS1123Label, nameIsDNSSubdomain } from "./dns-names";
import { isNonSpecialIP, isValidIP } from "./ip-addresses";
import { isValidPortNum, SUPPORTED_PORT_PROTOCOLS } from "./ports";
import { validateProtocol } from "./validate-labels";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";

/** ValidateEndpoints (kubernetes/kubernetes pkg/apis/core/validation/validation.go validateEndpointSubsets). */
export function validateEndpoints(endpoints: IEndpoints): FieldError[] {
  const errors = validateObjectMeta(endpoints.metadata, nameIsDNSSubdomain);
  (endpoints.subsets ?? []).forEach((subset, i) => {
    const path = `subsets[${i}]`;
    const addresses = subset.addresses ?? [];
    const notReady = subset.notReadyAddresses ?? [];
    if (addresses.length === 0 && notReady.length === 0) {
      errors.push(required(path, "must specify `addresses` or `notReadyAddresses`"));
    }
    addresses.forEach((a, j) => errors.push(...validateEndpointAddress(a.ip ?? "", `${path}.addresses[${j}].ip`)));
    notReady.forEach((a, j) => errors.push(...validateEndpointAddress(a.ip ?? "", `${path}.notReadyAddresses[${j}].ip`)));
    const ports = subset.ports ?? [];
    ports.forEach((port, j) => {
      const portPath = `${path}.ports[${j}]`;
      const name = port.name ?? "";
      if (ports.length > 1 && name === "") errors.push(required(`${portPath}.name`));
      else if (name !== "") for (const msg of isDNS1123Label(name)) errors.push(invalid(`${portPath}.name`, name, msg));
      for (const msg of isValidPortNum(port.port ?? 0)) errors.push(invalid(`${portPath}.port`, port.port ?? 0, msg));
      errors.push(...validateProtocol(port.protocol, `${portPath}.protocol`, SUPPORTED_PORT_PROTOCOLS));
    });
  });
  return errors;
}

/** validateEndpointAddress: a valid IP that a node can reach. */
function validateEndpointAddress(ip: string, path: string): FieldError[] {
  return [...isValidIP(ip), ...isNonSpecialIP(ip)].map((msg) => invalid(path, ip, msg));
}

export function validateEndpointsUpdate(endpoints: IEndpoints, old: IEndpoints): FieldError[] {
  return [...validateObjectMetaUpdate(endpoints.metadata, old.metadata), ...validateEndpoints(endpoints)];
}
