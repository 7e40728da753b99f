import { memo } from 'react';
import type { MapNodeKind } from '../../../shared/domain/journey';
import type { JourneyOutline } from '../../../shared/domain/outline';
import { NODE_SIZE } from '../../../shared/graph/grid';

const KNOWN_KINDS = new Set<string>(Object.keys(NODE_SIZE));
const sizeOf = (kind: string) => NODE_SIZE[(KNOWN_KINDS.has(kind) ? kind : 'touchpoint') as MapNodeKind];

/**
 * A faithful miniature of a map, drawn from its outline: stage columns, lanes with their colour
 * stripes, and every card as a small rectangle coloured by its kind. Inline SVG, no document load.
 */
function MapThumbnailComponent({ outline, name }: { outline: JourneyOutline; name: string }) {
  const columns: { x: number; width: number }[] = [];
  let width = 0;
  for (const stage of outline.stages) {
    columns.push({ x: width, width: stage.width });
    width += stage.width;
  }
  const lanes: { y: number; height: number; colour: string }[] = [];
  let height = 0;
  for (const lane of outline.lanes) {
    lanes.push({ y: height, height: lane.height, colour: lane.colour });
    height += lane.height;
  }
  let minX = 0;
  let minY = 0;
  let maxX = width;
  let maxY = height;
  for (const card of outline.cards) {
    const size = sizeOf(card.kind);
    minX = Math.min(minX, card.x);
    minY = Math.min(minY, card.y);
    maxX = Math.max(maxX, card.x + size.width);
    maxY = Math.max(maxY, card.y + size.height);
  }
  const label = `Miniature of ${name}: ${outline.stages.length} stage${outline.stages.length === 1 ? '' : 's'}, ${outline.lanes.length} lane${outline.lanes.length === 1 ? '' : 's'}, ${outline.cardCount} card${outline.cardCount === 1 ? '' : 's'}`;
  if (maxX - minX <= 0 || maxY - minY <= 0) {
    return (
      <div className="map-thumb map-thumb--empty" role="img" aria-label={label} data-testid="map-thumbnail">
        Empty map
      </div>
    );
  }
  const pad = Math.max(maxX - minX, maxY - minY) * 0.025;
  const stripe = Math.max(16, (maxX - minX) * 0.025);
  return (
    <svg
      className="map-thumb"
      viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={label}
      data-testid="map-thumbnail"
    >
      {columns.map((column, i) => (
        <rect
          key={`c${i}`}
          className={i % 2 ? 'map-thumb__column map-thumb__column--odd' : 'map-thumb__column'}
          x={column.x}
          y={0}
          width={column.width}
          height={height}
        />
      ))}
      {lanes.map((lane, i) => (
        <g key={`l${i}`}>
          <rect x={0} y={lane.y} width={width} height={lane.height} fill={lane.colour} fillOpacity={0.07} />
          <rect className="map-thumb__divider" x={0} y={lane.y + lane.height - 2} width={width} height={2} />
          <rect x={-stripe} y={lane.y} width={stripe} height={lane.height} fill={lane.colour} />
        </g>
      ))}
      {outline.cards.map((card, i) => {
        const size = sizeOf(card.kind);
        return (
          <rect
            key={i}
            className={`map-thumb__card map-thumb__card--${KNOWN_KINDS.has(card.kind) ? card.kind : 'other'}`}
            x={card.x}
            y={card.y}
            width={size.width}
            height={size.height}
            rx={10}
          />
        );
      })}
    </svg>
  );
}

export const MapThumbnail = memo(MapThumbnailComponent);
