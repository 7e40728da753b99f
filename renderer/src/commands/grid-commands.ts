import type { JourneyDocument } from '../../../shared/domain/journey';
import {
  bandOrder,
  deleteBand,
  insertBand,
  moveBand,
  nameOf,
  planBandDelete,
  type BandKind,
  type Side,
} from '../state/grid-edits';
import { startRename } from '../state/inline-edit';
import { laneSelectionId, parseSelectionId, stageSelectionId } from '../state/ui-store';
import type { Command, CommandContext } from './command-registry';

/**
 * The grid's commands: insert, rename, reorder and delete stages (columns) and department lanes
 * (rows), and rename anything named in place (F2). They act on the selection: a selected stage or
 * lane header, or the stage / lane of the selected card. The edits themselves are pure functions in
 * state/grid-edits.ts; each command is one gesture, one undo step.
 */

/** A map (not a snapshot) is open, editable, with no confirmation pending. */
function editableDoc(ctx: CommandContext): JourneyDocument | null {
  const route = ctx.uiStore.getState().route;
  const { doc, journeyId, readOnly } = ctx.documentStore.getState();
  if (route.name !== 'map' || !doc || journeyId !== route.id || readOnly) return null;
  return ctx.uiStore.getState().confirm === null ? doc : null;
}

/** The single selected canvas item, if exactly one is selected. */
function singleTarget(ctx: CommandContext): string | null {
  const { nodes, edges } = ctx.uiStore.getState().selection;
  return nodes.length === 1 && edges.length === 0 ? nodes[0]! : null;
}

/** The stage or lane the selection is about: its header, or the band of the selected card. */
export function selectedBand(ctx: CommandContext, kind: BandKind): string | null {
  const doc = editableDoc(ctx);
  const target = singleTarget(ctx);
  if (!doc || !target) return null;
  const parsed = parseSelectionId(target);
  if (parsed.kind === 'node') {
    const node = doc.nodes.find((n) => n.id === parsed.id);
    const id = kind === 'stage' ? node?.stageId : node?.departmentId;
    return id ?? null;
  }
  if (parsed.kind !== kind) return null;
  const exists = (kind === 'stage' ? doc.stages : doc.departments).some((b) => b.id === parsed.id);
  return exists ? parsed.id : null;
}

const selectionIdOf = (kind: BandKind, id: string) =>
  kind === 'stage' ? stageSelectionId(id) : laneSelectionId(id);

