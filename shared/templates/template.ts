import type {
  FlowEdge,
  JourneyContent,
  MapNode,
  Opportunity,
  PainPoint,
  Touchpoint,
} from '../domain/journey';
import {
  CELL_PADDING,
  DEFAULT_LANE_HEIGHT,
  DEFAULT_STAGE_WIDTH,
  freeSpotInCell,
  NODE_GAP,
  NODE_SIZE,
} from '../graph/grid';

export type { JourneyContent } from '../domain/journey';

export interface TemplateSpec {
  name: string;
  description: string;
  stages: { key: string; name: string; goal: string }[];
  departments: { key: string; name: string; colour: string }[];
  touchpoints: (Pick<Touchpoint, 'name' | 'description' | 'channel' | 'mode' | 'emotion'> & {
    key: string;
    stage: string;
    department: string;
    frontstage?: boolean;
  })[];
  painPoints: (Pick<PainPoint, 'name' | 'description' | 'severity' | 'evidence' | 'status'> & {
    touchpoint: string;
  })[];
  /**
   * Ideas for what to do, each attached to a pain point (named by its name) or to a touchpoint
   * (by key); it sits in that card's cell. `owner` is a department key.
   */
  opportunities?: (Pick<Opportunity, 'name' | 'description' | 'status'> & {
    owner?: string;
    votes?: number;
  } & ({ painPoint: string } | { touchpoint: string }))[];
  /** Customer path as pairs of touchpoint keys, optionally with a label ("Transfer to tier 2"). */
  flow: ([from: string, to: string] | [from: string, to: string, label: string])[];
  personas: { name: string; role: string; goals: string; frustrations: string; quote: string }[];
}

/**
 * Turns a readable template spec into map content with fresh ids: every touchpoint is placed in
 * its cell without overlaps, each pain point sits right under its touchpoint and is attached to it,
 * and each opportunity sits in the same cell, under them, attached to what it concerns.
 */
