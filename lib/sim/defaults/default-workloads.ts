import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import type { IPod } from "kubernetes-models/v1/Pod";
import { defaultPodSpec } from "./default-pod-spec";

/** SetDefaults_Pod: the spec defaults (pkg/apis/core/v1/defaults.go). */
export function defaultPod(pod: IPod): void {
  defaultPodSpec((pod.spec ??= { containers: [] }));
}

/**
 * SetDefaults_Deployment (kubernetes/kubernetes pkg/apis/apps/v1/defaults.go): one replica, a RollingUpdate
 * strategy with 25% maxUnavailable and maxSurge, 10 old ReplicaSets kept, a 600 s progress deadline, and
 * the pod template defaulted like a Pod.
 */
export function defaultDeployment(deployment: IDeployment): void {
  const spec = (deployment.spec ??= {} as NonNullable<IDeployment["spec"]>);
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.maxUnavailable ??= "25%";
    strategy.rollingUpdate.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/** SetDefaults_ReplicaSet: one replica and the pod template defaults. */
export function defaultReplicaSet(replicaSet: IReplicaSet): void {
  const spec = (replicaSet.spec ??= {} as NonNullable<IReplicaSet["spec"]>);
  spec.replicas ??= 1;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}
