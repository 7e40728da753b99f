import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Department, FlowEdge, MapNode, Stage } from '../../../shared/domain/journey';
import { applyChanges } from '../state/apply-change';
import { previewChanges } from '../state/grid-edits';
import { useDocument, useStores, useUi } from '../state/stores-context';
import type { GestureStore } from './band-gestures';

const EMPTY_STAGES: Stage[] = [];
const EMPTY_DEPARTMENTS: Department[] = [];
const EMPTY_NODES: MapNode[] = [];
const EMPTY_EDGES: FlowEdge[] = [];

export interface CanvasContent {
  stages: readonly Stage[];
  departments: readonly Department[];
  nodes: readonly MapNode[];
  edges: readonly FlowEdge[];
}

/**
 * What the canvas draws: the open map, plus what is not applied yet: a new card being named (a
 * draft) and the result of a header drag in progress. Without either, the document's own arrays
 * (so nothing is recomputed); with one, the document with those ops applied, sharing every entity
 * they do not touch, so unchanged cards are not re-rendered.
 */
export function useCanvasContent(gestures: GestureStore): CanvasContent {
  const { documentStore } = useStores();
  const stages = useDocument((s) => s.doc?.stages ?? EMPTY_STAGES);
  const departments = useDocument((s) => s.doc?.departments ?? EMPTY_DEPARTMENTS);
  const nodes = useDocument((s) => s.doc?.nodes ?? EMPTY_NODES);
  const edges = useDocument((s) => s.doc?.edges ?? EMPTY_EDGES);
  const draft = useUi((s) => s.inlineEdit?.draft ?? null);
  const preview = useStore(gestures, (s) => s.gesture?.preview ?? null);
  return useMemo(() => {
    const doc = documentStore.getState().doc;
    if ((!draft && !preview) || !doc) return { stages, departments, nodes, edges };
    // The store's document is the one these arrays come from (they are its fields).
    let shown = { ...doc, stages, departments, nodes, edges };
    if (draft) shown = applyChanges(shown, draft);
    if (preview?.length) shown = previewChanges(shown, preview);
    return { stages: shown.stages, departments: shown.departments, nodes: shown.nodes, edges: shown.edges };
  }, [documentStore, stages, departments, nodes, edges, draft, preview]);
}
