import { describe, expect, test } from "vitest";
import { admitYaml, admitted, expectCauses } from "./admit-yaml";

const service = (spec: string, name = "web") => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec.replace(/^/gm, "  ")}
`;

const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

// Rules: kubernetes/kubernetes pkg/apis/core/validation/validation.go ValidateService / validateServicePort;
// the NodePort range message is the allocator's (pkg/registry/core/service/portallocator), as
// https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport describes the range.
describe("Service validation", () => {
  test.each([
    {
      label: "Service names are DNS-1035 labels (no leading digit)",
      yaml: service("selector: {app: web}\nports:\n- port: 80", "1web"),
      causes: [["FieldValueInvalid", `metadata.name: Invalid value: "1web": ${DNS1035}`]],
    },
    {
      label: "ports are required unless headless or ExternalName",
      yaml: service("selector: {app: web}"),
      causes: [["FieldValueRequired", "spec.ports: Required value"]],
    },
    {
      label: "port 0 and 65536 are out of range (targetPort defaults to port)",
      yaml: service("selector: {app: web}\nports:\n- name: a\n  port: 0\n- name: b\n  port: 65536\n  targetPort: 8080"),
      causes: [
        ["FieldValueInvalid", "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"],
        ["FieldValueInvalid", "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive"],
        ["FieldValueInvalid", "spec.ports[1].port: Invalid value: 65536: must be between 1 and 65535, inclusive"],
      ],
    },
    {
      label: "several ports must be named, names unique DNS-1123 labels",
      yaml: service("selector: {app: web}\nports:\n- port: 80\n- name: http\n  port: 81\n- name: http\n  port: 82\n- name: Metrics\n  port: 83"),
      causes: [
        ["FieldValueRequired", "spec.ports[0].name: Required value"],
        ["FieldValueDuplicate", 'spec.ports[2].name: Duplicate value: "http"'],
        ["FieldValueInvalid", `spec.ports[3].name: Invalid value: "Metrics": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`],
      ],
    },
    {
      label: "duplicate port/protocol pairs",
      yaml: service("selector: {app: web}\nports:\n- name: a\n  port: 80\n- name: b\n  port: 80\n- name: c\n  port: 80\n  protocol: UDP"),
      causes: [["FieldValueDuplicate", 'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}']],
    },
    {
      label: "protocol enum",
      yaml: service("selector: {app: web}\nports:\n- port: 80\n  protocol: HTTP"),
      causes: [["FieldValueNotSupported", 'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    },
    {
      label: "targetPort by name must be an IANA_SVC_NAME",
      yaml: service("selector: {app: web}\nports:\n- port: 80\n  targetPort: Http_Port"),
      causes: [
        ["FieldValueInvalid", 'spec.ports[0].targetPort: Invalid value: "Http_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
      ],
    },
    {
      label: "nodePort is forbidden on a ClusterIP Service",
      yaml: service("selector: {app: web}\nports:\n- port: 80\n  nodePort: 30080"),
      causes: [["FieldValueForbidden", "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    },
    {
      label: "nodePort outside the configured range (the allocator's message)",
      yaml: service("type: NodePort\nselector: {app: web}\nports:\n- port: 80\n  nodePort: 80"),
      causes: [["FieldValueInvalid", "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767"]],
    },
    {
      label: "duplicate nodePorts",
      yaml: service("type: NodePort\nselector: {app: web}\nports:\n- name: a\n  port: 80\n  nodePort: 30080\n- name: b\n  port: 81\n  nodePort: 30080"),
      causes: [["FieldValueDuplicate", "spec.ports[1].nodePort: Duplicate value: 30080"]],
    },
    {
      label: "type enum",
      yaml: service("type: Nodeport\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueNotSupported", 'spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    },
    {
      label: "headless is not allowed for NodePort",
      yaml: service("type: NodePort\nclusterIP: None\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueInvalid", `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`]],
    },
    {
      label: "headless is not allowed for LoadBalancer",
      yaml: service("type: LoadBalancer\nclusterIP: None\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueInvalid", `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`]],
    },
    {
      label: "clusterIP must be an IP",
      yaml: service("clusterIP: 10.96.0.300\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueInvalid", 'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    },
    {
      label: "ExternalName requires externalName",
      yaml: service("type: ExternalName"),
      causes: [["FieldValueRequired", "spec.externalName: Required value"]],
    },
    {
      label: "externalName must be a DNS-1123 subdomain",
      yaml: service("type: ExternalName\nexternalName: My_DB.example.com"),
      causes: [["FieldValueInvalid", `spec.externalName: Invalid value: "My_DB.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]],
    },
    {
      label: "ExternalName may not have a clusterIP",
      yaml: service("type: ExternalName\nexternalName: db.example.com\nclusterIP: 10.96.0.5"),
      causes: [["FieldValueForbidden", "spec.clusterIPs: Forbidden: may not be set for ExternalName services"]],
    },
    {
      label: "selector values are label values",
      yaml: service("selector:\n  app: -web\nports:\n- port: 80"),
      causes: [["FieldValueInvalid", `spec.selector: Invalid value: "-web": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`]],
    },
    {
      label: "externalTrafficPolicy only on externally-accessible Services",
      yaml: service("externalTrafficPolicy: Local\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueInvalid", 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    },
    {
      label: "sessionAffinityConfig only with ClientIP",
      yaml: service("selector: {app: web}\nsessionAffinityConfig:\n  clientIP:\n    timeoutSeconds: 60\nports:\n- port: 80"),
      causes: [["FieldValueForbidden", "spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None"]],
    },
    {
      label: "clusterIPs must mirror clusterIP",
      yaml: service("clusterIP: 10.96.0.20\nclusterIPs: [10.96.0.21]\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueInvalid", 'spec.clusterIPs: Invalid value: []string{"10.96.0.21"}: first value must match `clusterIP`']],
    },
    {
      label: "externalIPs must be routable addresses",
      yaml: service("selector: {app: web}\nexternalIPs: [127.0.0.1, 203.0.113.300]\nports:\n- port: 80"),
      causes: [
        ["FieldValueInvalid", 'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
        ["FieldValueInvalid", 'spec.externalIPs[1]: Invalid value: "203.0.113.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
      ],
    },
    {
      label: "loadBalancerSourceRanges only on a LoadBalancer, and each a CIDR (upstream capitalises the path)",
      yaml: service("selector: {app: web}\nloadBalancerSourceRanges: [10.0.0.0/33]\nports:\n- port: 80"),
      causes: [
        ["FieldValueForbidden", "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"],
        ["FieldValueInvalid", 'spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
      ],
    },
    {
      label: "allocateLoadBalancerNodePorts only on a LoadBalancer",
      yaml: service("type: NodePort\nallocateLoadBalancerNodePorts: false\nselector: {app: web}\nports:\n- port: 80"),
      causes: [["FieldValueForbidden", "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    },
  ])("$label", ({ yaml, causes }) => {
    expectCauses(admitYaml(yaml), causes as [string, string][]);
  });

  test("all errors at once, each with the line of its field", () => {
    const result = admitYaml(service("type: NodePort\nselector: {app: web}\nports:\n- port: 0\n  protocol: tcp", "Web"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.causes?.map((c) => [c.field, c.position?.line])).toEqual([
      ["metadata.name", 4],
      ["spec.ports[0].port", 9],
      ["spec.ports[0].protocol", 10],
      ["spec.ports[0].targetPort", 9],
    ]);
  });

  test.each([
    { label: "headless without ports", yaml: service("clusterIP: None\nselector: {app: db}") },
    { label: "ExternalName without ports", yaml: service("type: ExternalName\nexternalName: db.example.com.") },
    { label: "NodePort in range", yaml: service("type: NodePort\nselector: {app: web}\nports:\n- port: 80\n  nodePort: 30080") },
    { label: "same port, different protocols", yaml: service("selector: {app: dns}\nports:\n- name: dns\n  port: 53\n  protocol: UDP\n- name: dns-tcp\n  port: 53") },
    { label: "a selector-less Service", yaml: service("ports:\n- port: 5432") },
  ])("accepted: $label", ({ yaml }) => {
    expect(admitYaml(yaml).ok).toBe(true);
  });

  test("a nodePort outside the range is reported alone: allocation runs before validation", () => {
    const result = admitYaml(service("type: NodePort\nselector: {app: web}\nports:\n- port: 0\n  nodePort: 80\n  protocol: tcp", "Web"));
    expectCauses(result, [["FieldValueInvalid", "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767"]]);
  });

  test("a loadBalancerSourceRanges error points at its line", () => {
    const result = admitYaml(service("type: LoadBalancer\nselector: {app: web}\nloadBalancerSourceRanges:\n- 10.0.0.0/8\n- 10.0.0.0/33\nports:\n- port: 80"));
    expect(result.ok ? [] : result.error.causes?.map((c) => [c.field, c.position?.line])).toEqual([["spec.LoadBalancerSourceRanges[1]", 10]]);
  });

  test("the NodePort range follows the cluster configuration", () => {
    const result = admitYaml(service("type: NodePort\nselector: {app: web}\nports:\n- port: 80\n  nodePort: 30080"), { config: { nodePortRange: [31000, 31999] } });
    expectCauses(result, [["FieldValueInvalid", "spec.ports[0].nodePort: Invalid value: 30080: provided port is not in the valid range. The range of valid ports is 31000-31999"]]);
  });
});

describe("Service update rules (ValidateServiceUpdate)", () => {
  const old = admitted(service("clusterIP: 10.96.0.20\nselector: {app: web}\nports:\n- port: 80"));

  test("an allocated cluster IP may not change (validateUpgradeDowngradeClusterIPs)", () => {
    const result = admitYaml(service("clusterIP: 10.96.0.21\nselector: {app: web}\nports:\n- port: 80"), { operation: "update", old });
    expectCauses(result, [["FieldValueInvalid", 'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.21"}: may not change once set']]);
  });

  test("turning a Service headless is refused with the message quoted in kyma-incubator/reconciler#470", () => {
    const result = admitYaml(service("clusterIP: None\nselector: {app: web}\nports:\n- port: 80"), { operation: "update", old });
    expectCauses(result, [["FieldValueInvalid", 'spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set']]);
  });

  test("a Service may become ExternalName", () => {
    expect(admitYaml(service("type: ExternalName\nexternalName: db.example.com"), { operation: "update", old }).ok).toBe(true);
  });

  test("the same clusterIP may be re-applied", () => {
    expect(admitYaml(service("clusterIP: 10.96.0.20\nselector: {app: web}\nports:\n- port: 8080"), { operation: "update", old }).ok).toBe(true);
  });

  test("metadata.name may not change", () => {
    const result = admitYaml(service("clusterIP: 10.96.0.20\nselector: {app: web}\nports:\n- port: 80", "web2"), { operation: "update", old });
    expectCauses(result, [["FieldValueInvalid", 'metadata.name: Invalid value: "web2": field is immutable']]);
  });
});
