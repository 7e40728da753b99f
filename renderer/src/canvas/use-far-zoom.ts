import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, useState } from 'react';

/**
 * Far zoom: cards drawn simplified, their names only and larger (FarCards.tsx). That drawing is
 * for a big map seen whole: legible from afar, and a fraction of the elements to lay out and paint.
 * A small or medium map fitted in a laptop window sits well below the zoom where a 2,000-card map
 * needs it, and there the facilitator wants the badges, emotion, counts and vote buttons, so the
 * threshold depends on how many cards the map has.
 */

/** The threshold for a large map (and the most it ever is). */
export const FAR_ZOOM = 0.42;
/** The threshold for a small map: below this even a few cards are too small to show details. */
export const FAR_ZOOM_SMALL = 0.2;
/** Up to this many cards a map counts as small … */
export const SMALL_MAP_CARDS = 80;
/** … and from this many as large; in between the threshold rises linearly. */
export const LARGE_MAP_CARDS = 600;
/** Back to details only this much above the threshold, so a zoom resting on it does not flicker. */
export const FAR_HYSTERESIS = 1.1;

/** The zoom below which a map of `cardCount` cards is drawn simplified. */
export function farZoomThreshold(cardCount: number): number {
  if (cardCount <= SMALL_MAP_CARDS) return FAR_ZOOM_SMALL;
  if (cardCount >= LARGE_MAP_CARDS) return FAR_ZOOM;
  const t = (cardCount - SMALL_MAP_CARDS) / (LARGE_MAP_CARDS - SMALL_MAP_CARDS);
  return FAR_ZOOM_SMALL + t * (FAR_ZOOM - FAR_ZOOM_SMALL);
}

/** Whether to draw far at `zoom`, given what was drawn before (the hysteresis). */
export function isFarAt(zoom: number, cardCount: number, wasFar: boolean): boolean {
  const threshold = farZoomThreshold(cardCount);
  return wasFar ? zoom < threshold * FAR_HYSTERESIS : zoom < threshold;
}

/**
 * The canvas decides once (JourneyCanvas.tsx) and hands the answer to every card (far-cards.ts),
 * so all cards switch together. A boolean selector: the canvas re-renders only when the answer
 * changes, not on every pan or zoom frame.
 */
export function useFarZoomDecision(cardCount: number): boolean {
  // What was drawn last, kept across selector calls (the hysteresis needs it).
  const [memory] = useState(() => ({ far: false }));
  const select = useMemo(() => farSelector(memory, cardCount), [memory, cardCount]);
  return useStore(select);
}

function farSelector(memory: { far: boolean }, cardCount: number) {
  return (s: ReactFlowState) => (memory.far = isFarAt(s.transform[2], cardCount, memory.far));
}

/**
 * Names as lines ("greeking"): far cards set their names in 20 px type (FarCards.tsx); below this
 * zoom that type is under 3 px on screen, a grey scribble nobody can read. There each name is
 * drawn as a plain line instead, as design tools do: the map keeps its texture, and a large map
 * fitted whole skips shaping, laying out and painting thousands of unreadable words (on the
 * 2,300-card benchmark map about half of the opening's layout and paint). The card keeps its
 * accessible name and its tooltip; zooming in brings the names back.
 */
export const NAME_LINES_ZOOM = 0.15;

/** Whether far names are drawn as lines at `zoom`, given what was drawn before (the hysteresis). */
export function isNameLinesAt(zoom: number, wasLines: boolean): boolean {
  return wasLines ? zoom < NAME_LINES_ZOOM * FAR_HYSTERESIS : zoom < NAME_LINES_ZOOM;
}

/** As useFarZoomDecision: one boolean for the whole canvas, changing only when the answer does. */
export function useNameLinesDecision(): boolean {
  const [memory] = useState(() => ({ lines: false }));
  const select = useMemo(() => nameLinesSelector(memory), [memory]);
  return useStore(select);
}

function nameLinesSelector(memory: { lines: boolean }) {
  return (s: ReactFlowState) => (memory.lines = isNameLinesAt(s.transform[2], memory.lines));
}
