import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { applyDefaults } from "@/lib/sim/defaults/apply-defaults";
import { imagePullPolicyFor } from "@/lib/sim/defaults/default-pod-spec";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import type { ManifestObject } from "@/lib/sim/objects/meta";

const yaml = (text: string): ManifestObject => parseManifests(text).documents[0].object;
const at = (object: unknown, fieldPath: string): unknown =>
  fieldPath.split(/\.|\[|\]/).filter(Boolean).reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);

const SERVICE = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n");
const NODE_PORT = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    targetPort: http\n");
const LOAD_BALANCER = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  sessionAffinity: ClientIP\n  ports:\n  - port: 443\n");
const HEADLESS = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n");
const EXTERNAL_NAME = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n");
const POD = yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n    livenessProbe:\n      httpGet: {port: 80}\n");
const DEPLOYMENT = yaml(readFileSync(path.join(__dirname, "../validation/fixtures/kubectl-create-deployment.yaml"), "utf8"));
const NETWORK_POLICY = yaml("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  ingress:\n  - ports:\n    - port: 80\n");
const EGRESS_POLICY = yaml("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n  egress:\n  - ports:\n    - port: 53\n      protocol: UDP\n");
const EMPTY_EGRESS_POLICY = yaml("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n  egress: []\n");

