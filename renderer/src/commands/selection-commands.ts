import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument } from '../../../shared/domain/journey';
import {
  NODE_SIZE,
  STAGE_HEADER_HEIGHT,
  bandsExtent,
  cellAt,
  departmentLanes,
  stageColumns,
} from '../../../shared/graph/grid';
import {
  alignSelection,
  distributeSelection,
  selectedCards,
  type Alignment,
  type Axis,
} from '../state/arrange';
import {
  decodeClipboard,
  encodeSelection,
  envelopeText,
  pasteCell,
  planPaste,
  NOTE_FROM_TEXT,
  planTextPaste,
  TOUCHPOINT_FROM_TEXT,
  type PastePlan,
} from '../state/clipboard';
import { addPainPoint, addTouchpoint, deleteSelection, newId, newPainPoint } from '../state/map-edits';
import { tidyPlan } from '../state/tidy';
import { startDraft } from '../state/inline-edit';
import { newTouchpointAt } from '../state/grid-edits';
import { tidyFootprint } from './tidy-footprint';
import { parseSelectionId } from '../state/ui-store';
import type { Command, CommandContext } from './command-registry';
import { commandUi, openShortcuts, type Point } from './command-ui';
import { mapOpen } from './journey-commands';

/**
 * Commands on the selection and the clipboard, arranging, tidying, zooming to a stage and the
 * shortcuts dialog. Each edit is one `apply` call: one gesture, one undo step.
 */

const docOf = (ctx: CommandContext): JourneyDocument => {
  const doc = ctx.documentStore.getState().doc;
  if (!doc) throw new Error('No map is open.');
  return doc;
};

const cardCount = (ctx: CommandContext) => {
  const doc = ctx.documentStore.getState().doc;
  return doc ? selectedCards(doc, ctx.uiStore.getState().selection).length : 0;
};

const editable = (ctx: CommandContext) => mapOpen(ctx) && !ctx.documentStore.getState().readOnly;

/** Applies a plan as one gesture and selects what it made. */
function applyPlan(ctx: CommandContext, plan: PastePlan) {
  if (plan.changes.length === 0) return;
  ctx.documentStore.getState().apply(plan.changes);
  ctx.uiStore.getState().select({ nodes: plan.nodeIds, edges: [] });
}

/** The pointer's place on the map for a paste: where the context menu opened, else the pointer. */
const pastePoint = (): Point | null => {
  const { anchor, canvas } = commandUi.getState();
  return anchor ?? canvas?.pointer() ?? null;
};

/**
 * Pastes clipboard text: our cards (fresh ids, arrows among them kept), lines of other text as one
 * touchpoint each, or other text as one free note. A bad envelope changes nothing and says why.
 */
export function pasteText(ctx: CommandContext, text: string, at: Point | null): void {
  const doc = docOf(ctx);
  const ui = ctx.uiStore.getState();
  const decoded = decodeClipboard(text);
  switch (decoded.kind) {
    case 'empty':
      ui.notify('There is nothing to paste: the clipboard holds no text.');
      return;
    case 'error':
      ui.notify(decoded.message, 'error');
      return;
    case 'cards':
      applyPlan(ctx, planPaste(doc, decoded.envelope, at));
      return;
    case 'lines':
    case 'text': {
      // Several lines are a list of touchpoints; any other text is kept whole on a free note.
      const [texts, maker] =
        decoded.kind === 'lines' ? [decoded.lines, TOUCHPOINT_FROM_TEXT] : [[decoded.text], NOTE_FROM_TEXT];
      const centre = at ?? commandUi.getState().canvas?.viewCentre() ?? null;
      applyPlan(ctx, planTextPaste(doc, texts, pasteCell(doc, ui.selection, centre), centre, newId, maker));
    }
  }
}

/** The selected cards as clipboard text, or null when none is selected. */
export function copyText(ctx: CommandContext): string | null {
  const envelope = encodeSelection(docOf(ctx), ctx.uiStore.getState().selection);
  return envelope ? envelopeText(envelope) : null;
}

/** Removes the selected cards (not stages or lanes) after a cut. */
export function removeCopiedCards(ctx: CommandContext): void {
  const doc = docOf(ctx);
  const ids = selectedCards(doc, ctx.uiStore.getState().selection).map((n) => n.id);
  const plan = deleteSelection(doc, { nodes: ids, edges: [] });
  ctx.documentStore.getState().apply(plan.changes);
  ctx.uiStore.getState().clearSelection();
}

