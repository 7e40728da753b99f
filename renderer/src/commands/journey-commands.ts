import type { TemplateId } from '../../../shared/api/contract';
import { LIBRARY_ROUTE } from '../app/route';
import { importCommands } from './import-commands';
import { addDepartment, addPainPoint, addStage, addTouchpoint, deleteSelection } from '../state/map-edits';
import { laneSelectionId, parseSelectionId, selectionIn, stageSelectionId } from '../state/ui-store';
import { deleteBandWithChoice, gridCommands } from './grid-commands';
import { startDraft } from '../state/inline-edit';
import { workshopCommands } from './workshop-commands';
import {
  createCommandRegistry,
  type Command,
  type CommandContext,
  type CommandRegistry,
} from './command-registry';
import { selectionCommands } from './selection-commands';
import { overlayCommands } from './overlay-commands';
import { noteCommands } from './note-commands';
import { connectCommands } from './connect-commands';
import { emotionCommands } from './emotion-commands';

/** The commands of Journey Studio: the menu, the toolbar and the keyboard all run these. */

export const mapOpen = (ctx: CommandContext) => {
  const route = ctx.uiStore.getState().route;
  const { doc, journeyId } = ctx.documentStore.getState();
  return route.name === 'map' && doc !== null && journeyId === route.id;
};

/** A map or a snapshot of one is on screen: the view commands (fit, zoom) apply to either. */
export const canvasShown = (ctx: CommandContext) =>
  mapOpen(ctx) || ctx.uiStore.getState().route.name === 'snapshot';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Creates a map from a template and opens it, after sending the open map's pending edits.
 * Resolves false (and tells the user) when it could not.
 */
export async function createMap(ctx: CommandContext, template: TemplateId): Promise<boolean> {
  try {
    if (ctx.documentStore.getState().hasPendingWrites()) await ctx.documentStore.getState().flush();
    const summary = await ctx.api.call('journeys.create', { template });
    ctx.navigate({ name: 'map', id: summary.id });
    return true;
  } catch (error) {
    ctx.uiStore.getState().notify(`Couldn't create the map: ${messageOf(error)}`, 'error');
    return false;
  }
}

/**
 * Undo and redo need the map open and no confirmation pending: the dialog's action was planned
 * on the map as it stands (the menu could otherwise step the history under it).
 */
const historyOpen = (ctx: CommandContext) => mapOpen(ctx) && ctx.uiStore.getState().confirm === null;

/**
 * Undo or redo, then keep the selection on what still exists, so the inspector never shows an
 * item the step took away.
 */
function stepHistory(ctx: CommandContext, step: 'undo' | 'redo') {
  const documents = ctx.documentStore.getState();
  if (!documents[step]()) return;
  const doc = ctx.documentStore.getState().doc;
  const ui = ctx.uiStore.getState();
  if (doc) ui.select(selectionIn(doc, ui.selection));
}

const withDoc = (ctx: CommandContext) => {
  const doc = ctx.documentStore.getState().doc;
  if (!doc) throw new Error('No map is open.');
  return doc;
};

