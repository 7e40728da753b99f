import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { departmentLanes, stageColumns } from '../../../shared/graph/grid';
import { applyChanges } from '../state/apply-change';
import { useStores } from '../state/stores-context';
import { parseSelectionId } from '../state/ui-store';
import { useWorkshopStore } from '../workshop/workshop-store';
import { cardSize, laneHeaderWidth, stageHeaderHeight } from './card-size';

/** Screen pixels kept between a revealed item and the canvas's edge. */
const MARGIN = 48;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Brings a new card, stage or lane being named in place (a draft: from the toolbar, a menu, a
 * double-click or Tab after the previous one) into view, so its name field is on screen when the
 * user starts typing. The view pans as little as needed and keeps its zoom; nothing moves when
 * the item is already in view.
 */
export function useRevealDraft(): void {
  const { documentStore, uiStore } = useStores();
  const workshop = useWorkshopStore();
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(
    () =>
      uiStore.subscribe((state, previous) => {
        const edit = state.inlineEdit;
        if (!edit?.draft || edit.target === previous.inlineEdit?.target) return;
        const doc = documentStore.getState().doc;
        if (!doc) return;
        const rect = draftRect(applyChanges(doc, edit.draft), edit.target, workshop.getState().textScale);
        if (!rect) return;
        const { width, height } = store.getState();
        const viewport = flow.getViewport();
        const next = panToShow(viewport, rect, width, height);
        if (next.x === viewport.x && next.y === viewport.y) return;
        const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        void flow.setViewport(next, { duration: still ? 0 : 200 });
      }),
    [uiStore, documentStore, workshop, flow, store],
  );
}

/** Where a canvas item (node id, `stage:<id>`, `lane:<id>`) is drawn, in flow coordinates. */
function draftRect(doc: Parameters<typeof applyChanges>[0], target: string, scale: number): Rect | null {
  const parsed = parseSelectionId(target);
  if (parsed.kind === 'stage') {
    const column = stageColumns(doc.stages).find((c) => c.id === parsed.id);
    const height = stageHeaderHeight(scale);
    return column ? { x: column.start, y: -height, width: column.size, height } : null;
  }
  if (parsed.kind === 'lane') {
    const lane = departmentLanes(doc.departments).find((l) => l.id === parsed.id);
    const width = laneHeaderWidth(scale);
    return lane ? { x: -width, y: lane.start, width, height: Math.min(lane.size, 120) } : null;
  }
  const node = doc.nodes.find((n) => n.id === parsed.id);
  return node ? { x: node.x, y: node.y, ...cardSize(node.kind, scale) } : null;
}

/**
 * The viewport that shows `rect` (flow coordinates) with a margin, moved as little as possible from
 * `viewport`; the rect's top-left wins when it is larger than the canvas.
 */
export function panToShow(
  viewport: { x: number; y: number; zoom: number },
  rect: Rect,
  width: number,
  height: number,
): { x: number; y: number; zoom: number } {
  const { zoom } = viewport;
  const shift = (start: number, size: number, offset: number, room: number) => {
    const left = start * zoom + offset;
    const right = left + size * zoom;
    if (left < MARGIN) return offset + (MARGIN - left);
    if (right > room - MARGIN) return offset - Math.min(right - (room - MARGIN), left - MARGIN);
    return offset;
  };
  return {
    x: shift(rect.x, rect.width, viewport.x, width),
    y: shift(rect.y, rect.height, viewport.y, height),
    zoom,
  };
}