const clipboardError = (what: string, error: unknown) =>
  `Couldn't ${what} the clipboard: ${error instanceof Error ? error.message : String(error)}`;

/** The stage the zoom applies to: a selected stage, else the stage of the first selected card. */
function selectedStage(ctx: CommandContext): string | null {
  const doc = ctx.documentStore.getState().doc;
  if (!doc) return null;
  for (const id of ctx.uiStore.getState().selection.nodes) {
    const target = parseSelectionId(id);
    if (target.kind === 'stage' && doc.stages.some((s) => s.id === target.id)) return target.id;
    if (target.kind === 'node') {
      const stageId = doc.nodes.find((n) => n.id === target.id)?.stageId;
      if (stageId) return stageId;
    }
  }
  return null;
}

const ALIGNMENTS: readonly { id: string; label: string; alignment: Alignment }[] = [
  { id: 'arrange.alignLeft', label: 'Align left', alignment: 'left' },
  { id: 'arrange.alignCenter', label: 'Align centre', alignment: 'center' },
  { id: 'arrange.alignRight', label: 'Align right', alignment: 'right' },
  { id: 'arrange.alignTop', label: 'Align top', alignment: 'top' },
  { id: 'arrange.alignMiddle', label: 'Align middle', alignment: 'middle' },
  { id: 'arrange.alignBottom', label: 'Align bottom', alignment: 'bottom' },
];

const DISTRIBUTIONS: readonly { id: string; label: string; axis: Axis }[] = [
  { id: 'arrange.distributeHorizontally', label: 'Distribute horizontally', axis: 'horizontal' },
  { id: 'arrange.distributeVertically', label: 'Distribute vertically', axis: 'vertical' },
];

export const ALIGN_COMMAND_IDS = [...ALIGNMENTS, ...DISTRIBUTIONS].map((c) => c.id);

function applyEdit(ctx: CommandContext, changes: Change[]) {
  ctx.documentStore.getState().apply(changes);
}

/** Adds a card where the context menu was opened (or, without one, where the toolbar would). */
function addHere(ctx: CommandContext, kind: 'touchpoint' | 'painpoint') {
  const doc = docOf(ctx);
  const ui = ctx.uiStore.getState();
  const anchor = commandUi.getState().anchor;
  if (!anchor) {
    startDraft(
      ctx,
      kind === 'touchpoint' ? addTouchpoint(doc, ui.selection) : addPainPoint(doc, ui.selection),
    );
    return;
  }
  // A touchpoint goes where a double-click there would put it (a free spot of that cell).
  if (kind === 'touchpoint') return startDraft(ctx, newTouchpointAt(doc, anchor));
  const size = NODE_SIZE[kind];
  const x = Math.round(anchor.x - size.width / 2);
  const y = Math.round(anchor.y - size.height / 2);
  const cell = cellAt(anchor, doc.stages, doc.departments);
  const value = newPainPoint({ x, y, stageId: cell.stageId, departmentId: cell.departmentId });
  // Named in place on the card, like a double-click on an empty spot (Escape leaves nothing).
  startDraft(ctx, { changes: [{ op: 'node.add', value }], id: value.id });
}

