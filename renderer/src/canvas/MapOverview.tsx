import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { JourneyFlowNode } from './flow-types';

/**
 * The map overview in the canvas corner (React Flow's MiniMap, drawn differently). React Flow's
 * MiniMap draws one SVG rectangle per node, each its own component subscribed to the store: on
 * the 2,300-card benchmark map, 2,300 more components and elements to create while the map opens,
 * and 2,300 selectors run on every pan and zoom frame, plus the bounds of all nodes. Here every
 * node of one colour is one path, made from the nodes the canvas already builds, and the overview
 * follows the viewport through one selector. Panning (drag) and zooming (wheel) on it are React
 * Flow's own (XYMinimap), as are its size, placement, mask and class names.
 */

type Box = { x: number; y: number; width: number; height: number };

export interface OverviewShape {
  colour: string;
  /** Every node of this colour, one closed rectangle each. */
  d: string;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Shapes in the order their colours first appear (later nodes draw over earlier ones), and the
 *  bounds of all shown nodes, transparent ones included (as React Flow's MiniMap). */
export function overviewShapes(
  nodes: readonly JourneyFlowNode[],
  colourOf: (node: JourneyFlowNode) => string,
): { shapes: OverviewShape[]; bounds: Box | null } {
  const paths = new Map<string, string[]>();
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const node of nodes) {
    if (node.hidden) continue;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    if (!width || !height) continue;
    const { x, y } = node.position;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + width);
    y1 = Math.max(y1, y + height);
    const colour = colourOf(node);
    if (colour === 'transparent') continue;
    let parts = paths.get(colour);
    if (!parts) paths.set(colour, (parts = []));
    parts.push(`M${round(x)},${round(y)}h${round(width)}v${round(height)}h${round(-width)}z`);
  }
  return {
    shapes: [...paths].map(([colour, parts]) => ({ colour, d: parts.join('') })),
    bounds: x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
  };
}

interface View {
  viewBB: Box;
  panZoom: ReactFlowState['panZoom'];
  translateExtent: ReactFlowState['translateExtent'];
  flowWidth: number;
  flowHeight: number;
}

const selectView = (s: ReactFlowState): View => ({
  viewBB: {
    x: -s.transform[0] / s.transform[2],
    y: -s.transform[1] / s.transform[2],
    width: s.width / s.transform[2],
    height: s.height / s.transform[2],
  },
  panZoom: s.panZoom,
  translateExtent: s.translateExtent,
  flowWidth: s.width,
  flowHeight: s.height,
});

const sameBox = (a: Box, b: Box) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameView = (a: View, b: View) =>
  sameBox(a.viewBB, b.viewBB) &&
  a.panZoom === b.panZoom &&
  a.translateExtent === b.translateExtent &&
  a.flowWidth === b.flowWidth &&
  a.flowHeight === b.flowHeight;

function union(a: Box | null, b: Box): Box {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** React Flow's MiniMap offset around the drawing, in screen pixels. */
const OFFSET_SCALE = 5;

function MapOverviewComponent({
  nodes,
  colourOf,
  ariaLabel,
  width,
  height,
  bgColor,
  maskColor,
}: {
  nodes: readonly JourneyFlowNode[];
  colourOf: (node: JourneyFlowNode) => string;
  ariaLabel: string;
  width: number;
  height: number;
  bgColor: string;
  maskColor: string;
}) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const { viewBB, panZoom, translateExtent, flowWidth, flowHeight } = useStore(selectView, sameView);
  const rfId = useStore((s) => s.rfId);
  const { shapes, bounds } = useMemo(() => overviewShapes(nodes, colourOf), [nodes, colourOf]);

  // The same framing as React Flow's MiniMap: the nodes and the viewport, centred, with a margin.
  const box = union(bounds, viewBB);
  const viewScale = Math.max(box.width / width, box.height / height);
  const viewWidth = viewScale * width;
  const viewHeight = viewScale * height;
  const offset = OFFSET_SCALE * viewScale;
  const x = box.x - (viewWidth - box.width) / 2 - offset;
  const y = box.y - (viewHeight - box.height) / 2 - offset;
  const w = viewWidth + offset * 2;
  const h = viewHeight + offset * 2;

  const viewScaleRef = useRef(0);
  useEffect(() => {
    viewScaleRef.current = viewScale;
  }, [viewScale]);
  const minimap = useRef<XYMinimapInstance | null>(null);
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => viewScaleRef.current,
    });
    return () => {
      minimap.current?.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      pannable: true,
      zoomable: true,
    });
  }, [panZoom, translateExtent, flowWidth, flowHeight]);

  const labelId = `react-flow__minimap-desc-${rfId}`;
  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap"
      data-testid="rf__minimap"
      style={
        {
          width,
          height,
          '--xy-minimap-background-color-props': bgColor,
          '--xy-minimap-mask-background-color-props': maskColor,
          '--xy-minimap-node-stroke-width-props': 0,
        } as CSSProperties
      }
    >
      <svg
        width={width}
        height={height}
        viewBox={`${x} ${y} ${w} ${h}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={labelId}
        ref={svg}
      >
        <title id={labelId}>{ariaLabel}</title>
        {shapes.map((shape) => (
          <path
            key={shape.colour}
            className="react-flow__minimap-node"
            d={shape.d}
            style={{ fill: shape.colour }}
            shapeRendering="crispEdges"
          />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${w + offset * 2}v${h + offset * 2}h${-w - offset * 2}z
        M${viewBB.x},${viewBB.y}h${viewBB.width}v${viewBB.height}h${-viewBB.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

export const MapOverview = memo(MapOverviewComponent);
