import { describe, expect, test } from "vitest";
import type { FieldError } from "@/lib/sim/validation/field-error";
import { duplicate, forbidden, invalid, notSupported, required, tooLong, tooMany } from "@/lib/sim/validation/field-errors";
import { formatFieldError, goLiteral, goQuote, invalidStatusError } from "@/lib/sim/validation/format-field-error";

// Expected texts follow field.Error.ErrorBody in kubernetes/kubernetes
// staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go and its errors_test.go.
describe("formatFieldError", () => {
  test.each<{ label: string; error: FieldError; text: string }>([
    { label: "Required without detail", error: required("spec.ports"), text: "spec.ports: Required value" },
    { label: "Required with detail", error: required("spec.rules[0].http.paths[0].pathType", "pathType must be specified"), text: "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified" },
    { label: "Invalid with a number (%v)", error: invalid("spec.ports[0].port", 0, "must be between 1 and 65535, inclusive"), text: "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive" },
    { label: "Invalid with a string (%q)", error: invalid("metadata.name", "Web", "bad"), text: 'metadata.name: Invalid value: "Web": bad' },
    { label: "Invalid with a boolean", error: invalid("x", true, "bad"), text: "x: Invalid value: true: bad" },
    { label: "Invalid with null", error: invalid("x", null, "bad"), text: "x: Invalid value: null: bad" },
    { label: "Invalid with a string map (%#v)", error: invalid("spec.template.metadata.labels", { app: "api", tier: "b" }, "`selector` does not match template `labels`"), text: 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"b"}: `selector` does not match template `labels`' },
    { label: "Invalid with a string slice", error: invalid("spec.clusterIPs", ["10.0.0.1"], "bad"), text: 'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: bad' },
    { label: "NotSupported lists quoted values", error: notSupported("spec.type", "Foo", ["ClusterIP", "ExternalName"]), text: 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName"' },
    { label: "Duplicate", error: duplicate("spec.ports[1].name", "http"), text: 'spec.ports[1].name: Duplicate value: "http"' },
    { label: "Duplicate with a Go literal", error: duplicate("spec.ports[1]", goLiteral("core.ServicePort{Port:80}")), text: "spec.ports[1]: Duplicate value: core.ServicePort{Port:80}" },
    { label: "Forbidden never prints the value", error: forbidden("spec.ports[0].nodePort", "may not be used when `type` is 'ClusterIP'"), text: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
    { label: "TooLong never prints the value", error: tooLong("metadata.annotations", 262144), text: "metadata.annotations: Too long: must have at most 262144 bytes" },
    { label: "TooMany prints the count", error: tooMany("endpoints", 1001, 1000), text: "endpoints: Too many: 1001: must have at most 1000 items" },
  ])("$label", ({ error, text }) => {
    expect(formatFieldError(error)).toBe(text);
  });
});

describe("goQuote escapes like Go's strconv.Quote", () => {
  test.each([
    { input: "web", quoted: '"web"' },
    { input: 'a"b\\c', quoted: '"a\\"b\\\\c"' },
    { input: "tab\there\nnl", quoted: '"tab\\there\\nnl"' },
    { input: "\u0001\u007f", quoted: '"\\x01\\x7f"' },
    { input: "café ☕", quoted: '"café ☕"' },
  ])("$input", ({ input, quoted }) => {
    expect(goQuote(input)).toBe(quoted);
  });
});

describe("invalidStatusError (apierrors.NewInvalid as kubectl prints it)", () => {
  test("one cause stays on the line", () => {
    // https://kubernetes.io/docs/concepts/services-networking/service/ (type NodePort): the allocator's message.
    const error = invalidStatusError("Service", "web", [
      invalid("spec.ports[0].nodePort", 80, "provided port is not in the valid range. The range of valid ports is 30000-32767"),
    ]);
    expect(error).toMatchObject({ reason: "Invalid", code: 422, details: { kind: "Service", name: "web", group: "" } });
    expect(error.message).toBe('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  test("several causes become a bulleted list, duplicates reported once", () => {
    const error = invalidStatusError("Ingress", "shop", [required("spec.rules[0].http.paths[0].pathType", "pathType must be specified"), required("spec.rules[0].http.paths[0].pathType", "pathType must be specified"), invalid("spec.rules[0].host", "1.2.3.4", "must be a DNS name, not an IP address")]);
    expect(error.message).toBe(
      'The Ingress "shop" is invalid: \n' +
        "* spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n" +
        '* spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address',
    );
    expect(error.causes).toHaveLength(2);
    expect(error.details?.group).toBe("networking.k8s.io");
  });

  test("no causes", () => {
    expect(invalidStatusError("Service", "web", []).message).toBe('The Service "web" is invalid');
  });
});
