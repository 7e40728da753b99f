import type { Change } from '../../../shared/domain/change-set';
import {
  nodeLabel,
  type FlowEdge,
  type JourneyDocument,
  type MapNode,
  type PainStatus,
  type Severity,
} from '../../../shared/domain/journey';

/**
 * Dot-voting: what can carry votes, the ranked list a workshop prioritises from, and the change
 * ops that add, remove and reset votes (each one gesture, so one undo step).
 */

/** The most votes one item holds (PainPoint.votes in shared/domain/journey.ts). */
export const MAX_VOTES = 100_000;

/** A node that carries votes: pain points (and any later kind with a `votes` count). */
export type VotableNode = Extract<MapNode, { votes: number }>;

export const isVotable = (node: MapNode): node is VotableNode =>
  'votes' in node && typeof node.votes === 'number';

/** Highest first; an item without a severity ranks below every pain point of equal votes. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export interface RankedItem {
  id: string;
  kind: VotableNode['kind'];
  name: string;
  votes: number;
  severity: Severity | null;
  status: PainStatus | null;
  /** The touchpoints it is attached to, by name (usually one). */
  attachedTo: readonly { id: string; name: string }[];
}

const severityOf = (node: VotableNode): Severity | null =>
  'severity' in node ? (node.severity as Severity) : null;
const statusOf = (node: VotableNode): PainStatus | null => (node.kind === 'painpoint' ? node.status : null);

/** Votes (most first), then severity (worst first), then name (A to Z), then id. */
export function compareRanked(a: RankedItem, b: RankedItem): number {
  return (
    b.votes - a.votes ||
    (b.severity ? SEVERITY_WEIGHT[b.severity] : 0) - (a.severity ? SEVERITY_WEIGHT[a.severity] : 0) ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Every votable item of the map, ranked. */
export function rankByVotes(doc: { nodes: readonly MapNode[]; edges: readonly FlowEdge[] }): RankedItem[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const attached = new Map<string, { id: string; name: string }[]>();
  for (const edge of doc.edges) {
    if (edge.kind !== 'attachment') continue;
    const target = byId.get(edge.targetId);
    if (!target) continue;
    const list = attached.get(edge.sourceId) ?? [];
    list.push({ id: target.id, name: nodeLabel(target) });
    attached.set(edge.sourceId, list);
  }
  return doc.nodes
    .filter(isVotable)
    .map((node): RankedItem => ({
      id: node.id,
      kind: node.kind,
      name: node.name,
      votes: node.votes,
      severity: severityOf(node),
      status: statusOf(node),
      attachedTo: attached.get(node.id) ?? [],
    }))
    .sort(compareRanked);
}

/** The op that sets one votable node's votes. */
function setVotes(node: VotableNode, votes: number): Change {
  switch (node.kind) {
    case 'painpoint':
      return { op: 'painpoint.update', id: node.id, fields: { votes } };
    case 'opportunity':
      return { op: 'opportunity.update', id: node.id, fields: { votes } };
  }
}

/**
 * Adds `delta` votes (negative removes) to each of the given nodes that can carry votes, kept
 * within 0 … MAX_VOTES. Nodes that would not change are left out; no change at all is [].
 */
export function voteChanges(
  doc: Pick<JourneyDocument, 'nodes'>,
  ids: readonly string[],
  delta: number,
): Change[] {
  const wanted = new Set(ids);
  const changes: Change[] = [];
  for (const node of doc.nodes) {
    if (!wanted.has(node.id) || !isVotable(node)) continue;
    const votes = Math.min(MAX_VOTES, Math.max(0, node.votes + delta));
    if (votes !== node.votes) changes.push(setVotes(node, votes));
  }
  return changes;
}

/** The selected ids that can carry votes. */
export function votableIds(doc: Pick<JourneyDocument, 'nodes'>, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  return doc.nodes.filter((n) => wanted.has(n.id) && isVotable(n)).map((n) => n.id);
}

/** Every vote back to 0: one op per item that has any. */
export function resetVoteChanges(doc: Pick<JourneyDocument, 'nodes'>): Change[] {
  return doc.nodes.filter(isVotable).flatMap((node) => (node.votes > 0 ? [setVotes(node, 0)] : []));
}

/** How many votes the map holds in all, and on how many items. */
export function voteTotals(doc: Pick<JourneyDocument, 'nodes'>): { votes: number; items: number } {
  let votes = 0;
  let items = 0;
  for (const node of doc.nodes) {
    if (isVotable(node) && node.votes > 0) {
      votes += node.votes;
      items += 1;
    }
  }
  return { votes, items };
}