export const journeyCommands: readonly Command[] = [
  {
    id: 'edit.undo',
    label: 'Undo',
    shortcuts: [{ key: 'z', mod: true }],
    // The Edit menu carries Ctrl/Cmd+Z in Electron; in a text field the field's own undo runs.
    menuAccelerator: true,
    skipWhileTyping: true,
    enabled: (ctx) => historyOpen(ctx) && ctx.documentStore.getState().canUndo,
    run: (ctx) => stepHistory(ctx, 'undo'),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true, notInMenu: true },
    ],
    menuAccelerator: true,
    skipWhileTyping: true,
    enabled: (ctx) => historyOpen(ctx) && ctx.documentStore.getState().canRedo,
    run: (ctx) => stepHistory(ctx, 'redo'),
  },
  {
    id: 'map.new',
    label: 'New blank map',
    shortcuts: [{ key: 'n', mod: true, electronOnly: true }],
    menuAccelerator: true,
    enabled: () => true,
    async run(ctx) {
      await createMap(ctx, 'blank');
    },
  },
  {
    // The id predates the chooser; the Electron menu sends it ("New Map from Template…").
    id: 'map.newFromSample',
    label: 'New from template…',
    enabled: () => true,
    run: (ctx) => ctx.uiStore.getState().openTemplateChooser(),
  },
  {
    id: 'app.library',
    label: 'Back to library',
    shortcuts: [{ key: 'l', mod: true, shift: true }],
    menuAccelerator: true,
    enabled: (ctx) => ctx.uiStore.getState().route.name !== 'library',
    async run(ctx) {
      const documents = ctx.documentStore.getState();
      if (documents.hasPendingWrites()) await documents.flush();
      if (!ctx.documentStore.getState().hasPendingWrites() || ctx.documentStore.getState().conflict) {
        ctx.navigate(LIBRARY_ROUTE);
        return;
      }
      ctx.uiStore.getState().askConfirm({
        title: 'Leave with unsaved changes?',
        message:
          'Your latest changes could not be saved yet. Journey Studio keeps retrying in the background while this window stays open; another map opens only once they are saved or you discard them.',
        confirmLabel: 'Leave anyway',
        onConfirm: () => ctx.navigate(LIBRARY_ROUTE),
      });
    },
  },
  {
    id: 'map.addStage',
    label: 'Add stage',
    enabled: mapOpen,
    run(ctx) {
      const edit = addStage(withDoc(ctx));
      startDraft(ctx, edit, stageSelectionId(edit.id));
    },
  },
  {
    id: 'map.addDepartment',
    label: 'Add lane',
    enabled: mapOpen,
    run(ctx) {
      const edit = addDepartment(withDoc(ctx));
      startDraft(ctx, edit, laneSelectionId(edit.id));
    },
  },
  {
    id: 'map.addTouchpoint',
    label: 'Add touchpoint',
    enabled: mapOpen,
    run(ctx) {
      const edit = addTouchpoint(withDoc(ctx), ctx.uiStore.getState().selection);
      startDraft(ctx, edit);
    },
  },
  {
    id: 'map.addPainPoint',
    label: 'Add pain point',
    enabled: mapOpen,
    run(ctx) {
      const edit = addPainPoint(withDoc(ctx), ctx.uiStore.getState().selection);
      startDraft(ctx, edit);
    },
  },
  {
    id: 'selection.delete',
    label: 'Delete selection',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: (ctx) => {
      const { nodes, edges } = ctx.uiStore.getState().selection;
      return mapOpen(ctx) && nodes.length + edges.length > 0;
    },
    run(ctx) {
      const ui = ctx.uiStore.getState();
      // One stage or lane alone: ask whether to move its cards to the neighbour or delete them.
      const only = ui.selection.nodes.length === 1 && ui.selection.edges.length === 0;
      const band = only ? parseSelectionId(ui.selection.nodes[0]!) : null;
      if (band && band.kind !== 'node') return deleteBandWithChoice(ctx, band.kind, band.id);
      const plan = deleteSelection(withDoc(ctx), ui.selection);
      const commit = () => {
        ctx.documentStore.getState().apply(plan.changes);
        ctx.uiStore.getState().clearSelection();
      };
      if (plan.changes.length === 0) return;
      if (plan.confirm) ui.askConfirm({ ...plan.confirm, confirmLabel: 'Delete', onConfirm: commit });
      else commit();
    },
  },
  {
    id: 'view.fit',
    label: 'Fit view',
    shortcuts: [{ key: '0', mod: true, shift: false }],
    menuAccelerator: true,
    enabled: canvasShown,
    run: (ctx) => ctx.viewport?.fit(),
  },
  {
    id: 'view.zoomIn',
    label: 'Zoom in',
    shortcuts: [
      { key: '=', mod: true },
      { key: '+', mod: true, shift: false },
    ],
    menuAccelerator: true,
    enabled: canvasShown,
    run: (ctx) => ctx.viewport?.zoomIn(),
  },
  {
    id: 'view.zoomOut',
    label: 'Zoom out',
    shortcuts: [{ key: '-', mod: true, shift: false }],
    menuAccelerator: true,
    enabled: canvasShown,
    run: (ctx) => ctx.viewport?.zoomOut(),
  },
];

export const createJourneyCommandRegistry = (): CommandRegistry =>
  createCommandRegistry([
    ...journeyCommands,
    ...workshopCommands,
    ...selectionCommands,
    ...overlayCommands,
    ...importCommands,
    ...gridCommands,
    ...noteCommands,
    ...emotionCommands,
    ...connectCommands,
  ]);
