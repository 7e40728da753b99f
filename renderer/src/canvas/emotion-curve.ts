import type { MapNode, Stage } from '../../../shared/domain/journey';
import { stageColumns } from '../../../shared/graph/grid';

/**
 * The emotion curve's pure geometry: the customer's emotion (−2 … +2) at each touchpoint, in the
 * order the customer meets them (stages by order, then left to right within a stage), laid out in
 * a lane under the grid. Touchpoints outside every stage have no place on the curve.
 */

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
/** Height of the lane in flow coordinates, and the room above +2 and below −2. */
export const EMOTION_LANE_HEIGHT = 156;
export const EMOTION_LANE_PAD = 22;
/** Space between the last department lane and the emotion lane. */
export const EMOTION_LANE_GAP = 24;
/** Above this many touchpoints, points are drawn only when zoomed in near. */
export const EMOTION_POINTS_LIMIT = 400;

export interface EmotionPoint {
  touchpointId: string;
  name: string;
  value: number;
  x: number;
}

/** A point of a further series: its place on the axis, and what a tooltip says about it. */
export interface EmotionSeriesPoint {
  touchpointId: string;
  value: number;
  /** Responses behind the point (data series). */
  n?: number;
  /** Drawn hatched, like an uncertain card. */
  uncertain?: boolean;
  /** The real value lies beyond the lane: drawn at its edge. */
  clipped?: boolean;
  /** Tooltip and accessible name. */
  description?: string;
}

/** A second series drawn on the same axis, e.g. from data (points keyed by touchpoint). */
export interface EmotionSeries {
  label: string;
  /** Which part of the data the series shows when it is not all of it (the overlay's segment). */
  scope?: { shown: string; spoken: string };
  points: readonly EmotionSeriesPoint[];
}

/** The vertical step between two emotion values. */
export const emotionStep = (height = EMOTION_LANE_HEIGHT, pad = EMOTION_LANE_PAD) =>
  (height - 2 * pad) / (EMOTION_MAX - EMOTION_MIN);

/** The y (within the lane) of an emotion value; +2 at the top. */
export const emotionY = (value: number, height = EMOTION_LANE_HEIGHT, pad = EMOTION_LANE_PAD) =>
  pad + (EMOTION_MAX - value) * emotionStep(height, pad);

export const clampEmotion = (value: number) =>
  Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(value)));

/**
 * The curve's points: touchpoints grouped by stage (stage order), sorted by x within a stage (then
 * y), spread evenly across their stage's column so the line reads left to right.
 */
export function emotionCurve(stages: readonly Stage[], nodes: readonly MapNode[]): EmotionPoint[] {
  const columns = stageColumns(stages);
  const byStage = new Map<string, Extract<MapNode, { kind: 'touchpoint' }>[]>();
  for (const node of nodes) {
    if (node.kind !== 'touchpoint' || !node.stageId) continue;
    const list = byStage.get(node.stageId);
    if (list) list.push(node);
    else byStage.set(node.stageId, [node]);
  }
  const points: EmotionPoint[] = [];
  for (const column of columns) {
    const list = byStage.get(column.id);
    if (!list) continue;
    list.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    list.forEach((node, i) => {
      points.push({
        touchpointId: node.id,
        name: node.name,
        value: node.emotion,
        x: column.start + (column.size * (i + 0.5)) / list.length,
      });
    });
  }
  return points;
}

/** One SVG path through the points (a polyline), whatever their number. */
export function emotionPath(
  points: readonly { x: number; value: number }[],
  height = EMOTION_LANE_HEIGHT,
  pad = EMOTION_LANE_PAD,
): string {
  let d = '';
  for (const [i, p] of points.entries()) {
    d += `${i === 0 ? 'M' : 'L'}${Math.round(p.x * 10) / 10} ${Math.round(emotionY(p.value, height, pad) * 10) / 10}`;
  }
  return d;
}

/** A second series placed on the curve's x positions (touchpoints it does not know are skipped). */
export function seriesPoints(curve: readonly EmotionPoint[], series: EmotionSeries) {
  const xs = new Map(curve.map((p) => [p.touchpointId, p.x]));
  return series.points
    .flatMap((p) => {
      const x = xs.get(p.touchpointId);
      return x === undefined ? [] : [{ x, value: Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, p.value)) }];
    })
    .sort((a, b) => a.x - b.x);
}

export type PlacedSeriesPoint = EmotionSeriesPoint & { x: number; name: string };

/**
 * A series laid along the curve, in the curve's order, with a break wherever a touchpoint of the
 * curve has no point in the series: `runs` are the stretches drawn as one line each, `points`
 * every point (a point alone between two gaps is a run of one, drawn as its marker only).
 */
export function seriesRuns(
  curve: readonly EmotionPoint[],
  series: EmotionSeries,
): { points: PlacedSeriesPoint[]; runs: PlacedSeriesPoint[][] } {
  const byId = new Map(series.points.map((p) => [p.touchpointId, p]));
  const points: PlacedSeriesPoint[] = [];
  const runs: PlacedSeriesPoint[][] = [];
  let run: PlacedSeriesPoint[] | null = null;
  for (const c of curve) {
    const p = byId.get(c.touchpointId);
    if (!p) {
      run = null;
      continue;
    }
    const placed = {
      ...p,
      value: Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, p.value)),
      x: c.x,
      name: c.name,
    };
    points.push(placed);
    if (!run) {
      run = [];
      runs.push(run);
    }
    run.push(placed);
  }
  return { points, runs };
}

/** One SVG path for a series with gaps: a sub-path per run of two or more points. */
export function seriesPath(runs: readonly (readonly { x: number; value: number }[])[]): string {
  return runs
    .filter((r) => r.length > 1)
    .map((r) => emotionPath(r))
    .join('');
}

/** The emotion lane's on/off preference: a setting of this computer, kept in localStorage. */
export const EMOTION_LANE_KEY = 'journey-studio.emotion-lane';

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

/**
 * Off until the user turns it on: the lane makes the map taller, and on a laptop screen a fitted
 * template then drops below the zoom where cards show their badges and vote buttons.
 */
/** Shown unless this computer's user hid it: the curve is part of a journey map. */
export const readEmotionLaneShown = () => storage()?.getItem(EMOTION_LANE_KEY) !== 'hidden';

export function writeEmotionLaneShown(shown: boolean) {
  try {
    storage()?.setItem(EMOTION_LANE_KEY, shown ? 'shown' : 'hidden');
  } catch {
    // A full or disabled storage only loses the preference.
  }
}
