import {
  BaseEdge,
  EdgeLabelRenderer,
  getStraightPath,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import type { JourneyFlowEdge } from './flow-types';

/**
 * A pain point's attachment to its touchpoint: a thin dotted line between the two cards' nearest
 * sides, whatever handle the connection was made on, so a note below a card links to its bottom.
 */

export type Box = { x: number; y: number; width: number; height: number };

const boxOf = (node: InternalNode): Box => ({
  x: node.internals.positionAbsolute.x,
  y: node.internals.positionAbsolute.y,
  width: node.measured.width ?? node.width ?? 0,
  height: node.measured.height ?? node.height ?? 0,
});

/** The middle of the side of `from` that faces `to`. */
function facingPoint(from: Box, to: Box): { x: number; y: number } {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  // Prefer top/bottom unless the other card is clearly beside this one.
  const beside = to.y < from.y + from.height && from.y < to.y + to.height;
  if (!beside || Math.abs(dy) * 1.5 > Math.abs(dx)) {
    return { x: from.x + from.width / 2, y: dy > 0 ? from.y + from.height : from.y };
  }
  return { x: dx > 0 ? from.x + from.width : from.x, y: from.y + from.height / 2 };
}

/** The straight line between the facing sides of two boxes, with its middle. */
export function attachmentPath(a: Box, b: Box): [path: string, labelX: number, labelY: number] {
  const start = facingPoint(a, b);
  const end = facingPoint(b, a);
  const [path, labelX, labelY] = getStraightPath({
    sourceX: start.x,
    sourceY: start.y,
    targetX: end.x,
    targetY: end.y,
  });
  return [path, labelX, labelY];
}

/**
 * An arrow's label as HTML over the canvas, centred on (x, y): no SVG text to measure when the
 * arrow mounts, and it grows with the card text scale together with its background.
 */
export function EdgeLabel({
  x,
  y,
  className,
  children,
}: {
  x: number;
  y: number;
  className: string;
  children: ReactNode;
}) {
  return (
    <EdgeLabelRenderer>
      <div className={className} style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}>
        {children}
      </div>
    </EdgeLabelRenderer>
  );
}

function AttachmentEdgeComponent({
  id,
  source,
  target,
  label,
  markerEnd,
  style,
  selected,
}: EdgeProps<JourneyFlowEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;
  const [path, labelX, labelY] = attachmentPath(boxOf(sourceNode), boxOf(targetNode));
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={14} />
      {label ? (
        <EdgeLabel x={labelX} y={labelY} className={`edge-label${selected ? ' is-selected' : ''}`}>
          {label}
        </EdgeLabel>
      ) : null}
    </>
  );
}

export const AttachmentEdge = memo(AttachmentEdgeComponent);
