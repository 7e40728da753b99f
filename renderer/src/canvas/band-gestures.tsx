import { useStoreApi } from '@xyflow/react';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Change } from '../../../shared/domain/change-set';
import {
  BAND_LIMITS,
  bandOrder,
  clampBandSize,
  dropIndex,
  moveBand,
  resizeBand,
  type BandKind,
} from '../state/grid-edits';
import { laneSelectionId, stageSelectionId } from '../state/ui-store';
import { departmentLanes, stageColumns } from '../../../shared/graph/grid';
import { useStores } from '../state/stores-context';

/**
 * Dragging a stage or lane header to reorder it, and dragging its far edge to resize it. While the
 * pointer moves, the canvas shows the result (the bands and their cards where they would land) as a
 * preview; nothing is applied until the pointer is released, and then as one gesture. Escape
 * cancels a drag in progress.
 */

export interface BandGesture {
  kind: BandKind;
  id: string;
  mode: 'move' | 'resize';
  /** The ops the canvas shows while the drag is in progress. */
  preview: readonly Change[] | null;
  /** Moving: how far (flow px) the header sits off its slot, so it follows the pointer. */
  offset: number;
  /** Resizing: the size the band would get. */
  size: number;
}

interface GestureState {
  gesture: BandGesture | null;
}

export type GestureStore = StoreApi<GestureState>;

export const createGestureStore = (): GestureStore => createStore<GestureState>()(() => ({ gesture: null }));

export const GestureContext = createContext<GestureStore | null>(null);

function useGestureStore(): GestureStore {
  const store = useContext(GestureContext);
  if (!store) throw new Error('GestureContext is missing: render inside <JourneyCanvas>.');
  return store;
}

/** The ops previewed by a drag in progress (null when none). */
export function useGesturePreview(): readonly Change[] | null {
  return useStore(useGestureStore(), (s) => s.gesture?.preview ?? null);
}

/** The gesture on this band, if any (re-renders only that band's header). */
export function useBandGesture(kind: BandKind, id: string): BandGesture | null {
  return useStore(useGestureStore(), (s) =>
    s.gesture && s.gesture.kind === kind && s.gesture.id === id ? s.gesture : null,
  );
}

/** A press turns into a drag after this many screen pixels, so clicks and double-clicks stay clicks. */
const DRAG_THRESHOLD = 5;

/**
 * Follows the pointer after a press until release, cancel or Escape; calls `move` with the distance
 * along the axis in flow pixels (at most once per frame) and `end` with whether to commit.
 */
function track(
  event: ReactPointerEvent,
  kind: BandKind,
  zoom: number,
  move: (distance: number) => void,
  end: (commit: boolean) => void,
) {
  const origin = kind === 'stage' ? event.clientX : event.clientY;
  let frame = 0;
  let latest = 0;
  const onMove = (e: PointerEvent) => {
    latest = ((kind === 'stage' ? e.clientX : e.clientY) - origin) / zoom;
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        move(latest);
      });
    }
  };
  const stop = (commit: boolean) => {
    if (frame) cancelAnimationFrame(frame);
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey, true);
    if (commit) move(latest);
    end(commit);
  };
  const onUp = () => stop(true);
  const onCancel = () => stop(false);
  const onKey = (e: globalThis.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    stop(false);
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  window.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKey, true);
}

const pressStarts = (event: ReactPointerEvent) =>
  event.button === 0 && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;

