import type { Edge, Node } from '@xyflow/react';
import type {
  Department,
  EdgeKind,
  Note,
  Opportunity,
  PainPoint,
  Stage,
  Touchpoint,
} from '../../../shared/domain/journey';
import type { Band } from '../../../shared/graph/grid';
import type { CellView, TouchpointView } from '../overlay/overlay-view';
import type { EmotionLaneFlowNode } from './EmotionLane';

/** The canvas's node and edge types: React Flow's view of a journey document. */

export type TouchpointFlowNode = Node<
  {
    touchpoint: Touchpoint;
    colour: string;
    painCount: number;
    painVotes: number;
    overlay?: TouchpointView | undefined;
  },
  'touchpoint'
>;
export type PainPointFlowNode = Node<{ painPoint: PainPoint }, 'painpoint'>;
export type OpportunityFlowNode = Node<
  { opportunity: Opportunity; owner: { name: string; colour: string } | null },
  'opportunity'
>;
export type NoteFlowNode = Node<{ note: Note }, 'note'>;
export type StageHeaderFlowNode = Node<
  { stage: Stage; index: number; overlay?: (CellView & { metricLabel: string }) | undefined },
  'stageHeader'
>;
export type LaneHeaderFlowNode = Node<{ department: Department; count: number }, 'laneHeader'>;
export type GridFlowNode = Node<
  { columns: readonly Band[]; lanes: readonly (Band & { colour: string })[]; width: number; height: number },
  'grid'
>;

export type JourneyFlowNode =
  | TouchpointFlowNode
  | PainPointFlowNode
  | OpportunityFlowNode
  | NoteFlowNode
  | StageHeaderFlowNode
  | LaneHeaderFlowNode
  | GridFlowNode
  | EmotionLaneFlowNode;

export type JourneyFlowEdge = Edge<{
  kind: EdgeKind;
  handoff: boolean;
  /** The data overlay found this hand-off losing customers (its label carries the figures). */
  breakdown?: boolean;
  /** Left out by a filter: the label fades with its arrow. */
  dimmed?: boolean;
}>;

/** The grid background's node id (':' never occurs in entity ids). */
export const GRID_NODE_ID = 'grid:background';

/**
 * Handle ids: one target (left) and one source (right) per touchpoint for the customer's path;
 * one source per pain note and per opportunity; one target per pain note, for opportunities.
 * Attachment edges end on the touchpoint's target handle (or the pain note's), but are drawn
 * between the cards' facing sides (see AttachmentEdge).
 */
export const HANDLE = {
  flowIn: 'in',
  flowOut: 'out',
  attachOut: 'attach-out',
  attachIn: 'attach-in',
} as const;
