import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_CLUSTER_CONFIG } from "@/lib/sim/config";
import { applyDefaults } from "@/lib/sim/defaults/apply-defaults";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import type { ManifestObject } from "@/lib/sim/objects/meta";
import { admitObject } from "@/lib/sim/validation/admit-object";
import { formatFieldError } from "@/lib/sim/validation/format-field-error";
import { admitYaml } from "./admit-yaml";

const admit = (object: unknown) => admitObject(object as ManifestObject, { operation: "create", config: DEFAULT_CLUSTER_CONFIG });

describe("admitObject: strict decoding (kubectl apply defaults to --validate=strict)", () => {
  test.each([
    {
      // The message quoted in dotnet/dotnet-docker#5214 from `kubectl apply` against a real cluster.
      label: "containers under template.metadata",
      yaml: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      containers: []\n      volumes: []\n",
      message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.metadata.containers", unknown field "spec.template.metadata.volumes"',
      fields: [["spec.template.metadata.containers", 11], ["spec.template.metadata.volumes", 12]],
    },
    {
      label: "a misspelt selector",
      yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selectr:\n    app: web\n  ports:\n  - port: 80\n",
      message: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"',
      fields: [["spec.selectr", 6]],
    },
    {
      // Shape of the path as in GoogleCloudPlatform/container-engine-accelerators#265: list indices included.
      label: "an unknown field inside a list item",
      yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetport: 8080\n",
      message: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"',
      fields: [["spec.ports[0].targetport", 8]],
    },
    {
      label: "an unknown top-level field",
      yaml: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\npodSelector: {}\n",
      message: 'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "podSelector"',
      fields: [["podSelector", 5]],
    },
  ])("$label", ({ yaml, message, fields }) => {
    const result = admitYaml(yaml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe("BadRequest");
    expect(result.error.code).toBe(400);
    expect(result.error.message).toBe(message);
    expect(result.error.causes?.map((c) => [c.field, c.position?.line])).toEqual(fields);
    expect(result.error.causes?.map(formatFieldError)).toEqual(fields.map(([field]) => `unknown field "${field}"`));
  });
});

describe("admitObject: decoding type errors (encoding/json wording)", () => {
  test.each([
    {
      // As quoted in SigNoz/charts#635 and velero-io/velero#3788.
      label: "a quoted port",
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: "80"\n',
      message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    },
    {
      label: "a number as a label value",
      yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    version: 2\n",
      message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    },
    {
      label: "a map where a list is expected",
      yaml: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        name: web\n",
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    },
    {
      label: "a fractional replica count",
      yaml: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1.5\n",
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    },
    {
      label: "an unquoted yes in an env value is a YAML 1.1 boolean",
      yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    env:\n    - name: DEBUG\n      value: yes\n",
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string',
    },
    {
      label: "a fractional targetPort (intstr.IntOrString decodes numbers as int32)",
      yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: 80.5\n",
      message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 80.5 into Go value of type int32',
    },
    {
      label: "the type error wins over unknown fields",
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selectr: {}\n  ports:\n  - port: "80"\n',
      message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    },
  ])("$label", ({ yaml, message }) => {
    const result = admitYaml(yaml);
    expect(result.ok ? "" : result.error.message).toBe(message);
    expect(result.ok ? "" : result.error.reason).toBe("BadRequest");
  });

  test("the cause of a type error names the field and its line", () => {
    const result = admitYaml('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: "80"\n');
    expect(result.ok ? [] : result.error.causes?.map((c) => [c.field, c.position?.line, formatFieldError(c)])).toEqual([
      ["spec.ports[0].port", 7, "json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32"],
    ]);
  });
});

describe("admitObject: kinds and versions", () => {
  test.each([
    {
      label: "an unknown kind (kubectl's RESTMapper error)",
      object: { apiVersion: "v1", kind: "Servic", metadata: { name: "web" } },
      message: 'resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Servic" in version "v1"\nensure CRDs are installed first',
      reason: "NotFound",
    },
    {
      label: "a removed API version",
      object: { apiVersion: "extensions/v1beta1", kind: "Ingress", metadata: { name: "web", namespace: "shop" } },
      message: 'resource mapping not found for name: "web" namespace: "shop" from "STDIN": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first',
      reason: "NotFound",
    },
    {
      // kubectl v1.32 output for a document without apiVersion, checked on this machine.
      label: "apiVersion not set",
      object: { kind: "Service", metadata: { name: "a" } },
      message: 'error validating "STDIN": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
      reason: "BadRequest",
    },
    {
      label: "kind not set",
      object: { apiVersion: "v1", metadata: { name: "a" } },
      message: 'error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
      reason: "BadRequest",
    },
    {
      label: "not an object",
      object: ["a"],
      message: 'error validating "STDIN": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
      reason: "BadRequest",
    },
  ])("$label", ({ object, message, reason }) => {
    const result = admit(object);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(message);
      expect(result.error.reason).toBe(reason);
    }
  });

  test.each([
    { label: "an apiVersion that is a mapping", object: { apiVersion: { toString: false }, kind: "ConfigMap" }, message: 'unable to decode "STDIN": json: cannot unmarshal object into Go struct field detector.apiVersion of type string' },
    { label: "a numeric kind", object: { apiVersion: "v1", kind: 5 }, message: 'unable to decode "STDIN": json: cannot unmarshal number into Go struct field detector.kind of type string' },
  ])("$label is a decoding error, not an internal one", ({ object, message }) => {
    const result = admit(object);
    expect(result.ok ? "" : `${result.error.reason}: ${result.error.message}`).toBe(`BadRequest: ${message}`);
  });

  test.each([
    { label: "an empty Service port", yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - \n", first: "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive" },
    { label: "an empty container port", yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - \n", first: "spec.containers[0].ports[0].containerPort: Required value" },
    { label: "an empty EndpointSlice endpoint", yaml: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ext-1\naddressType: IPv4\nendpoints:\n-\n", first: "endpoints[0].addresses: Required value: must contain at least 1 address" },
  ])("a null list item decodes to the zero value and fails validation: $label", ({ yaml, first }) => {
    const result = admitYaml(yaml);
    expect(result.ok ? "" : formatFieldError(result.error.causes![0])).toBe(first);
  });

  test("metadata.name is required", () => {
    const result = admit({ apiVersion: "v1", kind: "ConfigMap", data: { a: "b" } });
    expect(result.ok ? "" : result.error.message).toBe('The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  test("fractional quantities are fine", () => {
    const result = admit({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "nginx", resources: { requests: { cpu: 0.5, memory: "64Mi" } } }] } });
    expect(result.ok).toBe(true);
  });

  test("schema errors from kubernetes-models fill in where the kind's rules are silent", () => {
    const result = admit({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "nginx", env: [{ value: "x" }] }] } });
    expect(result.ok ? "" : result.error.message).toBe('The Pod "p" is invalid: spec.containers[0].env[0].name: Required value');
  });

  test("a `__proto__` label key is kept as data and rejected, never turned into a prototype", () => {
    const result = admitYaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    __proto__: x\n");
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error.causes?.map((c) => c.badValue)).toEqual(["__proto__"]);
  });

  test("the input object is never modified", () => {
    const object = { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } };
    const copy = JSON.parse(JSON.stringify(object));
    admit(object);
    expect(object).toEqual(copy);
  });
});

