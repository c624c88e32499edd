import { describe, expect, test } from "vitest";
import { admitYaml, expectCauses } from "./admit-yaml";

const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
${spec.replace(/^/gm, "  ")}
`;
const rule = (path: string) => `rules:
- host: shop.example.com
  http:
    paths:
${path.replace(/^/gm, "    ")}`;
const backend = "backend:\n  service:\n    name: web\n    port:\n      number: 80";

// Rules: kubernetes/kubernetes pkg/apis/networking/validation/validation.go (ValidateIngressSpec,
// validateIngressRules, validateHTTPIngressPath, validateIngressBackend, validateIngressTLS) and
// https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types.
describe("Ingress validation", () => {
  test.each([
    {
      label: "pathType is required (a common mistake when upgrading from v1beta1)",
      yaml: ingress(rule(`- path: /\n${backend.replace(/^/gm, "  ")}`)),
      causes: [["FieldValueRequired", "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified"]],
    },
    {
      label: "pathType enum",
      yaml: ingress(rule(`- path: /\n  pathType: prefix\n${backend.replace(/^/gm, "  ")}`)),
      causes: [["FieldValueNotSupported", 'spec.rules[0].http.paths[0].pathType: Unsupported value: "prefix": supported values: "Exact", "ImplementationSpecific", "Prefix"']],
    },
    {
      label: "Prefix and Exact paths must be absolute",
      yaml: ingress(rule(`- path: api\n  pathType: Prefix\n${backend.replace(/^/gm, "  ")}`)),
      causes: [["FieldValueInvalid", 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    },
    {
      label: "paths may not contain // or end in /..",
      yaml: ingress(rule(`- path: /a//b/..\n  pathType: Exact\n${backend.replace(/^/gm, "  ")}`)),
      causes: [
        ["FieldValueInvalid", `spec.rules[0].http.paths[0].path: Invalid value: "/a//b/..": must not contain '//'`],
        ["FieldValueInvalid", `spec.rules[0].http.paths[0].path: Invalid value: "/a//b/..": cannot end with '/..'`],
      ],
    },
    {
      label: "service port by name or by number, not both",
      yaml: ingress(rule("- path: /\n  pathType: Prefix\n  backend:\n    service:\n      name: web\n      port:\n        number: 80\n        name: http")),
      causes: [["FieldValueInvalid", 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number']],
    },
    {
      label: "a service backend needs a port",
      yaml: ingress(rule("- path: /\n  pathType: Prefix\n  backend:\n    service:\n      name: web")),
      causes: [["FieldValueRequired", "spec.rules[0].http.paths[0].backend: Required value: port name or number is required"]],
    },
    {
      label: "service and resource backends are exclusive",
      yaml: ingress(rule("- path: /\n  pathType: Prefix\n  backend:\n    service:\n      name: web\n      port: {number: 80}\n    resource:\n      kind: StorageBucket\n      name: static")),
      causes: [["FieldValueInvalid", 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends']],
    },
    {
      label: "a backend needs a service or a resource",
      yaml: ingress(rule("- path: /\n  pathType: Prefix\n  backend: {}")),
      causes: [["FieldValueInvalid", 'spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']],
    },
    {
      label: "the backend service name is a DNS-1035 label",
      yaml: ingress(rule("- path: /\n  pathType: Prefix\n  backend:\n    service:\n      name: Web\n      port: {number: 80}")),
      causes: [["FieldValueInvalid", `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`]],
    },
    {
      label: "the port number is in range",
      yaml: ingress(rule("- path: /\n  pathType: Prefix\n  backend:\n    service:\n      name: web\n      port: {number: 70000}")),
      causes: [["FieldValueInvalid", "spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive"]],
    },
    {
      label: "a host may not be an IP address",
      yaml: ingress(`rules:\n- host: 203.0.113.10\n  http:\n    paths:\n    - path: /\n      pathType: Prefix\n${backend.replace(/^/gm, "      ")}`),
      causes: [["FieldValueInvalid", 'spec.rules[0].host: Invalid value: "203.0.113.10": must be a DNS name, not an IP address']],
    },
    {
      label: "a wildcard host is `*.` followed by a subdomain",
      yaml: ingress(`rules:\n- host: "*.*.example.com"\n  http:\n    paths:\n    - path: /\n      pathType: Prefix\n${backend.replace(/^/gm, "      ")}`),
      causes: [["FieldValueInvalid", `spec.rules[0].host: Invalid value: "*.*.example.com": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]],
    },
    {
      label: "rules or a defaultBackend",
      yaml: ingress("ingressClassName: nginx"),
      causes: [["FieldValueInvalid", "spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified"]],
    },
    {
      label: "an http rule needs paths",
      yaml: ingress("rules:\n- host: shop.example.com\n  http:\n    paths: []"),
      causes: [["FieldValueRequired", "spec.rules[0].http.paths: Required value"]],
    },
    {
      label: "TLS hosts and secret names",
      yaml: ingress(`tls:\n- hosts: [Shop.example.com]\n  secretName: shop_tls\ndefaultBackend:\n  service:\n    name: web\n    port: {number: 80}`),
      causes: [
        ["FieldValueInvalid", `spec.tls[0].hosts[0]: Invalid value: "Shop.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
        ["FieldValueInvalid", `spec.tls[0].secretName: Invalid value: "shop_tls": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
      ],
    },
  ])("$label", ({ yaml, causes }) => {
    expectCauses(admitYaml(yaml), causes as [string, string][]);
  });

  test.each([
    { label: "a wildcard host", yaml: ingress(`rules:\n- host: "*.example.com"\n  http:\n    paths:\n    - path: /\n      pathType: Prefix\n${backend.replace(/^/gm, "      ")}`) },
    { label: "ImplementationSpecific with an empty path", yaml: ingress(rule(`- pathType: ImplementationSpecific\n${backend.replace(/^/gm, "  ")}`)) },
    { label: "only a defaultBackend", yaml: ingress("defaultBackend:\n  service:\n    name: web\n    port: {name: http}") },
    { label: "a resource backend", yaml: ingress("defaultBackend:\n  resource:\n    apiGroup: k8s.example.com\n    kind: StorageBucket\n    name: static") },
  ])("accepted: $label", ({ yaml }) => {
    expect(admitYaml(yaml).ok).toBe(true);
  });
});

test("the kubernetes.io/ingress.class annotation must agree with ingressClassName (ValidateIngressCreate)", () => {
  const yaml = ingress(`ingressClassName: nginx\ndefaultBackend:\n  service:\n    name: web\n    port: {number: 80}`).replace("  name: shop\n", "  name: shop\n  annotations:\n    kubernetes.io/ingress.class: traefik\n");
  const result = admitYaml(yaml);
  expectCauses(result, [["FieldValueInvalid", 'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified']]);
  expect(result.ok ? undefined : result.error.causes?.[0].position).toEqual({ line: 6, column: 34 });
});

describe("IngressClass validation (validateIngressClassSpec)", () => {
  const ingressClass = (controller: string) => `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: ${controller}\n`;
  test.each([
    { label: "a controller without a domain prefix", controller: "nginx", causes: [["FieldValueInvalid", 'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']] },
    { label: "a controller with a bad domain", controller: "K8s.io/ingress-nginx", causes: [["FieldValueInvalid", `spec.controller: Invalid value: "K8s.io": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]] },
    { label: "an empty controller", controller: '""', causes: [["FieldValueRequired", "spec.controller: Required value"]] },
  ])("$label", ({ controller, causes }) => {
    expectCauses(admitYaml(ingressClass(controller)), causes as [string, string][]);
  });

  test("parameters: scope defaults to Cluster, which forbids a namespace; Namespace scope requires one", () => {
    const withParameters = (parameters: string) => `${ingressClass("example.com/lb")}  parameters:\n${parameters.replace(/^/gm, "    ")}\n`;
    expectCauses(admitYaml(withParameters("kind: IngressParameters\nname: external-lb\nnamespace: infra")), [
      ["FieldValueForbidden", "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"],
    ]);
    expectCauses(admitYaml(withParameters("kind: IngressParameters\nname: external-lb\nscope: Namespace")), [
      ["FieldValueRequired", "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"],
    ]);
    expectCauses(admitYaml(withParameters("kind: Ingress/Parameters\nname: external-lb")), [
      ["FieldValueInvalid", `spec.parameters.kind: Invalid value: "Ingress/Parameters": may not contain '/'`],
    ]);
  });

  test("k8s.io/ingress-nginx is accepted, and the controller is immutable", () => {
    const first = admitYaml(ingressClass("k8s.io/ingress-nginx"));
    expect(first.ok).toBe(true);
    const update = admitYaml(ingressClass("example.com/other"), { operation: "update", old: first.ok ? first.value : undefined });
    expectCauses(update, [["FieldValueInvalid", 'spec.controller: Invalid value: "example.com/other": field is immutable']]);
  });
});
