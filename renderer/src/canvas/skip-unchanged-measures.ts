import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useState } from 'react';

/**
 * React Flow observes every node it mounts with a ResizeObserver, and a ResizeObserver always
 * reports an element once when observation starts. React Flow answers each report with a forced
 * measurement: it reads the node's size and its handles' boxes, stores a new node object and
 * notifies every subscriber, so every node wrapper on screen renders again. Our cards carry their
 * size (`measured`) and their handles (node-handles.ts) from the start, so on the 2,300-card
 * benchmark map that pass re-rendered 2,300 node wrappers to learn nothing, a long task between
 * the first paint and the first click that could be handled.
 *
 * This filter drops a report about a node React Flow already knows at exactly the size the
 * element has (read as React Flow reads it, offsetWidth/offsetHeight, after layout, so no
 * forced layout) and whose handles are on record. A node that really changed size still goes
 * through, and is measured as before. Explicit requests (useRemeasureHandles in far-cards.ts)
 * call the original function, kept on the wrapper.
 *
 * It must be in place before React Flow's node renderer first renders: that is when its
 * ResizeObserver captures `updateNodeInternals` from the store.
 */
type UpdateNodeInternals = ReactFlowState['updateNodeInternals'];
type Updates = Parameters<UpdateNodeInternals>[0];

const ORIGINAL = Symbol('updateNodeInternals before skipping unchanged measurements');

type Filtered = UpdateNodeInternals & { [ORIGINAL]?: UpdateNodeInternals };

/** Only the updates that can change something React Flow knows. */
export function changedUpdates(state: Pick<ReactFlowState, 'nodeLookup'>, updates: Updates): Updates {
  const kept: Updates = new Map();
  for (const [id, update] of updates) {
    const node = state.nodeLookup.get(id);
    const element = update.nodeElement;
    const known =
      node &&
      !node.hidden &&
      node.internals.handleBounds &&
      node.measured.width === element.offsetWidth &&
      node.measured.height === element.offsetHeight;
    if (!known) kept.set(id, update);
  }
  return kept;
}

/** Wraps the store's `updateNodeInternals` once (see above); returns the unfiltered one. */
export function skipUnchangedMeasures(store: {
  getState(): ReactFlowState;
  setState(partial: Partial<ReactFlowState>): void;
}): UpdateNodeInternals {
  const current = store.getState().updateNodeInternals as Filtered;
  const original = current[ORIGINAL];
  if (original) return original;
  const filtered: Filtered = (updates) => {
    const kept = changedUpdates(store.getState(), updates);
    if (kept.size) current(kept);
  };
  filtered[ORIGINAL] = current;
  store.setState({ updateNodeInternals: filtered });
  return current;
}

/** Installs the filter on this canvas's store before React Flow renders (see above). */
export function useSkipUnchangedMeasures(): void {
  const store = useStoreApi();
  useState(() => skipUnchangedMeasures(store));
}

/** The store's `updateNodeInternals` without the filter: measures what it is given. */
export function measureNodeInternals(state: ReactFlowState): UpdateNodeInternals {
  const current = state.updateNodeInternals as Filtered;
  return current[ORIGINAL] ?? current;
}