export function buildFromSpec(spec: TemplateSpec, newId: () => string): JourneyContent {
  const stageIds = new Map(spec.stages.map((s) => [s.key, newId()]));
  const departmentIds = new Map(spec.departments.map((d) => [d.key, newId()]));
  const lookup = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Template "${spec.name}" names an unknown ${what} "${key}".`);
    return id;
  };

  const stages = spec.stages.map((s, order) => ({
    id: stageIds.get(s.key)!,
    name: s.name,
    goal: s.goal,
    width: DEFAULT_STAGE_WIDTH,
    order,
  }));
  // Each lane is tall enough for its fullest cell, so cards stack without overlapping.
  const cellLoad = new Map<string, number>();
  const addLoad = (stage: string, department: string, kind: MapNode['kind']) => {
    const key = `${stage}\u0000${department}`;
    cellLoad.set(key, (cellLoad.get(key) ?? 0) + NODE_SIZE[kind].height + NODE_GAP);
  };
  const touchpointCell = new Map(spec.touchpoints.map((t) => [t.key, t]));
  for (const t of spec.touchpoints) addLoad(t.stage, t.department, 'touchpoint');
  for (const p of spec.painPoints) {
    const t = touchpointCell.get(p.touchpoint);
    if (t) addLoad(t.stage, t.department, 'painpoint');
  }
  const opportunities = spec.opportunities ?? [];
  /** The touchpoint key whose cell an opportunity sits in. */
  const opportunityHome = (o: (typeof opportunities)[number]): string => {
    if ('touchpoint' in o) return o.touchpoint;
    const pain = spec.painPoints.find((p) => p.name === o.painPoint);
    if (!pain) throw new Error(`Template "${spec.name}" names an unknown pain point "${o.painPoint}".`);
    return pain.touchpoint;
  };
  for (const o of opportunities) {
    const t = touchpointCell.get(opportunityHome(o));
    if (t) addLoad(t.stage, t.department, 'opportunity');
  }
  const laneHeight = (department: string) => {
    let fullest = 0;
    for (const [key, load] of cellLoad) {
      if (key.endsWith(`\u0000${department}`)) fullest = Math.max(fullest, load);
    }
    return Math.max(DEFAULT_LANE_HEIGHT, Math.ceil((2 * CELL_PADDING + fullest) / 10) * 10);
  };
  const departments = spec.departments.map((d, order) => ({
    id: departmentIds.get(d.key)!,
    name: d.name,
    colour: d.colour,
    height: laneHeight(d.key),
    order,
  }));
  const personas = spec.personas.map((p, order) => ({ id: newId(), ...p, order }));
  const personaIds = personas.map((p) => p.id);

  // Lay out first, card by card: each touchpoint with its pain points right under it, so an
  // attachment never has to reach past another card in the same cell.
  const placed: Pick<MapNode, 'x' | 'y' | 'kind'>[] = [];
  const place = (kind: MapNode['kind'], stageId: string, departmentId: string) => {
    const spot = freeSpotInCell(kind, stageId, departmentId, stages, departments, placed);
    placed.push({ kind, ...spot });
    return spot;
  };
  const touchpointSpots = new Map<string, { x: number; y: number }>();
  const painSpots = new Map<number, { x: number; y: number }>();
  const opportunitySpots = new Map<number, { x: number; y: number }>();
  for (const t of spec.touchpoints) {
    const stageId = lookup(stageIds, t.stage, 'stage');
    const departmentId = lookup(departmentIds, t.department, 'department');
    touchpointSpots.set(t.key, place('touchpoint', stageId, departmentId));
    spec.painPoints.forEach((p, index) => {
      if (p.touchpoint === t.key) painSpots.set(index, place('painpoint', stageId, departmentId));
    });
    opportunities.forEach((o, index) => {
      if (opportunityHome(o) === t.key)
        opportunitySpots.set(index, place('opportunity', stageId, departmentId));
    });
  }

  const nodes: MapNode[] = [];
  const touchpointIds = new Map<string, string>();
  for (const t of spec.touchpoints) {
    const stageId = lookup(stageIds, t.stage, 'stage');
    const departmentId = lookup(departmentIds, t.department, 'department');
    const spot = touchpointSpots.get(t.key)!;
    const id = newId();
    touchpointIds.set(t.key, id);
    nodes.push({
      kind: 'touchpoint',
      id,
      ...spot,
      stageId,
      departmentId,
      name: t.name,
      description: t.description,
      channel: t.channel,
      mode: t.mode,
      emotion: t.emotion,
      frontstage: t.frontstage ?? true,
      supportingDepartmentIds: [],
      metricKey: t.key,
      personaIds,
    });
  }

  const edges: FlowEdge[] = spec.flow.map(([from, to, label = '']) => ({
    id: newId(),
    kind: 'flow',
    sourceId: lookup(touchpointIds, from, 'touchpoint'),
    targetId: lookup(touchpointIds, to, 'touchpoint'),
    label,
  }));

  const painIds = new Map<string, string>();
  for (const [index, p] of spec.painPoints.entries()) {
    const touchpointId = lookup(touchpointIds, p.touchpoint, 'touchpoint');
    const touchpoint = nodes.find((n) => n.id === touchpointId)!;
    const spot = painSpots.get(index)!;
    const id = newId();
    nodes.push({
      kind: 'painpoint',
      id,
      ...spot,
      stageId: touchpoint.stageId,
      departmentId: touchpoint.departmentId,
      name: p.name,
      description: p.description,
      severity: p.severity,
      evidence: p.evidence,
      status: p.status,
      votes: 0,
    });
    painIds.set(p.name, id);
    edges.push({ id: newId(), kind: 'attachment', sourceId: id, targetId: touchpointId, label: '' });
  }

  for (const [index, o] of opportunities.entries()) {
    const home = nodes.find((n) => n.id === lookup(touchpointIds, opportunityHome(o), 'touchpoint'))!;
    const targetId =
      'painPoint' in o
        ? lookup(painIds, o.painPoint, 'pain point')
        : lookup(touchpointIds, o.touchpoint, 'touchpoint');
    const id = newId();
    nodes.push({
      kind: 'opportunity',
      id,
      ...opportunitySpots.get(index)!,
      stageId: home.stageId,
      departmentId: home.departmentId,
      name: o.name,
      description: o.description,
      status: o.status,
      ownerDepartmentId: o.owner === undefined ? null : lookup(departmentIds, o.owner, 'department'),
      votes: o.votes ?? 0,
    });
    edges.push({ id: newId(), kind: 'attachment', sourceId: id, targetId, label: '' });
  }

  return { stages, departments, nodes, edges, personas };
}
