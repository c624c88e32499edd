import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { admitYaml, expectCauses } from "./admit-yaml";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

// Rules: kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidateEndpoints, ValidateSecret,
// ValidateNamespace, ValidateConfigMap) and pkg/apis/discovery/validation/validation.go.
describe("Endpoints and EndpointSlice validation", () => {
  test.each([
    {
      label: "Endpoints addresses are IPs, several ports are named",
      yaml: "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n- addresses:\n  - ip: db.example.com\n  ports:\n  - port: 5432\n  - name: metrics\n    port: 0\n    protocol: ICMP",
      causes: [
        ["FieldValueInvalid", 'subsets[0].addresses[0].ip: Invalid value: "db.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
        ["FieldValueRequired", "subsets[0].ports[0].name: Required value"],
        ["FieldValueInvalid", "subsets[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive"],
        ["FieldValueNotSupported", 'subsets[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
      ],
    },
    {
      label: "EndpointSlice addresses match the addressType",
      yaml: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-1\naddressType: IPv4\nendpoints:\n- addresses: [\"2001:db8::1\"]\n- addresses: []\nports:\n- name: pg\n  port: 5432\n- name: pg\n  port: 5433",
      causes: [
        ["FieldValueInvalid", 'endpoints[0].addresses[0]: Invalid value: "2001:db8::1": must be a valid IPv4 address'],
        ["FieldValueRequired", "endpoints[1].addresses: Required value: must contain at least 1 address"],
        ["FieldValueDuplicate", 'ports[1].name: Duplicate value: "pg"'],
      ],
    },
    {
      label: "endpoints may not be loopback, link-local or unspecified (ValidateNonSpecialIP)",
      yaml: "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n- addresses:\n  - ip: 127.0.0.1\n  - ip: 169.254.169.254\n  - ip: 0.0.0.0\n  ports:\n  - port: 5432",
      causes: [
        ["FieldValueInvalid", 'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
        ["FieldValueInvalid", 'subsets[0].addresses[1].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)'],
        ["FieldValueInvalid", 'subsets[0].addresses[2].ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)'],
      ],
    },
    {
      label: "EndpointSlice addressType enum",
      yaml: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-1\naddressType: IP\nendpoints: []",
      causes: [["FieldValueNotSupported", 'addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']],
    },
  ])("$label", ({ yaml, causes }) => {
    expectCauses(admitYaml(yaml), causes as [string, string][]);
  });

  test("an EndpointSlice without endpoints is accepted (the schema's required list is not the API server's rule)", () => {
    expect(admitYaml("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-1\naddressType: IPv4\n").ok).toBe(true);
  });

  test("a selector-less Service's hand-written Endpoints are accepted with protocol TCP", () => {
    const result = admitYaml("apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n- addresses:\n  - ip: 192.0.2.42\n  ports:\n  - port: 5432");
    expect(result.ok && (result.value as { subsets: { ports: { protocol: string }[] }[] }).subsets[0].ports[0].protocol).toBe("TCP");
  });
});

describe("Secret validation", () => {
  test("a kubernetes.io/tls Secret needs tls.crt and tls.key", () => {
    const result = admitYaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTg==\n");
    expectCauses(result, [["FieldValueRequired", "data[tls.key]: Required value"]]);
    expect(result.ok ? undefined : result.error.causes?.[0].position).toEqual({ line: 6, column: 1 });
  });

  test("stringData counts towards the tls keys", () => {
    expect(admitYaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-tls\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: cert\n  tls.key: key\n").ok).toBe(true);
  });

  test("an unquoted `y` is a YAML 1.1 boolean, so go-yaml and the API server refuse it as a string", () => {
    const result = admitYaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  answer: y\n");
    expect(result.ok ? "" : result.error.message).toBe('Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal bool into Go struct field Secret.stringData of type string');
  });

  test("keys are config keys", () => {
    expectCauses(admitYaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  'my key': x\n"), [
      ["FieldValueInvalid", `data[my key]: Invalid value: "my key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`],
    ]);
  });

  test("data values must be base64 (a decoding error, as on a real cluster)", () => {
    const result = admitYaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hello\n");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ reason: "BadRequest", code: 400 });
      expect(result.error.message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
    }
  });

  test("kubectl create secret generic output is accepted", () => {
    expect(admitYaml(fixture("kubectl-create-secret.yaml")).ok).toBe(true);
  });
});

describe("Namespace and ConfigMap validation", () => {
  test("Namespace names are DNS-1123 labels (no dots)", () => {
    expectCauses(admitYaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n"), [["FieldValueInvalid", 'metadata.name: Invalid value: "team.a": must not contain dots']]);
  });

  test("a namespace on a cluster-scoped object is dropped, as the API server does", () => {
    const result = admitYaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  namespace: default\n");
    expect(result.ok && (result.value.metadata as { namespace?: string }).namespace).toBe(undefined);
  });

  test("label keys are qualified names", () => {
    expectCauses(admitYaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  labels:\n    app/kubernetes.io/name: web\n"), [
      ["FieldValueInvalid", `metadata.labels: Invalid value: "app/kubernetes.io/name": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ]);
  });

  test.each(["kubectl-create-namespace.yaml", "kubectl-create-configmap.yaml", "kubectl-create-service-nodeport.yaml", "kubectl-create-service-headless.yaml", "kubectl-create-ingress.yaml"])("%s is accepted", (name) => {
    expect(admitYaml(fixture(name)).ok).toBe(true);
  });
});

describe("cert-manager kinds", () => {
  test("a ClusterIssuer with an ACME solver is accepted; a Certificate needs a secretName and an issuer", () => {
    expect(admitYaml("apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: letsencrypt\nspec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n    email: ops@example.com\n    privateKeySecretRef:\n      name: letsencrypt-key\n    solvers:\n    - http01:\n        ingress:\n          ingressClassName: nginx\n").ok).toBe(true);
    expectCauses(admitYaml("apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: shop\nspec:\n  dnsNames: [shop.example.com]\n"), [
      ["FieldValueRequired", "spec.secretName: Required value: must be specified"],
      ["FieldValueRequired", "spec.issuerRef.name: Required value: must be specified"],
    ]);
  });

  test("unknown cert-manager fields are rejected by strict decoding too", () => {
    const result = admitYaml("apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: self\nspec:\n  selfsigned: {}\n");
    expect(result.ok ? "" : result.error.message).toBe('Issuer in version "v1" cannot be handled as a Issuer: strict decoding error: unknown field "spec.selfsigned"');
  });
});
