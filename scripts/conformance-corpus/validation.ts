import type { Case, Query } from "./corpus-types";

const CORE = "kubernetes/kubernetes pkg/apis/core/validation/validation.go";
const NET = "kubernetes/kubernetes pkg/apis/networking/validation/validation.go";
const UTIL = "kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go";
const ALLOCATOR = "kubernetes/kubernetes pkg/registry/core/service/portallocator/allocator.go";

type Row = { note: string; object: Record<string, unknown>; expect: "valid" | "invalid"; field?: string };

function svc(spec: Record<string, unknown>, name = "web"): Record<string, unknown> {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec };
}
function np(spec: Record<string, unknown>, name = "policy"): Record<string, unknown> {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: "default" }, spec };
}
function ing(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "web", namespace: "default", ...metadata }, spec };
}
const ports = (...p: Record<string, unknown>[]) => ({ selector: { app: "web" }, ports: p });
const rule = (path: Record<string, unknown>, host?: string) => ({ ...(host !== undefined ? { host } : {}), http: { paths: [path] } });
const backend = (port: Record<string, unknown> = { number: 80 }) => ({ service: { name: "web", port } });
const ingressPath = (path: string | undefined, pathType: string | undefined, b = backend()) => ({
  ...(path !== undefined ? { path } : {}),
  ...(pathType !== undefined ? { pathType } : {}),
  backend: b,
});

function toCase(id: string, source: string, description: string, rows: Row[]): Case {
  return {
    id,
    source,
    description,
    manifests: [],
    queries: rows.map((r): Query => ({ type: "validate", object: r.object, expect: r.expect, ...(r.field ? { field: r.field } : {}), note: r.note })),
  };
}

function servicePorts(): Case {
  return toCase(
    "validate-service-ports",
    `${CORE}#validateServicePort — "IsValidPortNum ... must be between 1 and 65535, inclusive"; "if sp.TargetPort.Type == intstr.Int && !validation.IsValidPortNum(sp.TargetPort.IntValue())"; ValidateService — "portsPath.Index(i) ... field.Duplicate"; ${UTIL}#IsValidPortName — "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must be no more than 15 characters"`,
    "Service port numbers, target ports, names and duplicates (pkg/apis/core/validation/validation_test.go TestValidateServiceCreate rows).",
    [
      { note: "a plain ClusterIP Service", object: svc(ports({ port: 80, targetPort: 8080 })), expect: "valid" },
      { note: "targetPort defaults to port", object: svc(ports({ port: 80 })), expect: "valid" },
      { note: "invalid port 0", object: svc(ports({ port: 0, targetPort: 8080 })), expect: "invalid", field: "spec.ports[0].port" },
      { note: "invalid port 65536", object: svc(ports({ port: 65536 })), expect: "invalid", field: "spec.ports[0].port" },
      { note: "port 65535 is the top of the range", object: svc(ports({ port: 65535 })), expect: "valid" },
      { note: "targetPort 65536", object: svc(ports({ port: 80, targetPort: 65536 })), expect: "invalid", field: "spec.ports[0].targetPort" },
      { note: "named targetPort", object: svc(ports({ port: 80, targetPort: "http" })), expect: "valid" },
      { note: "targetPort name with upper case", object: svc(ports({ port: 80, targetPort: "Http" })), expect: "invalid", field: "spec.ports[0].targetPort" },
      { note: "targetPort name longer than 15 characters", object: svc(ports({ port: 80, targetPort: "http-frontend-web" })), expect: "invalid", field: "spec.ports[0].targetPort" },
      { note: "targetPort name with underscore", object: svc(ports({ port: 80, targetPort: "http_web" })), expect: "invalid", field: "spec.ports[0].targetPort" },
      { note: "missing port names with several ports", object: svc(ports({ port: 80 }, { port: 443 })), expect: "invalid", field: "spec.ports[1].name" },
      { note: "two named ports", object: svc(ports({ name: "http", port: 80 }, { name: "https", port: 443 })), expect: "valid" },
      { note: "duplicate port names", object: svc(ports({ name: "http", port: 80 }, { name: "http", port: 81 })), expect: "invalid", field: "spec.ports[1].name" },
      { note: "duplicate port and protocol", object: svc(ports({ name: "a", port: 80 }, { name: "b", port: 80 })), expect: "invalid", field: "spec.ports[1]" },
      { note: "same port on TCP and UDP (DNS)", object: svc(ports({ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, protocol: "TCP" })), expect: "valid" },
      { note: "port name must be a DNS label", object: svc(ports({ name: "HTTP", port: 80 })), expect: "invalid", field: "spec.ports[0].name" },
      { note: "port name with underscore", object: svc(ports({ name: "my_port", port: 80 })), expect: "invalid", field: "spec.ports[0].name" },
      { note: "unsupported protocol", object: svc(ports({ port: 80, protocol: "HTTP" })), expect: "invalid", field: "spec.ports[0].protocol" },
      { note: "SCTP is supported", object: svc(ports({ port: 80, protocol: "SCTP" })), expect: "valid" },
      { note: "ClusterIP Service without ports", object: svc({ selector: { app: "web" } }), expect: "invalid", field: "spec.ports" },
    ],
  );
}

