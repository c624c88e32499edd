import { z } from "zod";

/**
 * An exercise as data: the scenario the learner starts from, what they must achieve (numbered tasks), how it is
 * checked, hints, the reference solution and the known-wrong answers it must reject — shaped after Exercism's
 * exercise metadata and test-runner contract. Everything here is serializable, so the same definition grades in
 * the browser (instant feedback) and on the server (the authoritative grade).
 */

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NS_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export const idSchema = z.string().regex(ID, "must be lowercase kebab-case");
const namespacedName = z.string().regex(NS_NAME, 'must be "namespace/name"');

/** Who opens a connection: a pod by name, the first ready pod with labels, the learner's workstation, or an outside IP. */
export const peerSpecSchema = z.union([
  z.object({ pod: namespacedName }).strict(),
  z.object({ namespace: z.string(), labels: z.record(z.string(), z.string()) }).strict(),
  z.object({ workstation: z.literal(true) }).strict(),
  z.object({ external: z.string() }).strict(),
]);
export type PeerSpec = z.infer<typeof peerSpecSchema>;

const base = {
  /** Stable, never reused: progress and submissions refer to it. */
  id: idSchema,
  title: z.string().min(1),
  /** The numbered task this check belongs to. */
  task: z.number().int().positive().optional(),
  /** Run this check in a copy of the scenario under another CNI (the same YAML, Flannel vs Calico). */
  cni: z.enum(["calico", "cilium", "flannel", "aws-vpc-cni"]).optional(),
};

