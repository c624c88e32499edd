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
      w.write(0, `\nType:\t${secret.type ?? "Opaque"}\n\nData\n====\n`);
      for (const [key, value] of Object.entries(secret.data ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
        w.write(0, `${key}:\t${Math.floor((value.length * 3) / 4) - (value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0)} bytes\n`);
      }
      return w.toString();
    }
    case "ConfigMap": {
      const cm = object as KindMap["ConfigMap"];
      w.write(0, "\nData\n====\n");
      for (const [key, value] of Object.entries(cm.data ?? {}).sort(([a], [b]) => a.localeCompare(b))) w.write(0, `${key}:\n----\n${value}\n\n`);
      w.write(0, "\nBinaryData\n====\n\n");
      writeEvents(w, events, state.now());
      return w.toString();
    }
    case "IngressClass": {
      const ic = object as KindMap["IngressClass"];
      w.write(0, `Controller:\t${ic.spec?.controller ?? ""}\n`);
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