/** Pointer-down handler for a header: drag it along its axis to reorder its band. */
export function useBandReorder(kind: BandKind, id: string) {
  const gestures = useGestureStore();
  const { documentStore, uiStore } = useStores();
  const flow = useStoreApi();
  return useCallback(
    (event: ReactPointerEvent) => {
      const { doc, readOnly } = documentStore.getState();
      if (!doc || readOnly || !pressStarts(event)) return;
      const target = kind === 'stage' ? stageSelectionId(id) : laneSelectionId(id);
      if (uiStore.getState().inlineEdit?.target === target) return;
      if (event.target instanceof Element && event.target.closest('input, button, [role="separator"]'))
        return;
      const zoom = flow.getState().transform[2] || 1;
      const band = (kind === 'stage' ? stageColumns(doc.stages) : departmentLanes(doc.departments)).find(
        (b) => b.id === id,
      );
      if (!band) return;
      const from = bandOrder(doc, kind).indexOf(id);
      let started = false;
      let to = from;
      let preview: Change[] | null = null;
      track(
        event,
        kind,
        zoom,
        (distance) => {
          if (!started && Math.abs(distance * zoom) < DRAG_THRESHOLD) return;
          started = true;
          const leading = band.start + distance;
          const index = dropIndex(doc, kind, id, leading);
          if (index !== to || preview === null) {
            to = index;
            preview = to === from ? [] : moveBand(doc, kind, id, to);
          }
          // Where the band's slot starts at that index: the sizes of the bands before it.
          const sizes = (kind === 'stage' ? doc.stages : doc.departments)
            .filter((b) => b.id !== id)
            .sort((a, b) => a.order - b.order)
            .slice(0, to)
            .reduce((sum, b) => sum + ('width' in b ? b.width : b.height), 0);
          gestures.setState({
            gesture: { kind, id, mode: 'move', preview, offset: leading - sizes, size: band.size },
          });
        },
        (commit) => {
          gestures.setState({ gesture: null });
          if (!commit || !started || to === from) return;
          const current = documentStore.getState().doc;
          if (current) documentStore.getState().apply(moveBand(current, kind, id, to));
        },
      );
    },
    [gestures, documentStore, uiStore, flow, kind, id],
  );
}

const KEY_STEP = 20;

/** The grip on a band's far edge (a stage's right edge, a lane's bottom edge): drag to resize. */
export function BandResizeHandle({
  kind,
  id,
  name,
  size,
}: {
  kind: BandKind;
  id: string;
  name: string;
  size: number;
}) {
  const gestures = useGestureStore();
  const { documentStore } = useStores();
  const flow = useStoreApi();
  const limits = BAND_LIMITS[kind];
  const onPointerDown = useCallback(
    (event: ReactPointerEvent) => {
      const { doc, readOnly } = documentStore.getState();
      if (!doc || readOnly || !pressStarts(event)) return;
      event.stopPropagation();
      event.preventDefault();
      const zoom = flow.getState().transform[2] || 1;
      const entity = (kind === 'stage' ? doc.stages : doc.departments).find((b) => b.id === id);
      if (!entity) return;
      const start = 'width' in entity ? entity.width : entity.height;
      let next = start;
      track(
        event,
        kind,
        zoom,
        (distance) => {
          next = clampBandSize(kind, start + distance);
          gestures.setState({
            gesture: {
              kind,
              id,
              mode: 'resize',
              preview: resizeBand(doc, kind, id, next),
              offset: 0,
              size: next,
            },
          });
        },
        (commit) => {
          gestures.setState({ gesture: null });
          const current = documentStore.getState().doc;
          if (commit && current && next !== start)
            documentStore.getState().apply(resizeBand(current, kind, id, next));
        },
      );
    },
    [gestures, documentStore, flow, kind, id],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const grow = kind === 'stage' ? 'ArrowRight' : 'ArrowDown';
      const shrink = kind === 'stage' ? 'ArrowLeft' : 'ArrowUp';
      if (event.key !== grow && event.key !== shrink) return;
      event.preventDefault();
      event.stopPropagation();
      const { doc, readOnly } = documentStore.getState();
      if (!doc || readOnly) return;
      const step = (event.shiftKey ? 5 : 1) * KEY_STEP * (event.key === grow ? 1 : -1);
      documentStore.getState().apply(resizeBand(doc, kind, id, size + step));
    },
    [documentStore, kind, id, size],
  );
  const stop = useMemo(() => (event: { stopPropagation(): void }) => event.stopPropagation(), []);
  const noun = kind === 'stage' ? 'stage' : 'lane';
  return (
    <div
      className={`band-resize band-resize--${kind} nodrag nopan`}
      role="separator"
      aria-orientation={kind === 'stage' ? 'vertical' : 'horizontal'}
      aria-label={`Resize ${noun} ${name}`}
      aria-valuenow={size}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      tabIndex={0}
      title={`Drag to resize (${limits.min}–${limits.max} px); arrow keys too`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onClick={stop}
      onDoubleClick={stop}
    />
  );
}