export const selectionCommands: readonly Command[] = [
  {
    id: 'map.addTouchpointHere',
    label: 'Add touchpoint here',
    enabled: editable,
    run: (ctx) => addHere(ctx, 'touchpoint'),
  },
  {
    id: 'map.addPainPointHere',
    label: 'Add pain point here',
    enabled: editable,
    run: (ctx) => addHere(ctx, 'painpoint'),
  },
  {
    id: 'selection.selectAll',
    label: 'Select all cards',
    shortcuts: [{ key: 'a', mod: true }],
    // The Edit menu carries Ctrl/Cmd+A; in a text field the field's own select-all runs.
    menuAccelerator: true,
    skipWhileTyping: true,
    enabled: (ctx) => mapOpen(ctx) && (ctx.documentStore.getState().doc?.nodes.length ?? 0) > 0,
    run(ctx) {
      ctx.uiStore.getState().select({ nodes: docOf(ctx).nodes.map((n) => n.id), edges: [] });
    },
  },
  {
    // Renames in the inspector; the canvas's in-place rename (F2) takes its place in menus.
    id: 'selection.rename',
    label: 'Rename',
    enabled: (ctx) => editable(ctx) && ctx.uiStore.getState().selection.nodes.length === 1,
    run(ctx) {
      const [id] = ctx.uiStore.getState().selection.nodes;
      if (id) ctx.uiStore.getState().requestFocus(parseSelectionId(id).id);
    },
  },
  {
    id: 'selection.duplicate',
    label: 'Duplicate',
    shortcuts: [{ key: 'd', mod: true }],
    menuAccelerator: true,
    skipWhileTyping: true,
    enabled: (ctx) => editable(ctx) && cardCount(ctx) > 0,
    run(ctx) {
      const doc = docOf(ctx);
      const envelope = encodeSelection(doc, ctx.uiStore.getState().selection);
      if (envelope) applyPlan(ctx, planPaste(doc, envelope, null));
    },
  },
  {
    id: 'clipboard.copy',
    label: 'Copy',
    shortcuts: [{ key: 'c', mod: true }],
    nativeShortcut: true,
    enabled: (ctx) => mapOpen(ctx) && cardCount(ctx) > 0,
    async run(ctx) {
      const text = copyText(ctx);
      if (!text) return;
      try {
        await navigator.clipboard.writeText(text);
      } catch (error) {
        ctx.uiStore.getState().notify(clipboardError('write to', error), 'error');
      }
    },
  },
  {
    id: 'clipboard.cut',
    label: 'Cut',
    shortcuts: [{ key: 'x', mod: true }],
    nativeShortcut: true,
    enabled: (ctx) => editable(ctx) && cardCount(ctx) > 0,
    async run(ctx) {
      const text = copyText(ctx);
      if (!text) return;
      try {
        await navigator.clipboard.writeText(text);
      } catch (error) {
        ctx.uiStore.getState().notify(clipboardError('write to', error), 'error');
        return;
      }
      removeCopiedCards(ctx);
    },
  },
  {
    id: 'clipboard.paste',
    label: 'Paste',
    shortcuts: [{ key: 'v', mod: true }],
    nativeShortcut: true,
    enabled: editable,
    async run(ctx) {
      const at = pastePoint();
      let text: string;
      try {
        text = await navigator.clipboard.readText();
      } catch (error) {
        ctx.uiStore.getState().notify(clipboardError('read', error), 'error');
        return;
      }
      pasteText(ctx, text, at);
    },
  },
  ...ALIGNMENTS.map(({ id, label, alignment }): Command => ({
    id,
    label,
    enabled: (ctx) => editable(ctx) && cardCount(ctx) >= 2,
    run: (ctx) => applyEdit(ctx, alignSelection(docOf(ctx), ctx.uiStore.getState().selection, alignment)),
  })),
  ...DISTRIBUTIONS.map(({ id, label, axis }): Command => ({
    id,
    label,
    enabled: (ctx) => editable(ctx) && cardCount(ctx) >= 3,
    run: (ctx) => applyEdit(ctx, distributeSelection(docOf(ctx), ctx.uiStore.getState().selection, axis)),
  })),
  {
    id: 'arrange.tidy',
    label: 'Tidy',
    enabled: (ctx) => editable(ctx) && (ctx.documentStore.getState().doc?.nodes.length ?? 0) > 0,
    // At a presentation text scale, tidy makes room for the cards as drawn.
    run: (ctx) => applyEdit(ctx, tidyPlan(docOf(ctx), ctx.uiStore.getState().selection, tidyFootprint(ctx))),
  },
  {
    id: 'view.zoomToStage',
    label: 'Zoom to stage',
    enabled: (ctx) => mapOpen(ctx) && selectedStage(ctx) !== null && commandUi.getState().canvas !== null,
    run(ctx) {
      const stageId = selectedStage(ctx);
      const doc = docOf(ctx);
      const column = stageColumns(doc.stages).find((c) => c.id === stageId);
      if (!column) return;
      const canvas = commandUi.getState().canvas;
      if (!canvas) return;
      // The column fills the view's width, from its header down; a tall map pans on from there.
      const height = bandsExtent(departmentLanes(doc.departments)) + STAGE_HEADER_HEIGHT;
      canvas.fitBounds({
        x: column.start,
        y: -STAGE_HEADER_HEIGHT,
        width: column.size,
        height: Math.min(height, column.size * canvas.viewAspect()),
      });
    },
  },
  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    shortcuts: [{ key: '?' }],
    enabled: () => true,
    run: () => openShortcuts(),
  },
];
