import type { DocumentStore } from './document-store';
import {
  nameOf,
  nameProblem,
  namedCard,
  nextTouchpointAfter,
  renameTarget,
  type NewCard,
} from './grid-edits';
import { parseSelectionId, type UiStore } from './ui-store';

/**
 * Renaming in place on the canvas, shared by the canvas (double-click, the name editor) and the
 * commands (F2): start, confirm (Enter, Tab, blur) and cancel (Escape).
 *
 * A new card made by double-clicking or by Tab is a draft until its name is confirmed: it shows on
 * the canvas, but nothing is applied, saved or put in the history until then; Escape leaves nothing
 * behind. Confirming applies the card with its name as one gesture.
 */

export interface EditStores {
  documentStore: DocumentStore;
  uiStore: UiStore;
}

const editable = ({ documentStore }: EditStores) => {
  const { doc, readOnly } = documentStore.getState();
  return doc && !readOnly ? doc : null;
};

/** Starts renaming a stage (`stage:<id>`), lane (`lane:<id>`) or node; false when it cannot be. */
export function startRename(stores: EditStores, target: string): boolean {
  const doc = editable(stores);
  if (!doc || nameOf(doc, target) === null) return false;
  stores.uiStore.getState().startInlineEdit(target);
  return true;
}

/**
 * Shows a new card as a draft, in rename mode; `target` is its canvas id when it is not the card's
 * own (`stage:<id>`, `lane:<id>` for a new stage or lane).
 */
export function startDraft(stores: EditStores, card: NewCard, target: string = card.id): void {
  if (!editable(stores)) return;
  stores.uiStore.getState().startInlineEdit(target, card.changes);
}

export type ConfirmResult = { ok: true } | { ok: false; problem: string };

/**
 * Saves the name typed. With `next` on a touchpoint, goes on to a new draft touchpoint after it in
 * the same cell (Tab). An unusable name is refused: the editor stays open and shows the problem.
 */
export function confirmInlineEdit(stores: EditStores, name: string, { next = false } = {}): ConfirmResult {
  const ui = stores.uiStore.getState();
  const edit = ui.inlineEdit;
  const doc = editable(stores);
  if (!edit || !doc) {
    ui.endInlineEdit();
    return { ok: true };
  }
  const documents = stores.documentStore.getState();
  if (edit.draft) {
    const problem = nameProblem(name);
    if (problem) return { ok: false, problem };
    documents.apply(namedCard(edit.draft, edit.target, name.trim()));
    ui.selectOnly(edit.target);
  } else {
    const result = renameTarget(doc, edit.target, name);
    if ('problem' in result) return { ok: false, problem: result.problem };
    documents.apply(result.changes);
  }
  const after = stores.documentStore.getState().doc;
  const node = parseSelectionId(edit.target);
  const touchpoint =
    node.kind === 'node' && after?.nodes.find((n) => n.id === node.id && n.kind === 'touchpoint');
  const card = next && after && touchpoint ? nextTouchpointAfter(after, touchpoint.id) : null;
  if (card) startDraft(stores, card);
  else ui.endInlineEdit();
  return { ok: true };
}

/** Leaves the editor: a rename keeps the old name, a draft card is dropped without a trace. */
export function cancelInlineEdit(stores: EditStores): void {
  stores.uiStore.getState().endInlineEdit();
}
