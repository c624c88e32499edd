import { z } from "zod";

/**
 * The conformance case format (README "Conformance runner"): a JSON array of self-contained cases, each a
 * snapshot of cluster state (`manifests`) and questions about it (`queries`). Schemas are strict so a typo
 * (`expcet`) is reported instead of silently ignored; every query may carry a free-text `note`.
 */

const namespacedName = z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be "namespace/name"');
const protocol = z.enum(["TCP", "UDP", "SCTP"]);
const note = z.string().optional();

const connectPeer = z.union([z.strictObject({ pod: namespacedName }), z.strictObject({ ip: z.string().min(1) })]);

export const connectQuerySchema = z.strictObject({
  type: z.literal("connect"),
  from: connectPeer,
  to: connectPeer,
  port: z.number().int().min(1).max(65535),
  protocol: protocol.optional(),
  expect: z.enum(["allow", "deny"]),
  note,
});

const backendPort = z.union([z.number().int(), z.string().min(1)]);

export const ingressQuerySchema = z.strictObject({
  type: z.literal("ingress"),
  host: z.string().nullable(),
  path: z.string(),
  scheme: z.enum(["http", "https"]).optional(),
  expect: z.strictObject({ service: namespacedName, port: backendPort }).nullable(),
  note,
});

const endpointAddress = z.strictObject({ ip: z.string().min(1), port: z.number().int() });

export const endpointsQuerySchema = z.strictObject({
  type: z.literal("endpoints"),
  service: namespacedName,
  servicePort: z.string().optional(),
  expect: z.array(endpointAddress),
  expectNotReady: z.array(endpointAddress).optional(),
  note,
});

export const dnsQuerySchema = z.strictObject({
  type: z.literal("dns"),
  fromNamespace: z.string().min(1),
  name: z.string().min(1),
  expect: z.union([z.array(z.string()), z.literal("NXDOMAIN"), z.strictObject({ cname: z.string().min(1) })]),
  note,
});

export const validateQuerySchema = z.strictObject({
  type: z.literal("validate"),
  object: z.record(z.string(), z.unknown()),
  expect: z.enum(["valid", "invalid"]),
  field: z.string().optional(),
  note,
});

export const QUERY_SCHEMAS = {
  connect: connectQuerySchema,
  ingress: ingressQuerySchema,
  endpoints: endpointsQuerySchema,
  dns: dnsQuerySchema,
  validate: validateQuerySchema,
} as const;

export type QueryType = keyof typeof QUERY_SCHEMAS;
export type ConnectQuery = z.infer<typeof connectQuerySchema>;
export type IngressQuery = z.infer<typeof ingressQuerySchema>;
export type EndpointsQuery = z.infer<typeof endpointsQuerySchema>;
export type DnsQuery = z.infer<typeof dnsQuerySchema>;
export type ValidateQuery = z.infer<typeof validateQuerySchema>;
export type ConformanceQuery = ConnectQuery | IngressQuery | EndpointsQuery | DnsQuery | ValidateQuery;

/**
 * The optional `cluster` field: how the simulated cluster differs from the default (a policy-enforcing CNI,
 * CoreDNS and nothing else installed). `{"cni": "flannel"}` models a cluster whose CNI ignores NetworkPolicy;
 * `networkPolicyEnforcement` overrides the profile (aws-vpc-cni's ENABLE_NETWORK_POLICY); `addons` installs
 * more (`ingress-nginx` makes Ingress routing follow that controller's class rules).
 */
export const clusterOptionsSchema = z.strictObject({
  cni: z.enum(["calico", "cilium", "flannel", "aws-vpc-cni"]).optional(),
  networkPolicyEnforcement: z.boolean().optional(),
  addons: z.array(z.enum(["ingress-nginx", "cert-manager"])).optional(),
});

export type ClusterOptions = z.infer<typeof clusterOptionsSchema>;

/**
 * A case as written. Queries stay `unknown` here: each is checked on its own against the schema of its
 * `type`, so one malformed query fails alone and the rest of the case still runs.
 */
export const conformanceCaseSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string().optional(),
  description: z.string().optional(),
  cluster: clusterOptionsSchema.optional(),
  manifests: z.array(z.record(z.string(), z.unknown())),
  queries: z.array(z.unknown()).min(1),
});

export type ConformanceCase = z.infer<typeof conformanceCaseSchema>;

export const conformanceFileSchema = z.array(z.unknown());

/** One line per problem, `path: message`, in the order zod found them. */
export function formatSchemaIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
