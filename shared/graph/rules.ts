import type { EdgeKind, FlowEdge, MapNode } from '../domain/journey';

/**
 * Which connections make sense: the customer's path runs between touchpoints; a pain point
 * attaches to a touchpoint; an opportunity attaches to a pain point or a touchpoint; free notes
 * connect to nothing. Anything else is refused with a reason the user can read.
 */
export function connectionKind(
  source: Pick<MapNode, 'id' | 'kind'>,
  target: Pick<MapNode, 'id' | 'kind'>,
): { kind: EdgeKind } | { reason: string } {
  if (source.id === target.id) return { reason: 'A node cannot connect to itself.' };
  if (source.kind === 'note' || target.kind === 'note')
    return { reason: 'Free notes do not connect to anything.' };
  if (source.kind === 'touchpoint' && target.kind === 'touchpoint') return { kind: 'flow' };
  if (source.kind === 'painpoint' && target.kind === 'touchpoint') return { kind: 'attachment' };
  if (source.kind === 'opportunity' && (target.kind === 'painpoint' || target.kind === 'touchpoint'))
    return { kind: 'attachment' };
  if (target.kind === 'opportunity') {
    return source.kind === 'opportunity'
      ? { reason: 'Opportunities attach to pain points or touchpoints, not to other opportunities.' }
      : { reason: 'Drag from the opportunity to the pain point or touchpoint it concerns.' };
  }
  if (source.kind === 'opportunity')
    return { reason: 'Opportunities attach to pain points or touchpoints, not to other opportunities.' };
  if (source.kind === 'touchpoint' && target.kind === 'painpoint')
    return { reason: 'Drag from the pain point to the touchpoint it concerns.' };
  return { reason: 'Pain points attach to touchpoints, not to other pain points.' };
}

export function isDuplicateEdge(
  edges: readonly Pick<FlowEdge, 'sourceId' | 'targetId'>[],
  sourceId: string,
  targetId: string,
) {
  return edges.some((e) => e.sourceId === sourceId && e.targetId === targetId);
}

/**
 * A flow edge that crosses from one department lane into another is a hand-off: responsibility
 * for the customer passes between teams.
 */
export function isHandoff(
  edge: Pick<FlowEdge, 'kind' | 'sourceId' | 'targetId'>,
  nodesById: ReadonlyMap<string, Pick<MapNode, 'departmentId'>>,
): boolean {
  if (edge.kind !== 'flow') return false;
  const source = nodesById.get(edge.sourceId)?.departmentId ?? null;
  const target = nodesById.get(edge.targetId)?.departmentId ?? null;
  return source !== null && target !== null && source !== target;
}
