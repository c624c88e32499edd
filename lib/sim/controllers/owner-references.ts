import type { IOwnerReference } from "@kubernetes-models/apimachinery/apis/meta/v1/OwnerReference";
import type { AnyObject } from "../objects/kinds";
import { KIND_INFO, type Kind } from "../objects/kinds";

/** A controller ownerReference, as metav1.NewControllerRef builds it (controller and blockOwnerDeletion true). */
export function controllerRef(owner: AnyObject): IOwnerReference {
  return {
    apiVersion: KIND_INFO[owner.kind as Kind].apiVersion,
    kind: owner.kind as string,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The ownerReference marked controller: true, if any (metav1.GetControllerOf). */
export function controllerOf(object: AnyObject): IOwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

export function isControlledBy(object: AnyObject, owner: AnyObject): boolean {
  return controllerOf(object)?.uid === owner.metadata.uid;
}
