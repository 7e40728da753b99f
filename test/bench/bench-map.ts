import type { JourneyContent, MapNode, PainPoint, Touchpoint } from '../../shared/domain/journey';
import { CHANNELS, SEVERITIES } from '../../shared/domain/journey';
import { CELL_PADDING, NODE_SIZE } from '../../shared/graph/grid';

/**
 * The benchmark's map: 2,000 touchpoints, 2,500 flow edges and 300 pain points (each attached to a
 * touchpoint in its cell) in 8 stages × 6 lanes. Deterministic, so every run measures the same map.
 * Cards sit on a grid inside their cells with gaps between them, as a tidy map would have them.
 */

export const BENCH_COUNTS = { stages: 8, lanes: 6, touchpoints: 2000, flows: 2500, painPoints: 300 } as const;

const COLUMNS_PER_CELL = 6;
const ROWS_PER_CELL = 7;
const CARD_PITCH_X = NODE_SIZE.touchpoint.width + 24;
const CARD_PITCH_Y = NODE_SIZE.touchpoint.height + 14;
const NOTE_PITCH_X = NODE_SIZE.painpoint.width + 14;
export const BENCH_STAGE_WIDTH = 2 * CELL_PADDING + COLUMNS_PER_CELL * CARD_PITCH_X - 24;
export const BENCH_LANE_HEIGHT =
  2 * CELL_PADDING + ROWS_PER_CELL * CARD_PITCH_Y + NODE_SIZE.painpoint.height + 12;

const LANE_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'];
const LANE_NAMES = ['Marketing', 'Sales', 'Fulfilment', 'Support', 'Billing', 'Product'];
const STAGE_NAMES = ['Aware', 'Explore', 'Compare', 'Decide', 'Buy', 'Receive', 'Use', 'Recommend'];
const ACTIONS = ['Reads', 'Opens', 'Compares', 'Asks about', 'Checks', 'Pays for', 'Tracks', 'Reviews'];
const OBJECTS = ['the offer', 'a newsletter', 'delivery options', 'the price', 'an order', 'a refund'];

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchMapContent(): JourneyContent {
  const { stages: stageCount, lanes: laneCount, touchpoints, flows, painPoints } = BENCH_COUNTS;
  const random = prng(2026);
  const stages = Array.from({ length: stageCount }, (_, i) => ({
    id: `bench-stage-${i + 1}`,
    name: STAGE_NAMES[i] ?? `Stage ${i + 1}`,
    goal: `What the customer wants in stage ${i + 1}`,
    width: BENCH_STAGE_WIDTH,
    order: i,
  }));
  const departments = Array.from({ length: laneCount }, (_, i) => ({
    id: `bench-lane-${i + 1}`,
    name: LANE_NAMES[i] ?? `Lane ${i + 1}`,
    colour: LANE_COLOURS[i % LANE_COLOURS.length]!,
    height: BENCH_LANE_HEIGHT,
    order: i,
  }));

  // Touchpoints, cell by cell (stage-major, so ids follow the journey); the first cells take one more.
  const cells = stageCount * laneCount;
  const perCell = Math.floor(touchpoints / cells);
  const fuller = touchpoints - perCell * cells;
  const byCell: Touchpoint[][] = [];
  let n = 0;
  for (let cell = 0; cell < cells; cell++) {
    const stageIndex = Math.floor(cell / laneCount);
    const laneIndex = cell % laneCount;
    const count = perCell + (cell < fuller ? 1 : 0);
    const list: Touchpoint[] = [];
    for (let k = 0; k < count; k++) {
      n++;
      list.push({
        id: `bench-tp-${n}`,
        kind: 'touchpoint',
        x: stageIndex * BENCH_STAGE_WIDTH + CELL_PADDING + (k % COLUMNS_PER_CELL) * CARD_PITCH_X,
        y: laneIndex * BENCH_LANE_HEIGHT + CELL_PADDING + Math.floor(k / COLUMNS_PER_CELL) * CARD_PITCH_Y,
        stageId: stages[stageIndex]!.id,
        departmentId: departments[laneIndex]!.id,
        name: `${ACTIONS[n % ACTIONS.length]} ${OBJECTS[(n * 7) % OBJECTS.length]} #${n}`,
        description: '',
        channel: CHANNELS[n % CHANNELS.length]!,
        mode: n % 3 === 0 ? 'service' : 'experience',
        emotion: (n % 5) - 2,
        frontstage: n % 4 !== 0,
        supportingDepartmentIds: [],
        metricKey: '',
        personaIds: [],
      });
    }
    byCell.push(list);
  }
  const allTouchpoints = byCell.flat();

  // Flow: along each cell, then from each cell to the same lane in the next stage, then hand-offs
  // between random touchpoints of neighbouring stages until the count is reached.
  const edges: JourneyContent['edges'] = [];
  const seen = new Set<string>();
  const addFlow = (source: Touchpoint, target: Touchpoint, label = '') => {
    const key = `${source.id}>${target.id}`;
    if (source.id === target.id || seen.has(key) || edges.length >= flows) return;
    seen.add(key);
    edges.push({
      id: `bench-flow-${edges.length + 1}`,
      kind: 'flow',
      sourceId: source.id,
      targetId: target.id,
      label,
    });
  };
  for (const list of byCell) {
    for (let k = 1; k < list.length; k++) addFlow(list[k - 1]!, list[k]!, k % 20 === 0 ? 'next' : '');
  }
  for (let cell = 0; cell + laneCount < cells; cell++) {
    addFlow(byCell[cell]!.at(-1)!, byCell[cell + laneCount]![0]!);
  }
  while (edges.length < flows) {
    const source = allTouchpoints[Math.floor(random() * allTouchpoints.length)]!;
    const sourceCell = byCell.findIndex((list) => list.includes(source));
    const nextStage = Math.min(cells - 1, sourceCell + laneCount - (sourceCell % laneCount));
    const targetCell = Math.min(cells - 1, nextStage + Math.floor(random() * laneCount));
    const list = byCell[targetCell]!;
    addFlow(source, list[Math.floor(random() * list.length)]!);
  }

  // Pain points: spread over the cells, each under its cell's cards, attached to one of them.
  const pains: PainPoint[] = [];
  for (let p = 0; p < painPoints; p++) {
    const cell = p % cells;
    const slot = Math.floor(p / cells);
    const stageIndex = Math.floor(cell / laneCount);
    const laneIndex = cell % laneCount;
    const list = byCell[cell]!;
    const pain: PainPoint = {
      id: `bench-pain-${p + 1}`,
      kind: 'painpoint',
      x: stageIndex * BENCH_STAGE_WIDTH + CELL_PADDING + slot * NOTE_PITCH_X,
      y: laneIndex * BENCH_LANE_HEIGHT + CELL_PADDING + ROWS_PER_CELL * CARD_PITCH_Y,
      stageId: stages[stageIndex]!.id,
      departmentId: departments[laneIndex]!.id,
      name: `Slow step ${p + 1}`,
      description: '',
      severity: SEVERITIES[p % SEVERITIES.length]!,
      evidence: '',
      status: p % 7 === 0 ? 'resolved' : 'open',
      votes: p % 9,
    };
    pains.push(pain);
    edges.push({
      id: `bench-attach-${p + 1}`,
      kind: 'attachment',
      sourceId: pain.id,
      targetId: list[(slot * 5) % list.length]!.id,
      label: '',
    });
  }

  const nodes: MapNode[] = [...allTouchpoints, ...pains];
  return { stages, departments, nodes, edges, personas: [] };
}