function serviceTypes(): Case {
  return toCase(
    "validate-service-types",
    `${CORE}#ValidateService — "may not be used when \`type\` is 'ClusterIP'", "field.NotSupported(specPath.Child(\\"type\\")...)", "if service.Spec.Type == core.ServiceTypeExternalName ... field.Required(specPath.Child(\\"externalName\\"), \\"\\")"; ${ALLOCATOR} — "provided port is not in the valid range. The range of valid ports is 30000-32767"`,
    "Service types, NodePort range, ExternalName and headless rules.",
    [
      { note: "NodePort in range", object: svc({ type: "NodePort", ...ports({ port: 80, nodePort: 30080 }) }), expect: "valid" },
      { note: "lowest NodePort", object: svc({ type: "NodePort", ...ports({ port: 80, nodePort: 30000 }) }), expect: "valid" },
      { note: "highest NodePort", object: svc({ type: "NodePort", ...ports({ port: 80, nodePort: 32767 }) }), expect: "valid" },
      { note: "NodePort below the range", object: svc({ type: "NodePort", ...ports({ port: 80, nodePort: 80 }) }), expect: "invalid", field: "spec.ports[0].nodePort" },
      { note: "NodePort above the range", object: svc({ type: "NodePort", ...ports({ port: 80, nodePort: 32768 }) }), expect: "invalid", field: "spec.ports[0].nodePort" },
      { note: "NodePort without nodePort is allocated", object: svc({ type: "NodePort", ...ports({ port: 80 }) }), expect: "valid" },
      { note: "nodePort on a ClusterIP Service", object: svc(ports({ port: 80, nodePort: 30080 })), expect: "invalid", field: "spec.ports[0].nodePort" },
      { note: "LoadBalancer", object: svc({ type: "LoadBalancer", ...ports({ port: 443, targetPort: 8443 }) }), expect: "valid" },
      { note: "unsupported type", object: svc({ type: "Ingress", ...ports({ port: 80 }) }), expect: "invalid", field: "spec.type" },
      { note: "ExternalName without externalName", object: svc({ type: "ExternalName" }), expect: "invalid", field: "spec.externalName" },
      { note: "ExternalName", object: svc({ type: "ExternalName", externalName: "my.database.example.com" }), expect: "valid" },
      { note: "externalName must be a DNS name", object: svc({ type: "ExternalName", externalName: "my_database" }), expect: "invalid", field: "spec.externalName" },
      { note: "headless Service without ports", object: svc({ clusterIP: "None", selector: { app: "db" } }), expect: "valid" },
      { note: "externalTrafficPolicy on ClusterIP", object: svc({ externalTrafficPolicy: "Local", ...ports({ port: 80 }) }), expect: "invalid", field: "spec.externalTrafficPolicy" },
      { note: "externalTrafficPolicy Local on LoadBalancer", object: svc({ type: "LoadBalancer", externalTrafficPolicy: "Local", ...ports({ port: 80 }) }), expect: "valid" },
      { note: "unsupported sessionAffinity", object: svc({ sessionAffinity: "Cookie", ...ports({ port: 80 }) }), expect: "invalid", field: "spec.sessionAffinity" },
    ],
  );
}

function serviceNames(): Case {
  return toCase(
    "validate-service-names",
    `${CORE}#ValidateServiceName — "ValidateServiceName can be used to check whether the given service name is valid. Prefix indicates this name will be used as part of generation" (NameIsDNS1035Label: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character")`,
    "Service names are DNS-1035 labels.",
    [
      { note: "lower-case name", object: svc(ports({ port: 80 }), "my-backend-api"), expect: "valid" },
      { note: "underscore", object: svc(ports({ port: 80 }), "my_service"), expect: "invalid", field: "metadata.name" },
      { note: "starts with a digit", object: svc(ports({ port: 80 }), "1web"), expect: "invalid", field: "metadata.name" },
      { note: "upper case", object: svc(ports({ port: 80 }), "Web"), expect: "invalid", field: "metadata.name" },
      { note: "64 characters", object: svc(ports({ port: 80 }), "a".repeat(64)), expect: "invalid", field: "metadata.name" },
      { note: "63 characters", object: svc(ports({ port: 80 }), "a".repeat(63)), expect: "valid" },
      { note: "dots are not allowed in a label", object: svc(ports({ port: 80 }), "web.v2"), expect: "invalid", field: "metadata.name" },
    ],
  );
}

