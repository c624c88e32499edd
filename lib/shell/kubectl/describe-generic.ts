import type { ClusterState } from "@/lib/sim/cluster-state";
import { KIND_INFO, type AnyObject, type Kind, type KindMap } from "@/lib/sim/objects/kinds";
import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import { DescribeWriter, formatRfc1123, writeAnnotations, writeEvents, writeLabels } from "./describe-writer";

/**
 * The describers of the remaining kinds, reduced to what the course needs: Secret and ConfigMap data
 * (describe.go SecretDescriber shows byte counts only, ConfigMapDescriber the values), IngressClass's controller,
 * Node's addresses and pod CIDR, EndpointSlice's endpoints, and metadata for the cert-manager kinds.
 */
export function describeGeneric(state: ClusterState, object: AnyObject, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  const kind = object.kind as Kind;
  w.write(0, `Name:\t${object.metadata.name}\n`);
  if (KIND_INFO[kind].namespaced) w.write(0, `Namespace:\t${object.metadata.namespace}\n`);
  writeLabels(w, object.metadata.labels);
  writeAnnotations(w, object.metadata.annotations);
  switch (kind) {
    case "Secret": {
      const secret = object as KindMap["Secret"];
      // The type as stored: the apiserver defaults it to Opaque, the describer adds nothing (describe_test.go
      // TestDescribeSecret, whose untyped Secret prints `Type:  `).
      w.write(0, `\nType:\t${secret.type ?? ""}\n\nData\n====\n`);
      // Keys in byte order, upper case before lower, digits first (TestDescribeSecret "uppercase takes precedence":
      // Text, tExt, text).
      for (const [key, value] of Object.entries(secret.data ?? {}).sort(([a], [b]) => byteOrder(a, b))) {
        w.write(0, `${key}:\t${base64Length(value)} bytes\n`);
      }
      return w.toString();
    }
    case "ConfigMap": {
      const cm = object as KindMap["ConfigMap"];
      w.write(0, "\nData\n====\n");
      for (const [key, value] of Object.entries(cm.data ?? {}).sort(([a], [b]) => byteOrder(a, b))) w.write(0, `${key}:\n----\n${value}\n\n`);
      // binaryData is listed by size, never printed (describe.go describeConfigMap; describe_test.go
      // TestDescribeConfigMap: `binarykey1: 5 bytes`). The API carries the bytes base64-encoded.
      w.write(0, "\nBinaryData\n====\n");
      for (const [key, value] of Object.entries(cm.binaryData ?? {}).sort(([a], [b]) => byteOrder(a, b))) w.write(0, `${key}: ${base64Length(value)} bytes\n`);
      w.write(0, "\n");
      writeEvents(w, events, state.now());
      return w.toString();
    }
    case "IngressClass": {
      const ic = object as KindMap["IngressClass"];
      w.write(0, `Controller:\t${ic.spec?.controller ?? ""}\n`);
      // describeIngressClassV1: the parameters reference, apiGroup only when set (describe_test.go
      // TestDescribeIngressClass: `Parameters:` then `  APIGroup:  v1`, `  Kind:      ConfigMap`, `  Name: …`).
      const parameters = ic.spec?.parameters;
      if (parameters) {
        w.write(0, "Parameters:\n");
        if (parameters.apiGroup !== undefined) w.write(1, `APIGroup:\t${parameters.apiGroup}\n`);
        w.write(1, `Kind:\t${parameters.kind}\n`);
        w.write(1, `Name:\t${parameters.name}\n`);
      }
      writeEvents(w, events, state.now());
      return w.toString();
    }
    case "Node": {
      const node = object as KindMap["Node"];
      w.write(0, `CreationTimestamp:\t${formatRfc1123(node.metadata.creationTimestamp)}\n`);
      w.write(0, `Taints:\t${(node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`).join("\n\t") || "<none>"}\n`);
      w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? "true" : "false"}\n`);
      w.write(0, "Addresses:\n");
      for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
      w.write(0, `PodCIDR:\t${node.spec?.podCIDR ?? ""}\n`);
      w.write(0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(",")}\n`);
      writeEvents(w, events, state.now());
      return w.toString();
    }
    case "EndpointSlice": {
      const slice = object as KindMap["EndpointSlice"];
      w.write(0, `AddressType:\t${slice.addressType}\n`);
      w.write(0, "Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n");
      for (const p of slice.ports ?? []) w.write(1, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol ?? "TCP"}\n`);
      w.write(0, "Endpoints:\n");
      for (const e of slice.endpoints ?? []) {
        // Addresses are joined with ", " (describe.go describeEndpointSliceV1; describe_test.go TestDescribeEndpointSlice).
        w.write(1, `- Addresses:\t${(e.addresses ?? []).join(", ")}\n`);
        w.write(2, "Conditions:\n");
        w.write(3, `Ready:\t${e.conditions?.ready === false ? "false" : "true"}\n`);
        w.write(2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
        if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
        w.write(2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
        w.write(2, `Zone:\t${e.zone ?? "<unset>"}\n`);
      }
      writeEvents(w, events, state.now());
      return w.toString();
    }
    default:
      writeEvents(w, events, state.now());
      return w.toString();
  }
}

/** Go's string order (keys are ASCII, so code units are bytes): `Text` < `tExt` < `text`, digits before letters. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The number of bytes a base64 value decodes to. */
function base64Length(value: string): number {
  return Math.floor((value.length * 3) / 4) - (value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0);
}
