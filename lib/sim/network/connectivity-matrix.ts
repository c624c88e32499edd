import type { CniName } from "../cni/cni-profile";
import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import { hasBit, intersect, orInto, createBitset, type Bitset } from "../netpol/bitset";
import { listPolicyModels, rulesOf, type Direction, type PolicyModel, type RuleModel } from "../netpol/build-policy";
import { resolveEnforcement } from "../netpol/enforcement";
import { buildPodIndex, selectPeerPods, selectTargetPods, type PodIndex } from "../netpol/pod-index";
import { podRef } from "../netpol/policy-peer";
import { matchPortMatcher, type PortQuery } from "../netpol/port-matcher";
import type { Protocol } from "./trace";

/** Cell flags: what the source's egress side says, what the destination's ingress side says, and the outcome. */
export const MATRIX_EGRESS_ALLOWED = 1;
export const MATRIX_INGRESS_ALLOWED = 2;
export const MATRIX_ALLOWED = 4;

/**
 * Every ordered pod pair's verdict for one port, like cyclonus' and the e2e suite's truth tables. `cells` has
 * pods.length² entries, row = source index, column = destination index, each a set of MATRIX_* flags.
 */
export interface ConnectivityMatrix {
  pods: ObjectRef[];
  cni: CniName;
  port: number;
  protocol: Protocol;
  enforced: boolean;
  cells: Uint8Array;
}

export interface ConnectivityMatrixOptions {
  namespaces?: readonly string[];
  port: number;
  protocol?: Protocol;
}

/**
 * isTrafficAllowed for every pod pair at once, with the same semantics, computed set-wise: each policy's selected
 * pods and each rule's admitted peers become bitsets, a pod's allowed ingress sources (egress destinations) are the
 * OR of the rule sets of the policies selecting it, and a cell is two bit lookups.
 */
export function connectivityMatrix(state: ClusterState, options: ConnectivityMatrixOptions): ConnectivityMatrix {
  const protocol = options.protocol ?? "TCP";
  const pods = listPods(state, options.namespaces);
  const index = buildPodIndex(state, pods);
  const enforcement = resolveEnforcement(state.config);
  const query = { port: options.port, protocol, supportsEndPort: enforcement.supportsEndPort };
  const models = [...index.byNamespace.keys()].flatMap((ns) => listPolicyModels(state, ns));
  const ingress = collectAllowed(index, models, "ingress", query);
  const egress = collectAllowed(index, models, "egress", query);
  return {
    pods: pods.map(podRef),
    cni: enforcement.profile.name,
    port: options.port,
    protocol,
    enforced: enforcement.enforced,
    cells: fillCells(index, ingress, egress, enforcement.enforced),
  };
}

export function isMatrixAllowed(matrix: ConnectivityMatrix, source: number, destination: number): boolean {
  return (matrix.cells[source * matrix.pods.length + destination] & MATRIX_ALLOWED) !== 0;
}

function listPods(state: ClusterState, namespaces: readonly string[] | undefined): Pod[] {
  if (namespaces === undefined) return [...state.list("Pod")];
  return [...new Set(namespaces)].flatMap((ns) => state.list("Pod", ns));
}

/** Per subject pod: isolated or not, and (rows of `size` bits) the peers its policies admit. */
interface DirectionSets {
  isolated: Uint8Array;
  rows: Uint32Array;
  words: number;
}

function collectAllowed(index: PodIndex, models: readonly PolicyModel[], direction: Direction, query: Omit<PortQuery, "destination">): DirectionSets {
  const words = Math.ceil(index.size / 32);
  const sets: DirectionSets = { isolated: new Uint8Array(index.size), rows: new Uint32Array(index.size * words), words };
  for (const model of models) {
    if (!model.policyTypes[direction]) continue;
    const selected = selectTargetPods(index, model.target);
    if (selected.length === 0) continue;
    for (const i of selected) sets.isolated[i] = 1;
    const shared = createBitset(index.size);
    for (const rule of rulesOf(model, direction)) addRule(index, sets, rule, direction, selected, shared, query);
    for (const i of selected) orInto(sets.rows, shared, i * words);
  }
  return sets;
}

/**
 * One rule's contribution. A port that matches without looking at the destination (a number, a range, a bare
 * protocol, or no ports) admits the rule's peers for every selected pod; a named port resolves on each
 * destination pod separately (for ingress the selected pod, for egress the peer).
 */
function addRule(index: PodIndex, sets: DirectionSets, rule: RuleModel, direction: Direction, selected: number[], shared: Bitset, query: Omit<PortQuery, "destination">): void {
  if (matchPortMatcher(rule.ports, { ...query, destination: undefined }) !== -1) {
    orInto(shared, selectPeerPods(index, rule.peers));
    return;
  }
  if (rule.ports.kind === "all" || !rule.ports.items.some((p) => p.kind === "named" && p.protocol === query.protocol)) return;
  const portOk = createBitset(index.size);
  let any = false;
  index.peers.forEach((peer, i) => {
    if (peer.kind === "pod" && matchPortMatcher(rule.ports, { ...query, destination: peer.pod }) !== -1) {
      portOk[i >>> 5] |= 1 << (i & 31);
      any = true;
    }
  });
  if (!any) return;
  const peers = selectPeerPods(index, rule.peers);
  if (direction === "egress") {
    orInto(shared, intersect(peers, portOk));
    return;
  }
  for (const i of selected) if (hasBit(portOk, i)) orInto(sets.rows, peers, i * sets.words);
}

/** The exemptions of evaluateDirection, per cell: same pod, a host peer on the subject's own node, non-pod subjects. */
function fillCells(index: PodIndex, ingress: DirectionSets, egress: DirectionSets, enforced: boolean): Uint8Array {
  const n = index.size;
  const words = ingress.words;
  const cells = new Uint8Array(n * n);
  const { onPodNetwork, nodeIds } = index;
  for (let s = 0; s < n; s++) {
    const sPod = onPodNetwork[s] === 1;
    const sOpen = !sPod || egress.isolated[s] === 0;
    const sRow = s * words;
    for (let d = 0; d < n; d++) {
      const dPod = onPodNetwork[d] === 1;
      const sameNode = nodeIds[s] !== -1 && nodeIds[s] === nodeIds[d];
      const word = d >>> 5;
      const bit = 1 << (d & 31);
      const egressOk =
        sOpen || s === d || (!dPod && sameNode) || (egress.rows[sRow + word] & bit) !== 0;
      const ingressOk =
        !dPod || ingress.isolated[d] === 0 || s === d || (!sPod && sameNode) || (ingress.rows[d * words + (s >>> 5)] & (1 << (s & 31))) !== 0;
      let flags = (egressOk ? MATRIX_EGRESS_ALLOWED : 0) | (ingressOk ? MATRIX_INGRESS_ALLOWED : 0);
      if (!enforced || (egressOk && ingressOk)) flags |= MATRIX_ALLOWED;
      cells[s * n + d] = flags;
    }
  }
  return cells;
}
