import { useStore as useFlowStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useStores } from '../state/stores-context';
import {
  EMOTION_LANE_HEIGHT as H,
  EMOTION_LANE_PAD,
  EMOTION_MAX,
  EMOTION_MIN,
  EMOTION_POINTS_LIMIT,
  clampEmotion,
  emotionPath,
  emotionStep,
  emotionY,
  readEmotionLaneShown,
  writeEmotionLaneShown,
  type EmotionPoint,
  type EmotionSeries,
} from './emotion-curve';
import { formatEmotion } from './Glyphs';
import { EmotionLegend, EmotionSeriesMarks, SeriesHatch } from './EmotionSeriesMarks';

/**
 * The emotion lane under the grid: the customer's emotion at each touchpoint as one polyline, with
 * an axis from +2 to −2. Drag a point up or down, or focus it and press ArrowUp / ArrowDown, to
 * change that touchpoint's emotion (one change, one undo step). Read-only in snapshots.
 */

export type EmotionLaneFlowNode = Node<
  {
    points: readonly EmotionPoint[];
    /** Width of the axis column (under the lane headers) and of the stage columns. */
    axisWidth: number;
    width: number;
    readOnly: boolean;
    /** Further series drawn on the same axis (optional, e.g. from data). */
    series?: readonly EmotionSeries[] | undefined;
  },
  'emotionLane'
>;

export const EMOTION_LANE_NODE_ID = 'emotion:lane';

/** Whether the lane is shown: a preference of this computer. */
export const emotionLaneStore = createStore<{ shown: boolean; setShown(shown: boolean): void }>()((set) => ({
  shown: readEmotionLaneShown(),
  setShown(shown) {
    writeEmotionLaneShown(shown);
    set({ shown });
  },
}));
export const useEmotionLaneShown = () => useStore(emotionLaneStore, (s) => s.shown);

/** The lane node placed just below the last department lane. */
export function emotionLaneNode(
  data: EmotionLaneFlowNode['data'],
  gridHeight: number,
  gap: number,
): EmotionLaneFlowNode {
  const width = data.axisWidth + data.width;
  return {
    id: EMOTION_LANE_NODE_ID,
    type: 'emotionLane',
    position: { x: -data.axisWidth, y: gridHeight + gap },
    data,
    width,
    height: H,
    measured: { width, height: H },
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    deletable: false,
    className: 'flow-emotion-lane',
  };
}

const isNear = (s: ReactFlowState) => s.transform[2] >= 0.6;
const LEVELS = [2, 1, 0, -1, -2];
const tone = (value: number) => (value > 0 ? 'pos' : value < 0 ? 'neg' : 'neutral');
const sign = (value: number) => formatEmotion(value).replace('-', '−');

