import { describe, expect, it } from 'vitest';
import type { MapNode, Stage } from '../../../../shared/domain/journey';
import {
  EMOTION_LANE_HEIGHT,
  EMOTION_LANE_PAD,
  clampEmotion,
  emotionCurve,
  emotionPath,
  emotionY,
  seriesPoints,
} from '../../../../renderer/src/canvas/emotion-curve';

const stage = (id: string, order: number, width = 300) =>
  ({ id, name: id, order, width }) as unknown as Stage;
const tp = (id: string, stageId: string | null, x: number, emotion: number, y = 0) =>
  ({ id, kind: 'touchpoint', name: `TP ${id}`, stageId, x, y, emotion }) as unknown as MapNode;

describe('emotionCurve', () => {
  it('orders touchpoints by stage order, then by x within a stage, and spreads them over the column', () => {
    const stages = [stage('b', 1, 200), stage('a', 0, 300)];
    const nodes = [
      tp('b1', 'b', 900, 2),
      tp('a2', 'a', 160, -1),
      tp('a1', 'a', 20, 1),
      tp('x', null, 10, 0),
      { id: 'p', kind: 'painpoint', stageId: 'a', x: 0, y: 0 } as unknown as MapNode,
    ];
    const curve = emotionCurve(stages, nodes);
    expect(curve.map((p) => p.touchpointId)).toEqual(['a1', 'a2', 'b1']);
    // Stage a spans 0–300 (two points at its quarters); stage b spans 300–500 (one in its middle).
    expect(curve.map((p) => p.x)).toEqual([75, 225, 400]);
    expect(curve.map((p) => p.value)).toEqual([1, -1, 2]);
    expect(curve[0]!.name).toBe('TP a1');
  });

  it('breaks ties in x by y, so stacked cards keep a stable order', () => {
    const curve = emotionCurve([stage('a', 0)], [tp('low', 'a', 40, 0, 300), tp('high', 'a', 40, 0, 20)]);
    expect(curve.map((p) => p.touchpointId)).toEqual(['high', 'low']);
  });

  it('maps +2 to the top and −2 to the bottom of the lane, and draws one path', () => {
    expect(emotionY(2)).toBe(EMOTION_LANE_PAD);
    expect(emotionY(-2)).toBe(EMOTION_LANE_HEIGHT - EMOTION_LANE_PAD);
    expect(emotionY(0)).toBe(EMOTION_LANE_HEIGHT / 2);
    const path = emotionPath([
      { x: 10, value: 2 },
      { x: 20, value: -2 },
    ]);
    expect(path).toBe(`M10 ${EMOTION_LANE_PAD}L20 ${EMOTION_LANE_HEIGHT - EMOTION_LANE_PAD}`);
    expect(emotionPath([])).toBe('');
  });

  it('snaps and clamps dragged values to whole emotions', () => {
    expect(clampEmotion(0.6)).toBe(1);
    expect(clampEmotion(-7)).toBe(-2);
    expect(clampEmotion(3.2)).toBe(2);
  });

  it('places a second series on the curve x positions, skipping unknown touchpoints', () => {
    const curve = emotionCurve([stage('a', 0)], [tp('a1', 'a', 0, 0), tp('a2', 'a', 100, 0)]);
    const points = seriesPoints(curve, {
      label: 'Survey',
      points: [
        { touchpointId: 'a2', value: 1.5 },
        { touchpointId: 'gone', value: 1 },
        { touchpointId: 'a1', value: -3 },
      ],
    });
    expect(points).toEqual([
      { x: 75, value: -2 },
      { x: 225, value: 1.5 },
    ]);
  });
});
