import { Position, ViewportPortal, getSmoothStepPath, type NodeHandle } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import { attachmentPath } from './AttachmentEdge';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow-types';

/**
 * A large map's arrows when zoomed out far: one SVG path per kind of arrow (customer path,
 * hand-off, attachment; selected and faded ones apart), drawn under the cards, instead of ~2,800
 * React Flow edges. Each React Flow edge is a component with its own store subscription, SVG group,
 * marker and, for hand-offs, a measured label; far out those labels and arrowheads are a few pixels
 * at most, while mounting them all kept a 2,000-card map from answering clicks for seconds
 * (bench:canvas). The lines follow the same routes and styles as the edges drawn nearer in.
 * Far out, arrows are not clickable; zooming in brings the edges back.
 */

interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
  handles: readonly NodeHandle[] | undefined;
}

type GeometryMap = ReadonlyMap<string, Geometry>;

function handlePoint(node: Geometry, id: string | null | undefined, fallback: Position) {
  const handle = node.handles?.find((h) => h.id === id);
  const x = node.x + (handle?.x ?? 0);
  const y = node.y + (handle?.y ?? 0);
  const width = handle?.width ?? node.width;
  const height = handle?.height ?? node.height;
  const position = handle?.position ?? fallback;
  switch (position) {
    case Position.Top:
      return { x: x + width / 2, y, position };
    case Position.Bottom:
      return { x: x + width / 2, y: y + height, position };
    case Position.Left:
      return { x, y: y + height / 2, position };
    default:
      return { x: x + width, y: y + height / 2, position };
  }
}

/**
 * Node boxes and handles: the same map object while none of them changed (a selection does not),
 * so the paths are rebuilt only when a card moves, grows or comes and goes.
 */
function createGeometryTracker() {
  let previous = new Map<string, Geometry>();
  return (nodes: readonly JourneyFlowNode[]): GeometryMap => {
    let changed = previous.size !== nodes.length;
    const next = new Map<string, Geometry>();
    for (const node of nodes) {
      const width = node.width ?? node.measured?.width ?? 0;
      const height = node.height ?? node.measured?.height ?? 0;
      const before = previous.get(node.id);
      if (
        before &&
        before.x === node.position.x &&
        before.y === node.position.y &&
        before.width === width &&
        before.height === height &&
        before.handles === node.handles
      ) {
        next.set(node.id, before);
      } else {
        changed = true;
        next.set(node.id, { x: node.position.x, y: node.position.y, width, height, handles: node.handles });
      }
    }
    if (changed) previous = next;
    return previous;
  };
}

/** The class of the group an edge is drawn in: its React Flow classes, plus selection. */
const groupOf = (edge: JourneyFlowEdge) => `${edge.className ?? ''}${edge.selected ? ' selected' : ''}`;

function buildPaths(geometry: GeometryMap, edges: readonly JourneyFlowEdge[]): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    const source = geometry.get(edge.source);
    const target = geometry.get(edge.target);
    if (!source || !target) continue;
    let path: string;
    if (edge.type === 'attachment') {
      [path] = attachmentPath(source, target);
    } else {
      const from = handlePoint(source, edge.sourceHandle, Position.Right);
      const to = handlePoint(target, edge.targetHandle, Position.Left);
      [path] = getSmoothStepPath({
        sourceX: from.x,
        sourceY: from.y,
        sourcePosition: from.position,
        targetX: to.x,
        targetY: to.y,
        targetPosition: to.position,
      });
    }
    const key = groupOf(edge);
    const list = groups.get(key);
    if (list) list.push(path);
    else groups.set(key, [path]);
  }
  // Selected arrows last, so they are drawn on top.
  return [...groups]
    .map(([key, paths]): [string, string] => [key, paths.join('')])
    .sort(([a], [b]) => Number(a.endsWith(' selected')) - Number(b.endsWith(' selected')));
}

function FarEdgeLayerComponent({
  nodes,
  edges,
}: {
  nodes: readonly JourneyFlowNode[];
  edges: readonly JourneyFlowEdge[];
}) {
  const [trackGeometry] = useState(createGeometryTracker);
  const geometry = useMemo(() => trackGeometry(nodes), [trackGeometry, nodes]);
  const paths = useMemo(() => buildPaths(geometry, edges), [geometry, edges]);
  return (
    <ViewportPortal>
      <svg className="far-edges" aria-hidden="true" data-testid="far-edges">
        {paths.map(([group, d]) => (
          <g key={group} className={`far-edges__group ${group}`}>
            <path className="far-edges__path" d={d} />
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
}

export const FarEdgeLayer = memo(FarEdgeLayerComponent);