function EmotionLaneComponent({ data }: NodeProps<EmotionLaneFlowNode>) {
  const { points, axisWidth, width, readOnly, series } = data;
  const { documentStore } = useStores();
  const near = useFlowStore(isNear);
  const [preview, setPreview] = useState<{ id: string; value: number } | null>(null);
  const gesture = useRef<{ id: string; from: number; startY: number; scale: number } | null>(null);

  const shown = preview
    ? points.map((p) => (p.touchpointId === preview.id ? { ...p, value: preview.value } : p))
    : points;
  const left = axisWidth;
  const plotted = shown.map((p) => ({ ...p, x: p.x + left }));
  const drawPoints = points.length <= EMOTION_POINTS_LIMIT || near;
  const hatchId = useId().replace(/:/g, '');

  const commit = (id: string, from: number, value: number) => {
    const next = clampEmotion(value);
    if (next === from || readOnly) return;
    documentStore.getState().apply([{ op: 'touchpoint.update', id, fields: { emotion: next } }]);
  };

  const onPointerDown = (event: PointerEvent<SVGCircleElement>, point: EmotionPoint) => {
    if (readOnly || event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const svg = event.currentTarget.ownerSVGElement;
    const scale = svg ? svg.getBoundingClientRect().height / H : 1;
    gesture.current = { id: point.touchpointId, from: point.value, startY: event.clientY, scale: scale || 1 };
    setPreview({ id: point.touchpointId, value: point.value });
  };
  const valueAt = (event: PointerEvent<SVGCircleElement>) => {
    const g = gesture.current!;
    return clampEmotion(g.from + (g.startY - event.clientY) / g.scale / emotionStep());
  };
  const onPointerMove = (event: PointerEvent<SVGCircleElement>) => {
    const g = gesture.current;
    if (!g) return;
    const value = valueAt(event);
    setPreview((p) => (p && p.value === value ? p : { id: g.id, value }));
  };
  const onPointerUp = (event: PointerEvent<SVGCircleElement>) => {
    const g = gesture.current;
    if (!g) return;
    const value = valueAt(event);
    gesture.current = null;
    setPreview(null);
    commit(g.id, g.from, value);
  };
  const onPointerCancel = () => {
    gesture.current = null;
    setPreview(null);
  };
  const onKeyDown = (event: KeyboardEvent<SVGCircleElement>, point: EmotionPoint) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    event.stopPropagation();
    commit(point.touchpointId, point.value, point.value + (event.key === 'ArrowUp' ? 1 : -1));
  };

  return (
    <svg
      className={`emotion-lane nodrag nopan${readOnly ? ' is-read-only' : ''}`}
      width={axisWidth + width}
      height={H}
      viewBox={`0 0 ${axisWidth + width} ${H}`}
      role="group"
      aria-label="Customer emotion curve"
      data-testid="emotion-lane"
    >
      <rect
        className="emotion-lane__bg"
        x={0.5}
        y={0.5}
        width={axisWidth + width - 1}
        height={H - 1}
        rx={6}
      />
      <text className="emotion-lane__title" x={16} y={EMOTION_LANE_PAD + 4}>
        Emotion
      </text>
      {LEVELS.map((level) => (
        <g key={level}>
          <line
            className={`emotion-lane__level${level === 0 ? ' is-neutral' : ''}`}
            x1={left}
            x2={left + width}
            y1={emotionY(level)}
            y2={emotionY(level)}
          />
          <text className="emotion-lane__tick" x={left - 10} y={emotionY(level)} dy="0.35em">
            {sign(level)}
          </text>
        </g>
      ))}
      <line
        className="emotion-lane__axis"
        x1={left}
        x2={left}
        y1={emotionY(EMOTION_MAX)}
        y2={emotionY(EMOTION_MIN)}
      />
      {series && series.length > 0 && (
        <>
          <SeriesHatch id={`${hatchId}-hatch`} />
          <EmotionLegend series={series} />
        </>
      )}
      {series?.map((s) => (
        <EmotionSeriesMarks
          key={s.label}
          curve={plotted}
          series={s}
          drawPoints={drawPoints}
          hatchId={`${hatchId}-hatch`}
        />
      ))}
      <path className="emotion-lane__line" d={emotionPath(plotted)} />
      {drawPoints &&
        plotted.map((p) => (
          <circle
            key={p.touchpointId}
            className={`emotion-lane__point emotion-lane__point--${tone(p.value)}${preview?.id === p.touchpointId ? ' is-dragging' : ''}`}
            cx={p.x}
            cy={emotionY(p.value)}
            r={7}
            data-touchpoint-id={p.touchpointId}
            {...(readOnly
              ? { 'aria-label': `Emotion of ${p.name}: ${sign(p.value)}` }
              : {
                  tabIndex: 0,
                  role: 'slider',
                  'aria-label': `Emotion of ${p.name}: ${sign(p.value)}`,
                  'aria-valuemin': EMOTION_MIN,
                  'aria-valuemax': EMOTION_MAX,
                  'aria-valuenow': p.value,
                  'aria-orientation': 'vertical' as const,
                  onPointerDown: (e: PointerEvent<SVGCircleElement>) => onPointerDown(e, p),
                  onPointerMove,
                  onPointerUp,
                  onPointerCancel,
                  onKeyDown: (e: KeyboardEvent<SVGCircleElement>) => onKeyDown(e, p),
                })}
          >
            <title>{`${p.name}: ${sign(p.value)}`}</title>
          </circle>
        ))}
    </svg>
  );
}
export const EmotionLaneNode = memo(EmotionLaneComponent);