function networkPolicies(): Case {
  return toCase(
    "validate-networkpolicy",
    `${NET}#ValidateNetworkPolicyPort — "must be greater than or equal to \`port\`", "may not be specified when \`port\` is non-numeric", "may not be specified when \`port\` is not specified"; #ValidateNetworkPolicyPeer — "must specify a peer", "may not specify both ipBlock and another peer"; #ValidateIPBlock — "must be a strict subset of \`cidr\`"; #ValidateNetworkPolicySpec — "may not specify more than two policyTypes" (pkg/apis/networking/validation/validation_test.go TestValidateNetworkPolicy)`,
    "NetworkPolicy ports, endPort, peers, ipBlock and policyTypes.",
    [
      { note: "default deny", object: np({ podSelector: {}, policyTypes: ["Ingress"] }), expect: "valid" },
      {
        note: "the article's db-access-policy",
        object: np({ podSelector: { matchLabels: { app: "postgres-db" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: { matchLabels: { app: "backend-api" } } }], ports: [{ protocol: "TCP", port: 5432 }] }] }, "db-access-policy"),
        expect: "valid",
      },
      { note: "port 0", object: np({ podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] }), expect: "invalid", field: "spec.ingress[0].ports[0].port" },
      { note: "named port", object: np({ podSelector: {}, ingress: [{ ports: [{ port: "http" }] }] }), expect: "valid" },
      { note: "invalid named port", object: np({ podSelector: {}, ingress: [{ ports: [{ port: "Http_Port" }] }] }), expect: "invalid", field: "spec.ingress[0].ports[0].port" },
      { note: "unsupported protocol", object: np({ podSelector: {}, ingress: [{ ports: [{ protocol: "ICMP", port: 80 }] }] }), expect: "invalid", field: "spec.ingress[0].ports[0].protocol" },
      { note: "endPort range", object: np({ podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: 32000, endPort: 32768 }] }] }), expect: "valid" },
      { note: "endPort below port", object: np({ podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: 32000, endPort: 31000 }] }] }), expect: "invalid", field: "spec.egress[0].ports[0].endPort" },
      { note: "endPort with a named port", object: np({ podSelector: {}, ingress: [{ ports: [{ port: "http", endPort: 8080 }] }] }), expect: "invalid", field: "spec.ingress[0].ports[0].endPort" },
      { note: "endPort without port", object: np({ podSelector: {}, ingress: [{ ports: [{ endPort: 8080 }] }] }), expect: "invalid", field: "spec.ingress[0].ports[0].endPort" },
      { note: "endPort above 65535", object: np({ podSelector: {}, ingress: [{ ports: [{ port: 80, endPort: 65536 }] }] }), expect: "invalid", field: "spec.ingress[0].ports[0].endPort" },
      { note: "empty peer", object: np({ podSelector: {}, ingress: [{ from: [{}] }] }), expect: "invalid", field: "spec.ingress[0].from[0]" },
      { note: "ipBlock and podSelector in one peer", object: np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} }] }] }), expect: "invalid", field: "spec.ingress[0].from[0]" },
      { note: "namespaceSelector and podSelector in one peer", object: np({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: {}, podSelector: {} }] }] }), expect: "valid" },
      { note: "ipBlock with except", object: np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "172.17.0.0/16", except: ["172.17.1.0/24"] } }] }] }), expect: "valid" },
      { note: "except outside cidr", object: np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "172.17.0.0/16", except: ["10.0.0.0/24"] } }] }] }), expect: "invalid", field: "spec.ingress[0].from[0].ipBlock.except[0]" },
      { note: "except equal to cidr", object: np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "172.17.0.0/16", except: ["172.17.0.0/16"] } }] }] }), expect: "invalid", field: "spec.ingress[0].from[0].ipBlock.except[0]" },
      { note: "invalid cidr", object: np({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "192.168.1.0/33" } }] }], policyTypes: ["Egress"] }), expect: "invalid", field: "spec.egress[0].to[0].ipBlock.cidr" },
      { note: "cidr without prefix length", object: np({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "192.168.1.1" } }] }], policyTypes: ["Egress"] }), expect: "invalid", field: "spec.egress[0].to[0].ipBlock.cidr" },
      { note: "unsupported policyType", object: np({ podSelector: {}, policyTypes: ["Inbound"] }), expect: "invalid", field: "spec.policyTypes[0]" },
      { note: "three policyTypes", object: np({ podSelector: {}, policyTypes: ["Ingress", "Egress", "Ingress"] }), expect: "invalid", field: "spec.policyTypes" },
      { note: "matchExpressions operator", object: np({ podSelector: { matchExpressions: [{ key: "app", operator: "Equals", values: ["db"] }] } }), expect: "invalid", field: "spec.podSelector.matchExpressions[0].operator" },
      { note: "invalid label value in podSelector", object: np({ podSelector: { matchLabels: { app: "-db" } } }), expect: "invalid", field: "spec.podSelector.matchLabels" },
      { note: "name must be a DNS subdomain", object: np({ podSelector: {} }, "Allow_DB"), expect: "invalid", field: "metadata.name" },
    ],
  );
}

