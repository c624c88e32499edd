import type { IDeploymentCondition } from "kubernetes-models/apps/v1/DeploymentCondition";
import type { Deployment, ReplicaSet } from "../objects/kinds";
import type { ControllerContext } from "./controller-context";
import { controllerRef, isControlledBy } from "./owner-references";
import { POD_TEMPLATE_HASH_LABEL, computePodTemplateHash, isSameTemplate } from "./pod-template-hash";

const REVISION = "deployment.kubernetes.io/revision";
const SOURCE = "deployment-controller";

function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/**
 * maxSurge as an absolute number for the max-replicas annotation (pkg/controller/deployment/util
 * MaxSurge: percentages round up; default 25%).
 */
function maxSurge(deployment: Deployment, replicas: number): number {
  if (deployment.spec?.strategy?.type === "Recreate") return 0;
  const value = deployment.spec?.strategy?.rollingUpdate?.maxSurge ?? "25%";
  if (typeof value === "number") return value;
  const percent = Number(String(value).replace("%", ""));
  return Number.isFinite(percent) ? Math.ceil((percent * replicas) / 100) : 0;
}

/**
 * The ReplicaSet a Deployment's current template asks for (pkg/controller/deployment/sync.go
 * getNewReplicaSet): named `<deployment>-<pod-template-hash>`, with the hash added to its labels, selector
 * and template labels so the ReplicaSets of one Deployment never select each other's pods, owned by the
 * Deployment, and annotated with the next revision.
 */
function buildReplicaSet(deployment: Deployment, hash: string, revision: number, replicas: number) {
  const template = deployment.spec!.template;
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: "apps/v1" as const,
    kind: "ReplicaSet" as const,
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      labels,
      annotations: {
        "deployment.kubernetes.io/desired-replicas": String(replicas),
        "deployment.kubernetes.io/max-replicas": String(replicas + maxSurge(deployment, replicas)),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(deployment)],
    },
    spec: {
      replicas,
      minReadySeconds: deployment.spec?.minReadySeconds,
      selector: {
        ...deployment.spec!.selector,
        matchLabels: { ...(deployment.spec!.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
      },
      template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
    },
  };
}

function scaleReplicaSet(ctx: ControllerContext, deployment: Deployment, rs: ReplicaSet, replicas: number): ReplicaSet {
  const from = rs.spec?.replicas ?? 0;
  if (from === replicas) return rs;
  const updated = ctx.update<ReplicaSet>({
    ...rs,
    metadata: {
      ...rs.metadata,
      annotations: {
        ...(rs.metadata.annotations ?? {}),
        "deployment.kubernetes.io/desired-replicas": String(deployment.spec?.replicas ?? 1),
        "deployment.kubernetes.io/max-replicas": String((deployment.spec?.replicas ?? 1) + maxSurge(deployment, deployment.spec?.replicas ?? 1)),
      },
    },
    spec: { ...rs.spec!, replicas },
  });
  // pkg/controller/deployment/sync.go scaleReplicaSet: "Scaled %s replica set %s to %d from %d".
  ctx.record({ type: "Normal", reason: "ScalingReplicaSet", message: `Scaled ${replicas > from ? "up" : "down"} replica set ${rs.metadata.name} to ${replicas} from ${from}`, object: deployment, source: SOURCE });
  return updated;
}

/**
 * The Deployment controller, simplified to the end state of a rollout (pkg/controller/deployment): the
 * ReplicaSet matching the current template is scaled to spec.replicas and every older one to 0, so a
 * changed template yields a new ReplicaSet (new revision) and the old one is kept at 0 for rollback.
 * Status sums the ReplicaSets' status (sync.go calculateStatus).
 */