const NOUN: Record<BandKind, { one: string }> = {
  stage: { one: 'stage' },
  lane: { one: 'lane' },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Inserts a band next to the selected one, selects it and starts naming it. */
function insert(ctx: CommandContext, kind: BandKind, side: Side) {
  const doc = editableDoc(ctx);
  const reference = selectedBand(ctx, kind);
  if (!doc || !reference) return;
  const edit = insertBand(doc, kind, reference, side);
  if (!edit) return;
  ctx.documentStore.getState().apply(edit.changes);
  const target = selectionIdOf(kind, edit.id);
  ctx.uiStore.getState().selectOnly(target);
  startRename(ctx, target);
}

function move(ctx: CommandContext, kind: BandKind, step: -1 | 1) {
  const doc = editableDoc(ctx);
  const id = selectedBand(ctx, kind);
  if (!doc || !id) return;
  const index = bandOrder(doc, kind).indexOf(id);
  ctx.documentStore.getState().apply(moveBand(doc, kind, id, index + step));
}

const canMove = (ctx: CommandContext, kind: BandKind, step: -1 | 1) => {
  const doc = editableDoc(ctx);
  const id = selectedBand(ctx, kind);
  if (!doc || !id) return false;
  const order = bandOrder(doc, kind);
  const to = order.indexOf(id) + step;
  return to >= 0 && to < order.length;
};

/**
 * Deletes a stage or lane. An empty one goes at once; one that holds cards asks whether to move
 * them into the neighbouring band or delete them too (or cancel). Either way, one undo step.
 */
export function deleteBandWithChoice(ctx: CommandContext, kind: BandKind, id: string): void {
  const doc = editableDoc(ctx);
  if (!doc) return;
  const plan = planBandDelete(doc, kind, id);
  if (!plan) return;
  const noun = NOUN[kind].one;
  const run = (mode: 'move' | 'delete') => {
    const current = ctx.documentStore.getState().doc;
    if (!current) return;
    ctx.documentStore.getState().apply(deleteBand(current, kind, id, mode));
    ctx.uiStore.getState().clearSelection();
  };
  if (plan.held === 0) {
    run('delete');
    return;
  }
  const cards = plural(plan.held, 'card');
  ctx.uiStore.getState().askConfirm({
    title: `Delete the ${noun} “${plan.name}”?`,
    message: plan.neighbour
      ? `It holds ${cards}. Move ${plan.held === 1 ? 'it' : 'them'} to the ${noun} “${plan.neighbour.name}”, or delete ${plan.held === 1 ? 'it' : 'them'} with the ${noun}, together with ${plan.held === 1 ? 'its' : 'their'} connections.`
      : `It holds ${cards}, and it is the only ${noun}: ${plan.held === 1 ? 'it goes' : 'they go'} with it, together with ${plan.held === 1 ? 'its' : 'their'} connections.`,
    confirmLabel: `Delete ${noun} and ${cards}`,
    onConfirm: () => run('delete'),
    ...(plan.neighbour
      ? { alternative: { label: `Move ${cards} to “${plan.neighbour.name}”`, onConfirm: () => run('move') } }
      : {}),
  });
}

function bandCommands(kind: BandKind): Command[] {
  const { one } = NOUN[kind];
  const has = (ctx: CommandContext) => selectedBand(ctx, kind) !== null;
  const [before, after] = kind === 'stage' ? ['before', 'after'] : ['above', 'below'];
  const [back, forward] = kind === 'stage' ? ['left', 'right'] : ['up', 'down'];
  return [
    {
      id: `${kind}.insertBefore`,
      label: `Insert ${one} ${before}`,
      enabled: has,
      run: (ctx) => insert(ctx, kind, 'before'),
    },
    {
      id: `${kind}.insertAfter`,
      label: `Insert ${one} ${after}`,
      enabled: has,
      run: (ctx) => insert(ctx, kind, 'after'),
    },
    {
      id: `${kind}.rename`,
      label: `Rename ${one}`,
      enabled: has,
      run(ctx) {
        const id = selectedBand(ctx, kind);
        if (id) startRename(ctx, selectionIdOf(kind, id));
      },
    },
    {
      id: kind === 'stage' ? 'stage.moveLeft' : 'lane.moveUp',
      label: `Move ${one} ${back}`,
      enabled: (ctx) => canMove(ctx, kind, -1),
      run: (ctx) => move(ctx, kind, -1),
    },
    {
      id: kind === 'stage' ? 'stage.moveRight' : 'lane.moveDown',
      label: `Move ${one} ${forward}`,
      enabled: (ctx) => canMove(ctx, kind, 1),
      run: (ctx) => move(ctx, kind, 1),
    },
    {
      id: `${kind}.delete`,
      label: `Delete ${one}…`,
      enabled: has,
      run(ctx) {
        const id = selectedBand(ctx, kind);
        if (id) deleteBandWithChoice(ctx, kind, id);
      },
    },
  ];
}

/** Whether the single selected item can be renamed in place (anything on the canvas with a name). */
function renameable(ctx: CommandContext): string | null {
  const doc = editableDoc(ctx);
  const target = singleTarget(ctx);
  return doc && target && nameOf(doc, target) !== null ? target : null;
}

export const gridCommands: readonly Command[] = [
  ...bandCommands('stage'),
  ...bandCommands('lane'),
  {
    id: 'node.rename',
    label: 'Rename',
    shortcuts: [{ key: 'F2' }],
    enabled: (ctx) => renameable(ctx) !== null && ctx.uiStore.getState().inlineEdit === null,
    run(ctx) {
      const target = renameable(ctx);
      if (target) startRename(ctx, target);
    },
  },
];
