import type { StatusError } from "../api/status-error";
import type { ClusterConfig } from "../config";
import type { ManifestError } from "../manifest/parse-manifests";
import type { AnyObject } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import type { Result } from "../result";
import type { ObjectSource } from "../source";
import type { Addon } from "../bootstrap/build-bootstrap-phases";

export type { Addon };

/** The types of the Cluster's write API: its options and what each write answers. */

export interface ClusterOptions {
  config?: Partial<ClusterConfig>;
  /** Addons installed at start; CoreDNS when omitted, as kubeadm installs it. */
  addons?: readonly Addon[];
}

export interface WriteOptions {
  /** The request namespace (`kubectl -n`). */
  namespace?: string;
  /** Where the object's text came from, for positions in errors and explanations. */
  source?: ObjectSource;
}

/** What kubectl prints after the resource name: `deployment.apps/web created`. */
export type WriteAction =
  | "created"
  | "configured"
  | "unchanged"
  | "replaced"
  | "deleted"
  | "labeled"
  | "not labeled"
  | "annotated"
  | "not annotated"
  | "scaled"
  | "exposed";

export interface WriteOutcome {
  object: AnyObject;
  action: WriteAction;
  /** Warnings kubectl prints on stderr before the result line (`Warning: …`), without the prefix. */
  warnings?: string[];
}

export interface ApplyTextOptions {
  /** A label for the text in messages: a file name, `STDIN`, an editor id. */
  file?: string;
  namespace?: string;
  /** `kubectl apply -f` (default), `kubectl create -f` or `kubectl replace -f`. */
  mode?: "apply" | "create" | "replace";
}

export interface DocumentOutcome {
  index: number;
  ref?: ObjectRef;
  result: Result<WriteOutcome, StatusError>;
}

export interface ApplyTextResult {
  /** One entry per document, in order; kubectl is not transactional across documents. */
  documents: DocumentOutcome[];
  /** Documents that could not be parsed, and a text with no objects at all. */
  errors: ManifestError[];
}
