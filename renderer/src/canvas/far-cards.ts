import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import { measureNodeInternals } from './skip-unchanged-measures';

/**
 * How cards are drawn: in full ('near'), simplified because the canvas is zoomed out far
 * (use-far-zoom.ts: 'far'), or simplified and without handles ('far-layer'): a large map far out
 * draws its arrows as one layer from the handles declared on its nodes (FarEdgeLayer.tsx,
 * node-handles.ts), so its thousands of cards need no handle components (each one a store
 * subscription). The canvas reads the zoom once and hands the answer down: one subscription
 * instead of one per card, so a pan or a zoom step does not run thousands of selectors.
 */
type Updates = Parameters<ReactFlowState['updateNodeInternals']>[0];

export type CardDrawing = 'near' | 'far' | 'far-layer';

export const FarCardsContext = createContext<CardDrawing>('near');

export const useCardDrawing = () => useContext(FarCardsContext);

/**
 * React Flow measures a card's handles when the card mounts; cards mounted without handles (far
 * out on a large map) have none on record. When the canvas zooms back in and they draw their
 * handles, measure them all again in one go, before the arrows are drawn.
 */
export function useRemeasureHandles(drawing: CardDrawing) {
  const store = useStoreApi();
  const previous = useRef(drawing);
  useLayoutEffect(() => {
    const was = previous.current;
    previous.current = drawing;
    if (was !== 'far-layer' || drawing === 'far-layer') return;
    const state = store.getState();
    const { domNode } = state;
    const updates: Updates = new Map();
    domNode?.querySelectorAll<HTMLDivElement>('.react-flow__node').forEach((element) => {
      const id = element.dataset.id;
      if (id) updates.set(id, { id, nodeElement: element, force: true });
    });
    if (updates.size) measureNodeInternals(state)(updates);
  }, [drawing, store]);
}