const KIND_SHAPES: ManifestObject[] = parseManifests(`apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: LoadBalancer, selector: {app: web}, sessionAffinity: ClientIP, ports: [{port: 80, targetPort: 0}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}], readinessProbe: {httpGet: {port: 80}}}]}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np}
spec: {egress: [{ports: [{port: 53}]}]}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-1}
addressType: IPv4
endpoints: [{addresses: [10.244.1.5]}]
ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {hostNetwork: true, containers: [{name: a, image: "busybox@sha256:abc", ports: [{containerPort: 8080}]}]}
`).documents.map((d) => d.object);

describe("admitObject: properties", () => {
  test("never throws on arbitrary JSON values, and rejects with a StatusError value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = admit(value);
        if (!result.ok) expect(typeof result.error.message).toBe("string");
      }),
      { numRuns: 500 },
    );
  });

  test("never throws on objects shaped like the kinds it knows, with arbitrary values inside", () => {
    const kinds = fc.constantFrom("Service", "Pod", "Deployment", "Ingress", "NetworkPolicy", "Secret", "EndpointSlice", "Endpoints", "Namespace", "IngressClass", "Certificate");
    const apiVersions: Record<string, string> = { Deployment: "apps/v1", Ingress: "networking.k8s.io/v1", NetworkPolicy: "networking.k8s.io/v1", IngressClass: "networking.k8s.io/v1", EndpointSlice: "discovery.k8s.io/v1", Certificate: "cert-manager.io/v1" };
    fc.assert(
      fc.property(kinds, fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 3 }), (kind, spec, metadata) => {
        const result = admit({ apiVersion: apiVersions[kind] ?? "v1", kind, metadata, spec, data: spec, endpoints: spec, subsets: spec });
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 800 },
    );
  });

  test("deeply nested values are answered, not thrown", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 2000; i++) deep = { spec: deep };
    expect(admit({ apiVersion: "v1", kind: "Service", metadata: { name: "a" }, spec: deep }).ok).toBe(false);
  });

  test("admitting a generated Service twice changes nothing, whether or not it was valid", () => {
    const port = fc.record(
      {
        name: fc.constantFrom("http", "https", "metrics", "Bad_Name"),
        port: fc.integer({ min: 0, max: 70000 }),
        targetPort: fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.constantFrom("http", "web", "")),
        protocol: fc.constantFrom("TCP", "UDP", "SCTP", "HTTP"),
        nodePort: fc.integer({ min: 29000, max: 33000 }),
        appProtocol: fc.constantFrom("http", "kubernetes.io/h2c", "not a protocol"),
      },
      { requiredKeys: ["port"] },
    );
    const spec = fc.record(
      {
        type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
        clusterIP: fc.constantFrom("None", "10.96.0.50", ""),
        externalName: fc.constantFrom("db.example.com", "db.example.com."),
        selector: fc.dictionary(fc.constantFrom("app", "tier", "app.kubernetes.io/name"), fc.constantFrom("web", "db", "-x")),
        sessionAffinity: fc.constantFrom("None", "ClientIP"),
        externalTrafficPolicy: fc.constantFrom("Cluster", "Local"),
        ports: fc.array(port, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(spec, (s) => {
        const first = admit({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: s });
        if (!first.ok) {
          expect(["Invalid", "BadRequest"]).toContain(first.error.reason);
          return;
        }
        const second = admit(first.value);
        expect(second.ok && second.value).toEqual(first.value);
      }),
      { numRuns: 500 },
    );
  });

  test.each(KIND_SHAPES.map((object) => ({ kind: object.kind, object })))("admitting twice changes nothing ($kind)", ({ object }) => {
    const first = admit(object);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = admit(first.value);
    expect(second.ok).toBe(true);
    if (second.ok) expect(second.value).toEqual(first.value);
    expect(applyDefaults(first.value)).toEqual(first.value);
  });
});