export function reconcileDeployments(ctx: ControllerContext): void {
  for (const deployment of ctx.list("Deployment")) {
    if (!ctx.isDirty(deployment.metadata.namespace)) continue;
    if (!deployment.spec?.template || !deployment.spec.selector) continue;
    if (deployment.metadata.deletionTimestamp) continue;
    const namespace = deployment.metadata.namespace!;
    const owned = ctx.list("ReplicaSet", namespace).filter((rs) => isControlledBy(rs, deployment));
    const replicas = deployment.spec.replicas ?? 1;
    let current = owned.find((rs) => isSameTemplate(rs.spec?.template, deployment.spec!.template));
    if (!current && !deployment.spec.paused) {
      let collision = deployment.status?.collisionCount ?? 0;
      let hash = computePodTemplateHash(deployment.spec.template, collision);
      while (ctx.get("ReplicaSet", `${deployment.metadata.name}-${hash}`, namespace)) hash = computePodTemplateHash(deployment.spec.template, ++collision);
      const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
      current = ctx.create<ReplicaSet>(buildReplicaSet(deployment, hash, revision, 0) as unknown as ReplicaSet);
    }
    if (current && !deployment.spec.paused) {
      current = scaleReplicaSet(ctx, deployment, current, replicas);
      for (const rs of owned) if (rs.metadata.uid !== current.metadata.uid) scaleReplicaSet(ctx, deployment, rs, 0);
    }
    writeDeploymentStatus(ctx, deployment, current);
  }
}

function writeDeploymentStatus(ctx: ControllerContext, deployment: Deployment, current: ReplicaSet | undefined): void {
  const latest = ctx.get("Deployment", deployment.metadata.name, deployment.metadata.namespace) ?? deployment;
  const owned = ctx.list("ReplicaSet", deployment.metadata.namespace).filter((rs) => isControlledBy(rs, deployment));
  const sum = (pick: (rs: ReplicaSet) => number | undefined) => owned.reduce((total, rs) => total + (pick(rs) ?? 0), 0);
  const replicas = sum((rs) => rs.status?.replicas);
  const available = sum((rs) => rs.status?.availableReplicas);
  const desired = deployment.spec?.replicas ?? 1;
  const now = ctx.timestamp();
  const previous = latest.status?.conditions ?? [];
  const condition = (type: string, status: string, reason: string, message: string): IDeploymentCondition => {
    const old = previous.find((c) => c.type === type);
    const unchanged = old && old.status === status && old.reason === reason;
    return {
      type,
      status,
      lastUpdateTime: unchanged && old.message === message ? old.lastUpdateTime : now,
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
      reason,
      message,
    };
  };
  // Condition wording from pkg/controller/deployment/util/deployment_util.go and progress.go.
  const isAvailable = available >= desired - maxUnavailable(deployment, desired);
  const complete = current !== undefined && (current.status?.availableReplicas ?? 0) >= desired && replicas === desired;
  const conditions = [
    condition(
      "Available",
      isAvailable ? "True" : "False",
      isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
      isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
    ),
    condition(
      "Progressing",
      "True",
      complete ? "NewReplicaSetAvailable" : current ? "ReplicaSetUpdated" : "NewReplicaSetCreated",
      complete
        ? `ReplicaSet "${current!.metadata.name}" has successfully progressed.`
        : `ReplicaSet "${current?.metadata.name ?? ""}" is progressing.`,
    ),
  ];
  const status = {
    observedGeneration: latest.metadata.generation,
    replicas,
    updatedReplicas: current?.status?.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
    conditions,
    ...(latest.status?.collisionCount ? { collisionCount: latest.status.collisionCount } : {}),
  };
  for (const key of Object.keys(status) as (keyof typeof status)[]) if (status[key] === 0) delete status[key];
  ctx.update<Deployment>({ ...latest, status: status as Deployment["status"] });
}

function maxUnavailable(deployment: Deployment, replicas: number): number {
  if (deployment.spec?.strategy?.type === "Recreate") return 0;
  const value = deployment.spec?.strategy?.rollingUpdate?.maxUnavailable ?? "25%";
  if (typeof value === "number") return value;
  const percent = Number(String(value).replace("%", ""));
  return Number.isFinite(percent) ? Math.floor((percent * replicas) / 100) : 0;
}
