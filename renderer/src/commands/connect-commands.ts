import { createStore } from 'zustand/vanilla';
import { nodeLabel, type JourneyDocument, type MapNode } from '../../../shared/domain/journey';
import { cellOfNode, departmentLanes, stageColumns } from '../../../shared/graph/grid';
import { connectionKind } from '../../../shared/graph/rules';
import { selectedCards } from '../state/arrange';
import { connectNodes } from '../state/map-edits';
import type { Command, CommandContext } from './command-registry';
import { mapOpen } from './journey-commands';

/**
 * Connecting two cards from the keyboard: "Connect to…" (Ctrl/⌘+K, the card's context menu, the
 * Edit menu) on one selected card opens a searchable list of the cards it can connect to; choosing
 * one draws the arrow, one undo step, exactly as dragging between handles does (connectNodes).
 */

export interface ConnectTarget {
  id: string;
  label: string;
  /** "Touchpoint · Decision · Sales", read out with the name. */
  detail: string;
}

const KIND_NAMES: Record<MapNode['kind'], string> = {
  touchpoint: 'Touchpoint',
  painpoint: 'Pain point',
  opportunity: 'Opportunity',
  note: 'Note',
};

/** The ids of the cards `sourceId` already has an arrow to (each pair connects once: isDuplicateEdge). */
export const connectedFrom = (doc: JourneyDocument, sourceId: string): ReadonlySet<string> =>
  new Set(doc.edges.filter((e) => e.sourceId === sourceId).map((e) => e.targetId));

/** The cards `sourceId` can connect to now, in map order (stage by stage, lane by lane, top down). */
export function connectTargets(doc: JourneyDocument, sourceId: string): ConnectTarget[] {
  const source = doc.nodes.find((n) => n.id === sourceId);
  if (!source) return [];
  const stages = stageColumns(doc.stages).map((b) => b.id);
  const lanes = departmentLanes(doc.departments).map((b) => b.id);
  const connected = connectedFrom(doc, source.id);
  const placed = doc.nodes
    .filter((n) => !('reason' in connectionKind(source, n)) && !connected.has(n.id))
    .map((node) => ({ node, cell: cellOfNode(node, doc.stages, doc.departments) }));
  const rank = (list: string[], id: string | null) => (id === null ? list.length : list.indexOf(id));
  placed.sort(
    (a, b) =>
      rank(stages, a.cell.stageId) - rank(stages, b.cell.stageId) ||
      rank(lanes, a.cell.departmentId) - rank(lanes, b.cell.departmentId) ||
      a.node.y - b.node.y ||
      a.node.x - b.node.x,
  );
  return placed.map(({ node, cell }) => {
    const stage = doc.stages.find((s) => s.id === cell.stageId)?.name;
    const lane = doc.departments.find((d) => d.id === cell.departmentId)?.name;
    return {
      id: node.id,
      label: nodeLabel(node),
      detail: [KIND_NAMES[node.kind], stage, lane].filter(Boolean).join(' · '),
    };
  });
}

/** Which card the Connect dialog is connecting from; null while it is closed. */
export const connectUi = createStore<{ sourceId: string | null }>()(() => ({ sourceId: null }));
export const closeConnect = () => connectUi.setState({ sourceId: null });

/** Draws the arrow from the dialog's card to `targetId` (one undo step), or says why it can't. */
export function connectTo(ctx: Pick<CommandContext, 'documentStore' | 'uiStore'>, targetId: string): void {
  const { sourceId } = connectUi.getState();
  const doc = ctx.documentStore.getState().doc;
  closeConnect();
  if (!doc || !sourceId) return;
  const result = connectNodes(doc, sourceId, targetId);
  if ('change' in result) ctx.documentStore.getState().apply([result.change]);
  else ctx.uiStore.getState().notify(result.reason);
}

const oneConnectableCard = (ctx: CommandContext): MapNode | null => {
  const { doc, readOnly } = ctx.documentStore.getState();
  if (!doc || readOnly || !mapOpen(ctx)) return null;
  const cards = selectedCards(doc, ctx.uiStore.getState().selection);
  return cards.length === 1 && cards[0]!.kind !== 'note' ? cards[0]! : null;
};

export const connectCommands: Command[] = [
  {
    id: 'selection.connect',
    label: 'Connect to…',
    shortcuts: [{ key: 'k', mod: true }],
    menuAccelerator: true,
    skipWhileTyping: true,
    enabled: (ctx) => oneConnectableCard(ctx) !== null,
    run(ctx) {
      const card = oneConnectableCard(ctx);
      if (card) connectUi.setState({ sourceId: card.id });
    },
  },
];
