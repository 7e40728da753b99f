import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { EdgeLabel } from './AttachmentEdge';
import { memo } from 'react';
import type { JourneyFlowEdge } from './flow-types';

/**
 * The customer's path between two touchpoints: React Flow's smooth-step route, with its label
 * ("Hand-off", a breakdown's figures, the user's own text) as an HTML element over the canvas.
 * React Flow's built-in SVG label measures its text with getBBox when the edge mounts, one forced
 * layout per label; on a large map panning mounts dozens of them a frame. An HTML label needs no
 * measuring, and grows with the card text scale together with its background.
 */
function FlowEdgeComponent({
  id,
  sourceX,
  sourceY,
  sourcePosition,
  targetX,
  targetY,
  targetPosition,
  label,
  markerEnd,
  style,
  selected,
  data,
}: EdgeProps<JourneyFlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {label ? (
        <EdgeLabel
          x={labelX}
          y={labelY}
          className={`edge-label edge-label--flow${data?.handoff ? ' edge-label--handoff' : ''}${
            data?.breakdown ? ' edge-label--breakdown' : ''
          }${data?.dimmed ? ' is-dimmed' : ''}${selected ? ' is-selected' : ''}`}
        >
          {label}
        </EdgeLabel>
      ) : null}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeComponent);