function ingresses(): Case {
  return toCase(
    "validate-ingress",
    `${NET}#validateHTTPIngressPath — "pathType must be specified", "must be an absolute path", "must not contain '//'"; #validateIngressRules — "must be a DNS name, not an IP address", IsWildcardDNS1123Subdomain; #validateIngressBackend — "cannot set both port name & port number"; #ValidateIngressSpec — "either \`defaultBackend\` or \`rules\` must be specified"; #ValidateIngressCreate — "must match \`ingressClassName\` when both are specified" (pkg/apis/networking/validation/validation_test.go TestValidateIngress…)`,
    "Ingress paths, path types, hosts, backends and class.",
    [
      { note: "minimal Ingress", object: ing({ rules: [rule(ingressPath("/testpath", "Prefix"))] }), expect: "valid" },
      { note: "pathType is required in networking.k8s.io/v1", object: ing({ rules: [rule(ingressPath("/testpath", undefined))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].pathType" },
      { note: "unsupported pathType", object: ing({ rules: [rule(ingressPath("/testpath", "Regex"))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].pathType" },
      { note: "Prefix path must be absolute", object: ing({ rules: [rule(ingressPath("testpath", "Prefix"))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].path" },
      { note: "Exact path with //", object: ing({ rules: [rule(ingressPath("/foo//bar", "Exact"))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].path" },
      { note: "Prefix path ending in /..", object: ing({ rules: [rule(ingressPath("/foo/..", "Prefix"))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].path" },
      { note: "ImplementationSpecific accepts a regex", object: ing({ rules: [rule(ingressPath("/api(/|$)(.*)", "ImplementationSpecific"))] }), expect: "valid" },
      { note: "ImplementationSpecific without path", object: ing({ rules: [rule(ingressPath(undefined, "ImplementationSpecific"))] }), expect: "valid" },
      { note: "wildcard host", object: ing({ rules: [rule(ingressPath("/", "Prefix"), "*.foo.com")] }), expect: "valid" },
      { note: "wildcard in the middle", object: ing({ rules: [rule(ingressPath("/", "Prefix"), "foo.*.com")] }), expect: "invalid", field: "spec.rules[0].host" },
      { note: "host is an IP address", object: ing({ rules: [rule(ingressPath("/", "Prefix"), "1.2.3.4")] }), expect: "invalid", field: "spec.rules[0].host" },
      { note: "upper-case host", object: ing({ rules: [rule(ingressPath("/", "Prefix"), "Foo.Bar.com")] }), expect: "invalid", field: "spec.rules[0].host" },
      { note: "backend port number 0", object: ing({ rules: [rule(ingressPath("/", "Prefix", backend({ number: 0 })))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].backend" },
      { note: "backend port name", object: ing({ rules: [rule(ingressPath("/", "Prefix", backend({ name: "http" })))] }), expect: "valid" },
      { note: "invalid backend port name", object: ing({ rules: [rule(ingressPath("/", "Prefix", backend({ name: "HTTP_PORT" })))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].backend.service.port.name" },
      { note: "backend port with name and number", object: ing({ rules: [rule(ingressPath("/", "Prefix", backend({ name: "http", number: 80 })))] }), expect: "invalid", field: "spec.rules[0].http.paths[0].backend" },
      { note: "no rules and no defaultBackend", object: ing({}), expect: "invalid", field: "spec" },
      { note: "defaultBackend only", object: ing({ defaultBackend: backend() }), expect: "valid" },
      { note: "http rule without paths", object: ing({ rules: [{ host: "foo.bar.com", http: { paths: [] } }] }), expect: "invalid", field: "spec.rules[0].http.paths" },
      { note: "wildcard TLS host", object: ing({ tls: [{ hosts: ["*.example.com"], secretName: "wildcard-tls" }], rules: [rule(ingressPath("/", "Prefix"), "*.example.com")] }), expect: "valid" },
      { note: "invalid ingressClassName", object: ing({ ingressClassName: "Nginx_Class", rules: [rule(ingressPath("/", "Prefix"))] }), expect: "invalid", field: "spec.ingressClassName" },
      {
        note: "class annotation disagrees with ingressClassName",
        object: ing({ ingressClassName: "nginx", rules: [rule(ingressPath("/", "Prefix"))] }, { annotations: { "kubernetes.io/ingress.class": "traefik" } }),
        expect: "invalid",
        field: "annotations.kubernetes.io/ingress.class",
      },
      {
        note: "the article's api-ingress",
        object: ing(
          {
            tls: [{ hosts: ["api.example.com"], secretName: "api-tls-cert" }],
            rules: [{ host: "api.example.com", http: { paths: [ingressPath("/users", "Prefix", { service: { name: "user-service", port: { number: 80 } } }), ingressPath("/", "Prefix", { service: { name: "main-api", port: { number: 80 } } })] } }],
          },
          { name: "api-ingress", annotations: { "kubernetes.io/ingress.class": "nginx", "cert-manager.io/cluster-issuer": "letsencrypt-prod" } },
        ),
        expect: "valid",
      },
    ],
  );
}

function podObject(containers: Record<string, unknown>[] | undefined, name = "web"): Record<string, unknown> {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: containers === undefined ? {} : { containers } };
}
const container = (ports?: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({ name: "web", image: "nginx:1.27", ...(ports ? { ports } : {}), ...extra });

function pods(): Case {
  return toCase(
    "validate-pod-ports",
    `${CORE}#validateContainerPorts — "if port.ContainerPort == 0 { ... field.Required(idxPath.Child(\"containerPort\"), \"\") }", "else if allNames.Has(port.Name) { ... field.Duplicate(idxPath.Child(\"name\"), port.Name) }", "field.NotSupported(idxPath.Child(\"protocol\"), port.Protocol, supportedPortProtocols.List())"; #validateContainers — "field.Required(idxPath.Child(\"image\"), \"\")"`,
    "Container ports, names and images, as the Pod validation reports them.",
    [
      { note: "a plain nginx Pod", object: podObject([container([{ containerPort: 80 }])]), expect: "valid" },
      { note: "containerPort 0", object: podObject([container([{ containerPort: 0 }])]), expect: "invalid", field: "spec.containers[0].ports[0].containerPort" },
      { note: "containerPort 70000", object: podObject([container([{ containerPort: 70000 }])]), expect: "invalid", field: "spec.containers[0].ports[0].containerPort" },
      { note: "hostPort 70000", object: podObject([container([{ containerPort: 80, hostPort: 70000 }])]), expect: "invalid", field: "spec.containers[0].ports[0].hostPort" },
      { note: "port name longer than 15 characters", object: podObject([container([{ name: "http-frontend-web", containerPort: 80 }])]), expect: "invalid", field: "spec.containers[0].ports[0].name" },
      { note: "duplicate port names", object: podObject([container([{ name: "http", containerPort: 80 }, { name: "http", containerPort: 8080 }])]), expect: "invalid", field: "spec.containers[0].ports[1].name" },
      { note: "unsupported protocol", object: podObject([container([{ containerPort: 80, protocol: "ICMP" }])]), expect: "invalid", field: "spec.containers[0].ports[0].protocol" },
      { note: "Pod name must be a DNS subdomain", object: podObject([container()], "My_Pod"), expect: "invalid", field: "metadata.name" },
      { note: "container name must be a DNS label", object: podObject([container(undefined, { name: "Web" })]), expect: "invalid", field: "spec.containers[0].name" },
      { note: "containers are required", object: podObject(undefined), expect: "invalid", field: "spec.containers" },
      { note: "image is required", object: podObject([{ name: "web" }]), expect: "invalid", field: "spec.containers[0].image" },
    ],
  );
}

export function buildValidationCases(): Case[] {
  return [servicePorts(), serviceTypes(), serviceNames(), networkPolicies(), ingresses(), pods()];
}
