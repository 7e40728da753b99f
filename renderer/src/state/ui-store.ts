import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument } from '../../../shared/domain/journey';
import { LIBRARY_ROUTE, sameRoute, type Route } from '../app/route';

/**
 * What the user is looking at and doing, apart from the map's content: the route, the selection (canvas ids:
 * node and edge ids, `stage:<id>` and `lane:<id>` for headers), which field to focus, the open
 * confirmation dialog, the template chooser and transient notices.
 */

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** A second way to go ahead (e.g. "Move the cards" next to "Delete them too"). */
  alternative?: { label: string; onConfirm: () => void };
}

/**
 * Something being renamed in place on the canvas (a canvas selection id). With `draft`, it is a new
 * card not created yet: the ops that would create it, shown on the canvas, and applied (as one
 * undo step, with the name typed) only when the name is confirmed.
 */
export interface InlineEdit {
  target: string;
  draft: readonly Change[] | null;
}

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  id: number;
}

export interface UiState {
  route: Route;
  selection: Selection;
  /** Ask the inspector to focus the name field of this entity (after adding it). */
  focusRequest: { id: string; nonce: number } | null;
  confirm: ConfirmRequest | null;
  /** The "New map from template" chooser is open (the library button and the menu open it). */
  templateChooserOpen: boolean;
  notices: readonly Notice[];
  inlineEdit: InlineEdit | null;
}

export interface UiActions {
  setRoute(route: Route): void;
  select(selection: Selection): void;
  selectOnly(id: string, kind?: 'node' | 'edge'): void;
  clearSelection(): void;
  requestFocus(id: string): void;
  askConfirm(request: ConfirmRequest): void;
  closeConfirm(): void;
  openTemplateChooser(): void;
  closeTemplateChooser(): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismissNotice(id: number): void;
  reset(): void;
  startInlineEdit(target: string, draft?: readonly Change[]): void;
  endInlineEdit(): void;
}

export type UiStore = StoreApi<UiState & UiActions>;

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export const stageSelectionId = (stageId: string) => `stage:${stageId}`;
export const laneSelectionId = (departmentId: string) => `lane:${departmentId}`;

/** What a canvas selection id names. Map node ids never contain ':' (see the Id schema). */
export function parseSelectionId(id: string): { kind: 'stage' | 'lane' | 'node'; id: string } {
  if (id.startsWith('stage:')) return { kind: 'stage', id: id.slice('stage:'.length) };
  if (id.startsWith('lane:')) return { kind: 'lane', id: id.slice('lane:'.length) };
  return { kind: 'node', id };
}

/** The selection without what the document no longer holds (after an undo or redo, say). */
export function selectionIn(doc: JourneyDocument, selection: Selection): Selection {
  const exists = (id: string) => {
    const target = parseSelectionId(id);
    const items = target.kind === 'stage' ? doc.stages : target.kind === 'lane' ? doc.departments : doc.nodes;
    return items.some((item) => item.id === target.id);
  };
  const nodes = selection.nodes.filter(exists);
  const edges = selection.edges.filter((id) => doc.edges.some((e) => e.id === id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

let noticeCounter = 0;

export function createUiStore(): UiStore {
  return createStore<UiState & UiActions>()((set, get) => ({
    route: LIBRARY_ROUTE,
    setRoute(route) {
      if (!sameRoute(get().route, route)) set({ route });
    },
    selection: EMPTY_SELECTION,
    focusRequest: null,
    confirm: null,
    templateChooserOpen: false,
    notices: [],
    inlineEdit: null,
    startInlineEdit(target, draft) {
      set({ inlineEdit: { target, draft: draft ?? null } });
    },
    endInlineEdit() {
      if (get().inlineEdit) set({ inlineEdit: null });
    },
    select(selection) {
      const current = get().selection;
      if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
      set({ selection });
    },
    selectOnly(id, kind = 'node') {
      get().select(kind === 'node' ? { nodes: [id], edges: [] } : { nodes: [], edges: [id] });
    },
    clearSelection() {
      get().select(EMPTY_SELECTION);
    },
    requestFocus(id) {
      set({ focusRequest: { id, nonce: (get().focusRequest?.nonce ?? 0) + 1 } });
    },
    askConfirm(request) {
      set({ confirm: request });
    },
    closeConfirm() {
      set({ confirm: null });
    },
    openTemplateChooser() {
      set({ templateChooserOpen: true });
    },
    closeTemplateChooser() {
      set({ templateChooserOpen: false });
    },
    notify(text, tone = 'info') {
      const notice = { text, tone, id: ++noticeCounter };
      // Keep the last few; an identical message replaces its older copy.
      set({
        notices: [
          ...get()
            .notices.filter((n) => n.text !== text)
            .slice(-2),
          notice,
        ],
      });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    reset() {
      set({
        selection: EMPTY_SELECTION,
        focusRequest: null,
        confirm: null,
        templateChooserOpen: false,
        notices: [],
        inlineEdit: null,
      });
    },
  }));
}
