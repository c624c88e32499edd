import { describe, expect, test } from "vitest";
import { admitYaml, expectCauses } from "./admit-yaml";

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec:
  podSelector:
    matchLabels:
      app: api
${spec.replace(/^/gm, "  ")}
`;

// Rules: kubernetes/kubernetes pkg/apis/networking/validation/validation.go (ValidateNetworkPolicySpec,
// ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock) and
// https://kubernetes.io/docs/concepts/services-networking/network-policies/.
describe("NetworkPolicy validation", () => {
  test.each([
    {
      label: "endPort requires a numeric port",
      yaml: policy("ingress:\n- ports:\n  - port: http\n    endPort: 90"),
      causes: [["FieldValueInvalid", "spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric"]],
    },
    {
      label: "endPort requires a port",
      yaml: policy("egress:\n- ports:\n  - endPort: 90"),
      causes: [["FieldValueInvalid", "spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified"]],
    },
    {
      label: "endPort must be >= port (upstream reports the start port)",
      yaml: policy("ingress:\n- ports:\n  - port: 9000\n    endPort: 8000"),
      causes: [["FieldValueInvalid", "spec.ingress[0].ports[0].endPort: Invalid value: 9000: must be greater than or equal to `port`"]],
    },
    {
      label: "port range and protocol enum",
      yaml: policy("ingress:\n- ports:\n  - port: 0\n    protocol: ICMP"),
      causes: [
        ["FieldValueNotSupported", 'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"'],
        ["FieldValueInvalid", "spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"],
      ],
    },
    {
      label: "ipBlock may not be combined with another peer",
      yaml: policy("ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/8\n    namespaceSelector: {}"),
      causes: [["FieldValueForbidden", "spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer"]],
    },
    {
      label: "an empty peer",
      yaml: policy("egress:\n- to:\n  - {}"),
      causes: [["FieldValueRequired", "spec.egress[0].to[0]: Required value: must specify a peer"]],
    },
    {
      label: "CIDR syntax",
      yaml: policy("ingress:\n- from:\n  - ipBlock:\n      cidr: 10.0.0.0/33"),
      causes: [["FieldValueInvalid", 'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    },
    {
      label: "except entries must be strict subsets of cidr",
      yaml: policy("ingress:\n- from:\n  - ipBlock:\n      cidr: 172.17.0.0/16\n      except:\n      - 172.17.1.0/24\n      - 172.17.0.0/16\n      - 10.0.0.0/24"),
      causes: [
        ["FieldValueInvalid", 'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "172.17.0.0/16": must be a strict subset of `cidr`'],
        ["FieldValueInvalid", 'spec.ingress[0].from[0].ipBlock.except[2]: Invalid value: "10.0.0.0/24": must be a strict subset of `cidr`'],
      ],
    },
    {
      label: "policyTypes values",
      yaml: policy("policyTypes: [Ingress, Egres]"),
      causes: [["FieldValueNotSupported", 'spec.policyTypes[1]: Unsupported value: "Egres": supported values: "Ingress", "Egress"']],
    },
    {
      label: "at most two policyTypes",
      yaml: policy("policyTypes: [Ingress, Egress, Ingress]"),
      causes: [["FieldValueInvalid", 'spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes']],
    },
    {
      label: "selector label values and operators",
      yaml: policy("ingress:\n- from:\n  - podSelector:\n      matchExpressions:\n      - key: app\n        operator: In\n      - key: tier\n        operator: Exists\n        values: [a]\n      - key: x\n        operator: Equals"),
      causes: [
        ["FieldValueRequired", "spec.ingress[0].from[0].podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
        ["FieldValueForbidden", "spec.ingress[0].from[0].podSelector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
        ["FieldValueInvalid", 'spec.ingress[0].from[0].podSelector.matchExpressions[2].operator: Invalid value: "Equals": not a valid selector operator'],
      ],
    },
  ])("$label", ({ yaml, causes }) => {
    expectCauses(admitYaml(yaml), causes as [string, string][]);
  });

  test.each([
    { label: "the kubernetes.io example policy", yaml: policy("policyTypes: [Ingress, Egress]\ningress:\n- from:\n  - ipBlock:\n      cidr: 172.17.0.0/16\n      except: [172.17.1.0/24]\n  - namespaceSelector:\n      matchLabels: {project: myproject}\n  - podSelector:\n      matchLabels: {role: frontend}\n  ports:\n  - protocol: TCP\n    port: 6379\negress:\n- to:\n  - ipBlock:\n      cidr: 10.0.0.0/24\n  ports:\n  - protocol: TCP\n    port: 5978") },
    { label: "a port range", yaml: policy("egress:\n- ports:\n  - port: 32000\n    endPort: 32768") },
    { label: "namespaceSelector and podSelector in one peer", yaml: policy("ingress:\n- from:\n  - namespaceSelector: {matchLabels: {team: a}}\n    podSelector: {matchLabels: {app: b}}") },
  ])("accepted: $label", ({ yaml }) => {
    expect(admitYaml(yaml).ok).toBe(true);
  });

  test("an omitted podSelector is the empty selector, as the API server decodes it", () => {
    const result = admitYaml("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  policyTypes: [Ingress]\n");
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value.spec as { podSelector: unknown }).podSelector).toEqual({});
  });
});
