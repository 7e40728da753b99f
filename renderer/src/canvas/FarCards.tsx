import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { PainPoint, Touchpoint } from '../../../shared/domain/journey';
import type { TouchpointView } from '../overlay/overlay-view';
import { HANDLE } from './flow-types';

/**
 * Cards as drawn when zoomed out far (use-far-zoom.ts): the name only, in large type, so a whole
 * map stays legible and a big one costs a fraction of the elements to create, lay out and paint.
 * The handles stay (hidden) so arrows keep their ends, except where arrows are drawn from the
 * handles declared on the nodes (`handles` false: a large map's arrow layer, FarEdgeLayer.tsx).
 * The tooltip is on the card, so it stays when the name is drawn as a line (NAME_LINES_ZOOM).
 */

export function FarTouchpointCard({
  touchpoint,
  colour,
  overlay,
  selected,
  handles,
}: {
  touchpoint: Touchpoint;
  colour: string;
  /** The data overlay's colouring stays: far out is where a heat map is read. */
  overlay: TouchpointView | undefined;
  selected: boolean;
  handles: boolean;
}) {
  return (
    <div
      className={`tp-card${selected ? ' is-selected' : ''}${overlay?.uncertain ? ' is-uncertain' : ''}`}
      data-testid="touchpoint-card"
      title={touchpoint.name}
      data-overlay-step={overlay ? (overlay.step ?? 'none') : undefined}
      style={{ '--lane-colour': colour } as CSSProperties}
    >
      {handles && (
        <Handle type="target" position={Position.Left} id={HANDLE.flowIn} className="handle handle--flow" />
      )}
      <div className="tp-card__name">{touchpoint.name}</div>
      {handles && (
        <Handle type="source" position={Position.Right} id={HANDLE.flowOut} className="handle handle--flow" />
      )}
    </div>
  );
}

export function FarPainNote({
  painPoint,
  selected,
  handles,
}: {
  painPoint: PainPoint;
  selected: boolean;
  handles: boolean;
}) {
  return (
    <div
      className={`pain-note pain-note--${painPoint.status}${selected ? ' is-selected' : ''}`}
      data-testid="painpoint-note"
      title={painPoint.name}
    >
      {handles && (
        <Handle
          type="source"
          position={Position.Top}
          id={HANDLE.attachOut}
          className="handle handle--attach"
        />
      )}
      <div className="pain-note__name">{painPoint.name}</div>
    </div>
  );
}