// Each row names the upstream rule it pins. core/v1: kubernetes/kubernetes pkg/apis/core/v1/defaults.go;
// apps/v1: pkg/apis/apps/v1/defaults.go; networking/v1: pkg/apis/networking/v1/defaults.go;
// discovery/v1: pkg/apis/discovery/v1/defaults.go; IP families: pkg/registry/core/service/storage/alloc.go.
describe("applyDefaults", () => {
  test.each([
    { source: "SetDefaults_Service: type", object: SERVICE, field: "spec.type", value: "ClusterIP" },
    { source: "SetDefaults_Service: sessionAffinity", object: SERVICE, field: "spec.sessionAffinity", value: "None" },
    { source: "SetDefaults_Service: ports[].protocol", object: SERVICE, field: "spec.ports[0].protocol", value: "TCP" },
    { source: "SetDefaults_Service: targetPort = port", object: SERVICE, field: "spec.ports[0].targetPort", value: 80 },
    { source: "SetDefaults_Service: a named targetPort is kept", object: NODE_PORT, field: "spec.ports[0].targetPort", value: "http" },
    { source: "SetDefaults_Service: internalTrafficPolicy", object: SERVICE, field: "spec.internalTrafficPolicy", value: "Cluster" },
    { source: "SetDefaults_Service: no externalTrafficPolicy for ClusterIP", object: SERVICE, field: "spec.externalTrafficPolicy", value: undefined },
    { source: "SetDefaults_Service: externalTrafficPolicy for NodePort", object: NODE_PORT, field: "spec.externalTrafficPolicy", value: "Cluster" },
    { source: "SetDefaults_Service: externalTrafficPolicy for LoadBalancer", object: LOAD_BALANCER, field: "spec.externalTrafficPolicy", value: "Cluster" },
    { source: "SetDefaults_Service: allocateLoadBalancerNodePorts", object: LOAD_BALANCER, field: "spec.allocateLoadBalancerNodePorts", value: true },
    { source: "SetDefaults_Service: ClientIP timeout 10800", object: LOAD_BALANCER, field: "spec.sessionAffinityConfig.clientIP.timeoutSeconds", value: 10800 },
    { source: "initIPFamilyFields: ipFamilies", object: SERVICE, field: "spec.ipFamilies", value: ["IPv4"] },
    { source: "initIPFamilyFields: ipFamilyPolicy", object: SERVICE, field: "spec.ipFamilyPolicy", value: "SingleStack" },
    { source: "initIPFamilyFields: headless without selector", object: HEADLESS, field: "spec.ipFamilyPolicy", value: "RequireDualStack" },
    { source: "normalizeClusterIPs: clusterIPs from clusterIP", object: HEADLESS, field: "spec.clusterIPs", value: ["None"] },
    { source: "ExternalName: no IP families", object: EXTERNAL_NAME, field: "spec.ipFamilies", value: undefined },
    { source: "ExternalName: no internalTrafficPolicy", object: EXTERNAL_NAME, field: "spec.internalTrafficPolicy", value: undefined },
    { source: "SetDefaults_PodSpec: restartPolicy", object: POD, field: "spec.restartPolicy", value: "Always" },
    { source: "SetDefaults_PodSpec: dnsPolicy", object: POD, field: "spec.dnsPolicy", value: "ClusterFirst" },
    { source: "SetDefaults_PodSpec: terminationGracePeriodSeconds", object: POD, field: "spec.terminationGracePeriodSeconds", value: 30 },
    { source: "SetDefaults_PodSpec: schedulerName", object: POD, field: "spec.schedulerName", value: "default-scheduler" },
    { source: "SetDefaults_PodSpec: securityContext", object: POD, field: "spec.securityContext", value: {} },
    { source: "SetDefaults_Pod: enableServiceLinks", object: POD, field: "spec.enableServiceLinks", value: true },
    { source: "SetDefaults_ContainerPort: protocol", object: POD, field: "spec.containers[0].ports[0].protocol", value: "TCP" },
    { source: "SetDefaults_Container: imagePullPolicy for an untagged image", object: POD, field: "spec.containers[0].imagePullPolicy", value: "Always" },
    { source: "SetDefaults_Container: terminationMessagePath", object: POD, field: "spec.containers[0].terminationMessagePath", value: "/dev/termination-log" },
    { source: "SetDefaults_Container: terminationMessagePolicy", object: POD, field: "spec.containers[0].terminationMessagePolicy", value: "File" },
    { source: "SetDefaults_Probe", object: POD, field: "spec.containers[0].livenessProbe", value: { httpGet: { port: 80, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 } },
    { source: "SetDefaults_Deployment: replicas kept", object: DEPLOYMENT, field: "spec.replicas", value: 2 },
    { source: "SetDefaults_Deployment: strategy", object: DEPLOYMENT, field: "spec.strategy", value: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } } },
    { source: "SetDefaults_Deployment: revisionHistoryLimit", object: DEPLOYMENT, field: "spec.revisionHistoryLimit", value: 10 },
    { source: "SetDefaults_Deployment: progressDeadlineSeconds", object: DEPLOYMENT, field: "spec.progressDeadlineSeconds", value: 600 },
    { source: "SetDefaults_Deployment: pod template defaults", object: DEPLOYMENT, field: "spec.template.spec.containers[0].imagePullPolicy", value: "IfNotPresent" },
    { source: "SetDefaults_NetworkPolicy: Ingress only", object: NETWORK_POLICY, field: "spec.policyTypes", value: ["Ingress"] },
    { source: "SetDefaults_NetworkPolicy: Egress when there are egress rules", object: EGRESS_POLICY, field: "spec.policyTypes", value: ["Ingress", "Egress"] },
    { source: "SetDefaults_NetworkPolicy: `egress: []` adds nothing (len(spec.Egress) != 0)", object: EMPTY_EGRESS_POLICY, field: "spec.policyTypes", value: ["Ingress"] },
    { source: "SetDefaults_NetworkPolicyPort: protocol", object: NETWORK_POLICY, field: "spec.ingress[0].ports[0].protocol", value: "TCP" },
    { source: "an explicit protocol is kept", object: EGRESS_POLICY, field: "spec.egress[0].ports[0].protocol", value: "UDP" },
    { source: "omitted podSelector decodes to {}", object: NETWORK_POLICY, field: "spec.podSelector", value: {} },
    { source: "SetDefaults_Namespace: kubernetes.io/metadata.name", object: yaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"), field: "metadata.labels", value: { "kubernetes.io/metadata.name": "shop" } },
    { source: "SetDefaults_Secret: type", object: yaml("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"), field: "type", value: "Opaque" },
    { source: "SetDefaults_EndpointPort (core)", object: yaml("apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\nsubsets:\n- ports:\n  - port: 80\n"), field: "subsets[0].ports[0].protocol", value: "TCP" },
    { source: "SetDefaults_EndpointPort (discovery)", object: yaml("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e}\naddressType: IPv4\nports:\n- port: 80\n"), field: "ports[0]", value: { port: 80, name: "", protocol: "TCP" } },
    { source: "IngressClass without parameters gets nothing", object: yaml("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n"), field: "spec", value: { controller: "k8s.io/ingress-nginx" } },
    { source: "SetDefaults_IngressClass: parameters scope", object: yaml("apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: lb}\nspec:\n  controller: example.com/lb\n  parameters: {kind: P, name: p}\n"), field: "spec.parameters.scope", value: "Cluster" },
    { source: "Ingress has no defaults", object: yaml("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n"), field: "spec", value: { defaultBackend: { service: { name: "web", port: { number: 80 } } } } },
  ])("$source", ({ object, field, value }) => {
    expect(at(applyDefaults(object), field)).toEqual(value);
  });

  test("SetDefaults_Namespace overwrites a kubernetes.io/metadata.name label that disagrees with the name", () => {
    const namespace = yaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {kubernetes.io/metadata.name: other, team: a}\n");
    expect(at(applyDefaults(namespace), "metadata.labels")).toEqual({ "kubernetes.io/metadata.name": "shop", team: "a" });
  });

  test("the input is not modified and defaulting is idempotent", () => {
    const before = JSON.stringify(POD);
    const once = applyDefaults(POD);
    expect(JSON.stringify(POD)).toBe(before);
    expect(applyDefaults(once)).toEqual(once);
  });

  test("a volume without a source is an emptyDir (SetDefaults_Volume)", () => {
    const pod = yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes:\n  - name: scratch\n  - name: cm\n    configMap: {name: app}\n  containers:\n  - name: a\n    image: nginx\n");
    expect(at(applyDefaults(pod), "spec.volumes")).toEqual([{ name: "scratch", emptyDir: {} }, { name: "cm", configMap: { name: "app" } }]);
  });

  test("hostNetwork Pods get hostPort = containerPort (SetDefaults_PodSpec)", () => {
    const pod = yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  containers:\n  - name: a\n    image: nginx:1.27\n    ports:\n    - containerPort: 8080\n");
    expect(at(applyDefaults(pod), "spec.containers[0].ports[0].hostPort")).toBe(8080);
  });
});

describe("imagePullPolicyFor (SetDefaults_Container with pkg/util/parsers.ParseImageName)", () => {
  test.each([
    { image: "nginx", policy: "Always" },
    { image: "nginx:latest", policy: "Always" },
    { image: "nginx:1.27", policy: "IfNotPresent" },
    { image: "registry.example.com:5000/team/app", policy: "Always" },
    { image: "registry.example.com:5000/team/app:v2", policy: "IfNotPresent" },
    { image: "busybox@sha256:0123456789abcdef", policy: "IfNotPresent" },
    { image: "busybox:1.36@sha256:0123456789abcdef", policy: "IfNotPresent" },
  ])("$image → $policy", ({ image, policy }) => {
    expect(imagePullPolicyFor(image)).toBe(policy);
  });
});
