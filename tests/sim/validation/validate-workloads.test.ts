import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { admitYaml, admitted, expectCauses } from "./admit-yaml";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

const deployment = (spec: string, name = "web") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${spec.replace(/^/gm, "  ")}
`;
const template = (labels: string, containers: string) => `template:
  metadata:
    labels: ${labels}
  spec:
    containers:
${containers.replace(/^/gm, "    ")}`;
const nginx = "- name: web\n  image: nginx:1.27";

// Rules: kubernetes/kubernetes pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec,
// ValidatePodTemplateSpecForReplicaSet, ValidateDeploymentStrategy) and pkg/apis/core/validation/validation.go
// (ValidatePodSpec, validateContainers, validateContainerPorts).
describe("Deployment validation", () => {
  test.each([
    {
      label: "the selector must match the template labels",
      yaml: deployment(`selector:\n  matchLabels: {app: web}\n${template("{app: api}", nginx)}`),
      causes: [["FieldValueInvalid", 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`']],
    },
    {
      label: "apps/v1 requires a selector",
      yaml: deployment(template("{app: web}", nginx)),
      causes: [["FieldValueRequired", "spec.selector: Required value"]],
    },
    {
      label: "an empty selector is invalid",
      yaml: deployment(`selector: {}\n${template("{app: web}", nginx)}`),
      causes: [["FieldValueInvalid", "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"]],
    },
    {
      label: "the template restartPolicy must be Always",
      yaml: deployment(`selector:\n  matchLabels: {app: web}\ntemplate:\n  metadata:\n    labels: {app: web}\n  spec:\n    restartPolicy: Never\n    containers:\n${nginx.replace(/^/gm, "    ")}`),
      causes: [["FieldValueNotSupported", 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    },
    {
      label: "negative replicas",
      yaml: deployment(`replicas: -1\nselector:\n  matchLabels: {app: web}\n${template("{app: web}", nginx)}`),
      causes: [["FieldValueInvalid", "spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
    },
    {
      label: "containers need a name and an image, ports a containerPort",
      yaml: deployment(`selector:\n  matchLabels: {app: web}\n${template("{app: web}", "- ports:\n  - name: http\n  - containerPort: 80\n    name: http")}`),
      causes: [
        ["FieldValueRequired", "spec.template.spec.containers[0].name: Required value"],
        ["FieldValueRequired", "spec.template.spec.containers[0].image: Required value"],
        ["FieldValueRequired", "spec.template.spec.containers[0].ports[0].containerPort: Required value"],
        ["FieldValueDuplicate", 'spec.template.spec.containers[0].ports[1].name: Duplicate value: "http"'],
      ],
    },
    {
      label: "container port names are IANA_SVC_NAMEs; ports in range",
      yaml: deployment(`selector:\n  matchLabels: {app: web}\n${template("{app: web}", "- name: web\n  image: nginx\n  ports:\n  - containerPort: 70000\n    name: http_alt")}`),
      causes: [
        ["FieldValueInvalid", 'spec.template.spec.containers[0].ports[0].name: Invalid value: "http_alt": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
        ["FieldValueInvalid", "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"],
      ],
    },
    {
      label: "a strategy type that does not exist",
      yaml: deployment(`selector:\n  matchLabels: {app: web}\nstrategy:\n  type: BlueGreen\n${template("{app: web}", nginx)}`),
      causes: [["FieldValueNotSupported", 'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"']],
    },
    {
      label: "duplicate container names",
      yaml: deployment(`selector:\n  matchLabels: {app: web}\n${template("{app: web}", `${nginx}\n${nginx}`)}`),
      causes: [["FieldValueDuplicate", 'spec.template.spec.containers[1].name: Duplicate value: "web"']],
    },
  ])("$label", ({ yaml, causes }) => {
    expectCauses(admitYaml(yaml), causes as [string, string][]);
  });

  test("kubectl create deployment output is accepted", () => {
    expect(admitYaml(fixture("kubectl-create-deployment.yaml")).ok).toBe(true);
  });

  // The message quoted in open-policy-agent/gatekeeper#466 and kyma-project/kyma#12947.
  test("spec.selector is immutable in apps/v1", () => {
    const old = admitted(fixture("kubectl-create-deployment.yaml"));
    const changed = fixture("kubectl-create-deployment.yaml").replace(/app: web/g, "app: web2");
    expectCauses(admitYaml(changed, { operation: "update", old }), [
      ["FieldValueInvalid", 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'],
    ]);
  });

  test("the same selector with its labels in another order is not a change", () => {
    const text = (labels: string) => deployment(`selector:\n  matchLabels: ${labels}\n${template("{app: web, tier: front}", nginx)}`);
    const old = admitted(text("{app: web, tier: front}"));
    expect(admitYaml(text("{tier: front, app: web}"), { operation: "update", old }).ok).toBe(true);
  });

  test("a Pod may change only its images (ValidatePodUpdate), whatever the key order", () => {
    const pod = (image: string, extra = "") => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${extra}  containers:\n  - image: ${image}\n    name: web\n`;
    const old = admitted(pod("nginx:1.26"));
    expect(admitYaml(pod("nginx:1.27"), { operation: "update", old }).ok).toBe(true);
    const result = admitYaml(pod("nginx:1.27", "  restartPolicy: Never\n"), { operation: "update", old });
    expect(result.ok ? [] : result.error.causes?.map((c) => [c.field, c.type])).toEqual([["spec", "FieldValueForbidden"]]);
  });

  test("a ReplicaSet's selector is immutable too", () => {
    const rs = (app: string) =>
      `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;
    const old = admitted(rs("web"));
    expectCauses(admitYaml(rs("api"), { operation: "update", old }), [
      ["FieldValueInvalid", 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"api"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'],
    ]);
  });

  test("scaling the same Deployment is a valid update", () => {
    const old = admitted(fixture("kubectl-create-deployment.yaml"));
    expect(admitYaml(fixture("kubectl-create-deployment.yaml").replace("replicas: 2", "replicas: 5"), { operation: "update", old }).ok).toBe(true);
  });
});

describe("Pod validation", () => {
  const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n${spec.replace(/^/gm, "  ")}\n`;
  test.each([
    { label: "containers are required", yaml: pod("restartPolicy: Never"), causes: [["FieldValueRequired", "spec.containers: Required value"]] },
    { label: "dnsPolicy enum", yaml: pod(`dnsPolicy: ClusterFirstt\ncontainers:\n${nginx}`), causes: [["FieldValueNotSupported", 'spec.dnsPolicy: Unsupported value: "ClusterFirstt": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"']] },
    { label: "imagePullPolicy enum", yaml: pod("containers:\n- name: a\n  image: busybox\n  imagePullPolicy: Sometimes"), causes: [["FieldValueNotSupported", 'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']] },
    {
      label: "volumeMounts must name a volume of the Pod, with unique mount paths",
      yaml: pod("volumes:\n- name: html\n- name: html\ncontainers:\n- name: a\n  image: nginx\n  volumeMounts:\n  - name: config\n    mountPath: /etc/nginx\n  - name: html\n    mountPath: /etc/nginx"),
      causes: [
        ["FieldValueDuplicate", 'spec.volumes[1].name: Duplicate value: "html"'],
        ["FieldValueNotFound", 'spec.containers[0].volumeMounts[0].name: Not found: "config"'],
        ["FieldValueInvalid", 'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/etc/nginx": must be unique'],
      ],
    },
    { label: "a probe port", yaml: pod("containers:\n- name: a\n  image: nginx\n  readinessProbe:\n    httpGet:\n      path: /\n      port: 0"), causes: [["FieldValueInvalid", "spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive"]] },
  ])("$label", ({ yaml, causes }) => {
    expectCauses(admitYaml(yaml), causes as [string, string][]);
  });

  test("a Pod with restartPolicy Never and a command is accepted", () => {
    expect(admitYaml(pod("restartPolicy: Never\ncontainers:\n- name: client\n  image: busybox:1.36\n  command: [sleep, '3600']")).ok).toBe(true);
  });
});