export const checkSpecSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("applies") }).strict(),
  z
    .object({
      ...base,
      type: z.literal("reachability"),
      from: peerSpecSchema,
      /** `host:port` or a URL; the host may be a DNS name, a ClusterIP, a node IP or a LoadBalancer IP. */
      to: z.string().min(1),
      protocol: z.enum(["TCP", "UDP", "SCTP"]).optional(),
      expect: z.enum(["allow", "deny"]),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("endpoints"),
      service: namespacedName,
      /** Every ready endpoint is a pod with these labels, and every such ready pod is an endpoint. */
      podLabels: z.record(z.string(), z.string()).optional(),
      count: z.number().int().nonnegative().optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("dns"),
      fromNamespace: z.string(),
      name: z.string(),
      expect: z.union([z.literal("NXDOMAIN"), z.literal("resolves"), z.array(z.string()), z.object({ cname: z.string() }).strict()]),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("ingress-route"),
      /** `https://api.example.com/users/1` — routed as the cluster's Ingress objects would route it. */
      url: z.string().url(),
      expect: z.union([z.object({ service: namespacedName, port: z.union([z.number().int(), z.string()]) }).strict(), z.null()]),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("http"),
      from: peerSpecSchema,
      url: z.string().url(),
      method: z.string().optional(),
      headers: z.record(z.string(), z.string()).optional(),
      bodyBytes: z.number().int().nonnegative().optional(),
      expect: z
        .object({ status: z.number().int(), location: z.string().optional(), bodyContains: z.string().optional() })
        .strict(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("object"),
      kind: z.string(),
      namespace: z.string().optional(),
      name: z.string(),
      expect: z
        .object({
          exists: z.boolean().optional(),
          /** Field path → expected value, e.g. `spec.type: NodePort`. */
          fields: z.record(z.string(), z.unknown()).optional(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("answer"),
      /** Asked beside the terminal; the learner finds the answer with commands. */
      question: z.string().min(1),
      expect: z.union([
        /** One of the Service's ready endpoint IPs, as the cluster holds them after the learner's commands. */
        z.object({ endpointIPOf: namespacedName }).strict(),
        z.object({ oneOf: z.array(z.string()).min(1) }).strict(),
      ]),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("connectivity"),
      namespaces: z.array(z.string()).min(1),
      port: z.number().int().min(1).max(65535),
      protocol: z.enum(["TCP", "UDP", "SCTP"]).optional(),
      /** Pods are named by their `app` label; every pair listed is allowed and every pair not listed is denied. */
      allowed: z.array(z.string().regex(/^[-a-z0-9.]+\/[-a-z0-9.]+ -> [-a-z0-9.]+\/[-a-z0-9.]+$/, 'must read "ns/app -> ns/app"')),
    })
    .strict(),
]);
export type CheckSpec = z.infer<typeof checkSpecSchema>;

/** The cluster a learner starts from: in an exercise, or behind a `<Terminal scenario>` in a lesson. */
export const scenarioSchema = z
  .object({
    cni: z.enum(["calico", "cilium", "flannel", "aws-vpc-cni"]).default("calico"),
    networkPolicyEnforcement: z.boolean().optional(),
    addons: z.array(z.enum(["coredns", "ingress-nginx", "cert-manager"])).default([]),
    /** Cluster state the learner starts from (YAML). */
    manifests: z.string().default(""),
    /** The namespace the learner's objects go to when they name none (the kubectl context's namespace). */
    namespace: z.string().default("default"),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

/** A named scenario for a terminal in a lesson (content/scenarios/<id>/scenario.yaml). */
export const terminalScenarioSchema = scenarioSchema.extend({ id: idSchema, title: z.string().min(1) }).strict();
export type TerminalScenario = z.infer<typeof terminalScenarioSchema>;

export const exerciseDefinitionSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    /** The lesson the exercise belongs to. */
    lesson: idSchema,
    tasks: z.array(z.string().min(1)).min(1),
    scenario: scenarioSchema,
    /** Where the learner works: the YAML editor, or a terminal whose command log is graded. */
    workspace: z.enum(["editor", "terminal"]).default("editor"),
    /** What the editor holds at first (editor exercises). */
    starter: z.string().default(""),
    /** A reference solution: YAML for the editor, a command script (one command per line) for the terminal. */
    solution: z.string(),
    /** Terminal exercises: the answers the reference solution gives, by check id. */
    solutionAnswers: z.record(z.string(), z.string()).default({}),
    checks: z.array(checkSpecSchema).min(1),
    hints: z.array(z.string().min(1)).default([]),
    /** Known-wrong answers, each naming the check it must fail. */
    wrongAnswers: z
      .array(
        z
          .object({
            name: z.string().min(1),
            /** YAML for the editor, or a command script for the terminal. */
            yaml: z.string(),
            answers: z.record(z.string(), z.string()).default({}),
            fails: idSchema,
            why: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const ids = new Set<string>();
    exercise.checks.forEach((check, index) => {
      if (ids.has(check.id)) ctx.addIssue({ code: "custom", path: ["checks", index, "id"], message: `duplicate check id "${check.id}"` });
      ids.add(check.id);
      if (check.task !== undefined && check.task > exercise.tasks.length)
        ctx.addIssue({ code: "custom", path: ["checks", index, "task"], message: `task ${check.task} does not exist (${exercise.tasks.length} tasks)` });
    });
    exercise.wrongAnswers.forEach((wrong, index) => {
      if (!ids.has(wrong.fails)) ctx.addIssue({ code: "custom", path: ["wrongAnswers", index, "fails"], message: `no check with id "${wrong.fails}"` });
    });
  });
export type ExerciseDefinition = z.infer<typeof exerciseDefinitionSchema>;

/** One entry of a terminal session's log, as lib/shell's ShellSession records it. */
export const terminalLogEntrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("execute"), input: z.string().max(16 * 1024) }).strict(),
  z.object({ type: z.literal("interrupt") }).strict(),
  z.object({ type: z.literal("file"), name: z.string().max(200), text: z.string().max(64 * 1024) }).strict(),
  z.object({ type: z.literal("edit"), text: z.string().max(64 * 1024).nullable() }).strict(),
]);
export type TerminalLogEntry = z.infer<typeof terminalLogEntrySchema>;

/** What a learner hands in: YAML from the editor, or a terminal's command log and the answers typed beside it. */
export type Submission = { yaml: string } | { log: readonly TerminalLogEntry[]; answers: Readonly<Record<string, string>> };
export type ExerciseDefinitionInput = z.input<typeof exerciseDefinitionSchema>;
