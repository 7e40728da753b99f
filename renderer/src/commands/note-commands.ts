import type { Change } from '../../../shared/domain/change-set';
import { startDraft } from '../state/inline-edit';
import { addNote, addOpportunity } from '../state/note-edits';
import type { Command, CommandContext } from './command-registry';

/** Adding opportunities (ideas) and free notes. */

const mapOpen = (ctx: CommandContext) => {
  const route = ctx.uiStore.getState().route;
  const { doc, journeyId, readOnly } = ctx.documentStore.getState();
  return route.name === 'map' && doc !== null && journeyId === route.id && !readOnly;
};

/** Applies the edit as one undo step and selects (and focuses the first field of) the new node. */
function addAndSelect(ctx: CommandContext, edit: { changes: Change[]; id: string }) {
  ctx.documentStore.getState().apply(edit.changes);
  const ui = ctx.uiStore.getState();
  ui.selectOnly(edit.id);
  ui.requestFocus(edit.id);
}

export const noteCommands: readonly Command[] = [
  {
    id: 'map.addOpportunity',
    label: 'Add opportunity',
    enabled: mapOpen,
    run(ctx) {
      const doc = ctx.documentStore.getState().doc;
      // Named in place on the card, like a new touchpoint; Escape leaves nothing.
      if (doc) startDraft(ctx, addOpportunity(doc, ctx.uiStore.getState().selection));
    },
  },
  {
    id: 'map.addNote',
    label: 'Add note',
    enabled: mapOpen,
    run(ctx) {
      const doc = ctx.documentStore.getState().doc;
      if (doc) addAndSelect(ctx, addNote(doc, ctx.uiStore.getState().selection));
    },
  },
];
