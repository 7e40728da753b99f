import type { NodeHandle, XYPosition } from '@xyflow/react';
import type { Department, FlowEdge, MapNode, Note, Opportunity } from '../../../shared/domain/journey';
import type { NoteFlowNode, OpportunityFlowNode } from './flow-types';
import { cutText } from '../../../shared/text/cut';

/** React Flow nodes for opportunities and free notes, and the pain tallies touchpoint cards show. */

export const OPPORTUNITY_STATUS_LABELS = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
} as const;

export const NOTE_COLOUR_LABELS = {
  yellow: 'Yellow',
  pink: 'Pink',
  blue: 'Blue',
  green: 'Green',
  purple: 'Purple',
  grey: 'Grey',
} as const;

/**
 * Per touchpoint: how many pain points are attached to it and the sum of their votes. Only pain
 * points count: opportunities attach to touchpoints too, but they are not pains.
 */
export function countAttachedPains(
  nodes: readonly MapNode[],
  edges: readonly FlowEdge[],
): Map<string, { count: number; votes: number }> {
  const votesOf = new Map<string, number>();
  for (const node of nodes) if (node.kind === 'painpoint') votesOf.set(node.id, node.votes);
  const counts = new Map<string, { count: number; votes: number }>();
  for (const edge of edges) {
    if (edge.kind !== 'attachment') continue;
    const votes = votesOf.get(edge.sourceId);
    if (votes === undefined) continue;
    const tally = counts.get(edge.targetId);
    if (tally) {
      tally.count += 1;
      tally.votes += votes;
    } else counts.set(edge.targetId, { count: 1, votes });
  }
  return counts;
}

export function noteFlowNode(
  node: Opportunity | Note,
  position: XYPosition,
  size: {
    drawn: { width: number; height: number };
    measured: { width: number; height: number };
    handles?: NodeHandle[];
  },
  selected: boolean,
  owner: Department | undefined,
): OpportunityFlowNode | NoteFlowNode {
  const common = {
    id: node.id,
    position,
    width: size.drawn.width,
    height: size.drawn.height,
    measured: size.measured,
    ...(size.handles ? { handles: size.handles } : {}),
    selected,
    deletable: false,
  };
  if (node.kind === 'opportunity') {
    return {
      ...common,
      type: 'opportunity',
      data: { opportunity: node, owner: owner ? { name: owner.name, colour: owner.colour } : null },
      ariaLabel: `Opportunity ${node.name}`,
    };
  }
  const firstLine = node.text.trim().split('\n', 1)[0] ?? '';
  return {
    ...common,
    type: 'note',
    data: { note: node },
    ariaLabel: firstLine ? `Note ${cutText(firstLine, 80)}` : 'Empty note',
  };
}
