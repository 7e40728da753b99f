import { useMemo } from 'react';
import type { Department, FlowEdge, MapNode, Stage } from '../../../shared/domain/journey';
import { findMatchesCached } from '../workshop/find-matches';
import { matchingNodeIds } from '../workshop/node-filters';
import { useWorkshop } from '../workshop/workshop-store';
import { NO_MARKS, type NodeMarks } from './node-marks';

/**
 * The find and filter marks for the canvas, recomputed only when the map, the filters or the
 * find query change (not on a pan, a selection or a drag).
 */
export function useNodeMarks(input: {
  stages: readonly Stage[];
  departments: readonly Department[];
  nodes: readonly MapNode[];
  edges: readonly FlowEdge[];
}): NodeMarks {
  const { stages, departments, nodes, edges } = input;
  const filters = useWorkshop((s) => s.filters);
  const query = useWorkshop((s) => (s.find.open ? s.find.query : ''));
  const index = useWorkshop((s) => s.find.index);
  const kept = useMemo(() => matchingNodeIds({ nodes, edges }, filters), [nodes, edges, filters]);
  const keptLanes = useMemo(
    () => (filters.department.length ? new Set(filters.department) : null),
    [filters.department],
  );
  const found = useMemo(
    () => findMatchesCached({ stages, departments, nodes }, query),
    [stages, departments, nodes, query],
  );
  const foundSet = useMemo(() => new Set(found), [found]);
  const current = found.length ? found[Math.min(index, found.length - 1)]! : null;
  return useMemo(
    () =>
      kept === null && keptLanes === null && found.length === 0
        ? NO_MARKS
        : { kept, keptLanes, found: foundSet, current },
    [kept, keptLanes, found.length, foundSet, current],
  );
}
