import type {
  DepartmentFields,
  EdgeFields,
  NoteFields,
  OpportunityFields,
  PainPointFields,
  PersonaFields,
  StageFields,
  TouchpointFields,
  Change,
} from '../../shared/domain/change-set';
import {
  CHANNELS,
  NOTE_COLOURS,
  OPPORTUNITY_STATUSES,
  PAIN_STATUSES,
  SEVERITIES,
  type Department,
  type EdgeKind,
  type FlowEdge,
  type JourneySummary,
  type MapNode,
  type Mode,
  type Note,
  type Opportunity,
  type PainPoint,
  type Persona,
  type Stage,
  type Touchpoint,
} from '../../shared/domain/journey';
import { AppError } from '../../shared/api/result';

/**
 * The one place where database rows and domain objects meet: row shapes as SQLite returns them,
 * conversions both ways, and the fixed field → column maps that partial updates are built from.
 * Column names here are the only SQL identifiers the repository ever puts into statement text.
 */

export type SqlValue = string | number | null;

export interface JourneyRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface JourneySummaryRow extends JourneyRow {
  touchpoint_count: number;
}

export interface StageRow {
  id: string;
  journey_id: string;
  name: string;
  goal: string;
  width: number;
  ord: number;
}

export interface DepartmentRow {
  id: string;
  journey_id: string;
  name: string;
  colour: string;
  height: number;
  ord: number;
}

export interface NodeRow {
  id: string;
  journey_id: string;
  kind: string;
  x: number;
  y: number;
  stage_id: string | null;
  department_id: string | null;
  /** NULL for notes. */
  name: string | null;
  description: string | null;
  channel: string | null;
  mode: string | null;
  emotion: number | null;
  frontstage: number | null;
  supporting_department_ids: string | null;
  metric_key: string | null;
  persona_ids: string | null;
  severity: string | null;
  evidence: string | null;
  status: string | null;
  votes: number | null;
  owner_department_id: string | null;
  note_text: string | null;
  note_colour: string | null;
}

export interface EdgeRow {
  id: string;
  journey_id: string;
  kind: string;
  source_id: string;
  target_id: string;
  label: string;
}

export interface PersonaRow {
  id: string;
  journey_id: string;
  name: string;
  role: string;
  goals: string;
  frustrations: string;
  quote: string;
  ord: number;
}

// ---------------------------------------------------------------------------------------------
// Rows → domain. The schema's CHECK constraints guarantee these shapes; the guards below turn a
// violation (a file edited by hand, a bug) into a clear error instead of a malformed object.

export function toJourneySummary(row: JourneySummaryRow): JourneySummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    touchpointCount: row.touchpoint_count,
  };
}

export function toStage(row: StageRow): Stage {
  return { id: row.id, name: row.name, goal: row.goal, width: row.width, order: row.ord };
}

export function toDepartment(row: DepartmentRow): Department {
  return { id: row.id, name: row.name, colour: row.colour, height: row.height, order: row.ord };
}

export function toPersona(row: PersonaRow): Persona {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    goals: row.goals,
    frustrations: row.frustrations,
    quote: row.quote,
    order: row.ord,
  };
}

export function toEdge(row: EdgeRow): FlowEdge {
  return {
    id: row.id,
    kind: oneOf(EDGE_KINDS, row.kind, 'edges.kind', row.id),
    sourceId: row.source_id,
    targetId: row.target_id,
    label: row.label,
  };
}

export function toNode(row: NodeRow): MapNode {
  const place = {
    id: row.id,
    x: row.x,
    y: row.y,
    stageId: row.stage_id,
    departmentId: row.department_id,
  };
  if (row.kind === 'note') {
    const note: Note = {
      ...place,
      kind: 'note',
      text: present(row.note_text, 'nodes.note_text', row.id),
      colour: oneOf(NOTE_COLOURS, row.note_colour, 'nodes.note_colour', row.id),
    };
    return note;
  }
  const base = {
    ...place,
    name: present(row.name, 'nodes.name', row.id),
    description: present(row.description, 'nodes.description', row.id),
  };
  if (row.kind === 'touchpoint') {
    const touchpoint: Touchpoint = {
      ...base,
      kind: 'touchpoint',
      channel: oneOf(CHANNELS, row.channel, 'nodes.channel', row.id),
      mode: oneOf(MODES, row.mode, 'nodes.mode', row.id),
      emotion: present(row.emotion, 'nodes.emotion', row.id),
      frontstage: present(row.frontstage, 'nodes.frontstage', row.id) === 1,
      supportingDepartmentIds: idList(
        row.supporting_department_ids,
        'nodes.supporting_department_ids',
        row.id,
      ),
      metricKey: present(row.metric_key, 'nodes.metric_key', row.id),
      personaIds: idList(row.persona_ids, 'nodes.persona_ids', row.id),
    };
    return touchpoint;
  }
  if (row.kind === 'painpoint') {
    const painPoint: PainPoint = {
      ...base,
      kind: 'painpoint',
      severity: oneOf(SEVERITIES, row.severity, 'nodes.severity', row.id),
      evidence: present(row.evidence, 'nodes.evidence', row.id),
      status: oneOf(PAIN_STATUSES, row.status, 'nodes.status', row.id),
      votes: present(row.votes, 'nodes.votes', row.id),
    };
    return painPoint;
  }
  if (row.kind === 'opportunity') {
    const opportunity: Opportunity = {
      ...base,
      kind: 'opportunity',
      status: oneOf(OPPORTUNITY_STATUSES, row.status, 'nodes.status', row.id),
      ownerDepartmentId: row.owner_department_id,
      votes: present(row.votes, 'nodes.votes', row.id),
    };
    return opportunity;
  }
  throw damaged('nodes.kind', row.id, row.kind);
}

// ---------------------------------------------------------------------------------------------
// Domain → rows, for inserts (named parameters, so every column is listed exactly once).

export function stageToRow(stage: Stage, journeyId: string): StageRow {
  return {
    id: stage.id,
    journey_id: journeyId,
    name: stage.name,
    goal: stage.goal,
    width: stage.width,
    ord: stage.order,
  };
}

export function departmentToRow(department: Department, journeyId: string): DepartmentRow {
  return {
    id: department.id,
    journey_id: journeyId,
    name: department.name,
    colour: department.colour,
    height: department.height,
    ord: department.order,
  };
}

export function personaToRow(persona: Persona, journeyId: string): PersonaRow {
  return {
    id: persona.id,
    journey_id: journeyId,
    name: persona.name,
    role: persona.role,
    goals: persona.goals,
    frustrations: persona.frustrations,
    quote: persona.quote,
    ord: persona.order,
  };
}

export function edgeToRow(edge: FlowEdge, journeyId: string): EdgeRow {
  return {
    id: edge.id,
    journey_id: journeyId,
    kind: edge.kind,
    source_id: edge.sourceId,
    target_id: edge.targetId,
    label: edge.label,
  };
}

export function nodeToRow(node: MapNode, journeyId: string): NodeRow {
  const row: NodeRow = {
    id: node.id,
    journey_id: journeyId,
    kind: node.kind,
    x: node.x,
    y: node.y,
    stage_id: node.stageId,
    department_id: node.departmentId,
    name: null,
    description: null,
    channel: null,
    mode: null,
    emotion: null,
    frontstage: null,
    supporting_department_ids: null,
    metric_key: null,
    persona_ids: null,
    severity: null,
    evidence: null,
    status: null,
    votes: null,
    owner_department_id: null,
    note_text: null,
    note_colour: null,
  };
  if (node.kind === 'note') {
    row.note_text = node.text;
    row.note_colour = node.colour;
    return row;
  }
  row.name = node.name;
  row.description = node.description;
  if (node.kind === 'touchpoint') {
    row.channel = node.channel;
    row.mode = node.mode;
    row.emotion = node.emotion;
    row.frontstage = encodeBoolean(node.frontstage);
    row.supporting_department_ids = encodeIdList(node.supportingDepartmentIds);
    row.metric_key = node.metricKey;
    row.persona_ids = encodeIdList(node.personaIds);
  } else if (node.kind === 'painpoint') {
    row.severity = node.severity;
    row.evidence = node.evidence;
    row.status = node.status;
    row.votes = node.votes;
  } else {
    row.status = node.status;
    row.votes = node.votes;
    row.owner_department_id = node.ownerDepartmentId;
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Field → column maps for partial updates. Typed so that a field added to a domain schema and
// not mapped here is a compile error, rather than an update that silently drops it.

export interface ColumnSpec<V> {
  readonly column: string;
  // Method syntax (bivariant) so a map of specific specs can be read generically by the repository.
  encode(value: V): SqlValue;
}

export type ColumnMap<T> = { readonly [K in keyof T]-?: ColumnSpec<Exclude<T[K], undefined>> };

const asIs = <V extends SqlValue>(column: string): ColumnSpec<V> => ({ column, encode: (value) => value });

export type JourneyFields = Extract<Change, { op: 'journey.update' }>['fields'];

export const JOURNEY_COLUMNS: ColumnMap<JourneyFields> = {
  name: asIs('name'),
  description: asIs('description'),
};

export const STAGE_COLUMNS: ColumnMap<StageFields> = {
  name: asIs('name'),
  goal: asIs('goal'),
  width: asIs('width'),
  order: asIs('ord'),
};

export const DEPARTMENT_COLUMNS: ColumnMap<DepartmentFields> = {
  name: asIs('name'),
  colour: asIs('colour'),
  height: asIs('height'),
  order: asIs('ord'),
};

export const PERSONA_COLUMNS: ColumnMap<PersonaFields> = {
  name: asIs('name'),
  role: asIs('role'),
  goals: asIs('goals'),
  frustrations: asIs('frustrations'),
  quote: asIs('quote'),
  order: asIs('ord'),
};

export const EDGE_COLUMNS: ColumnMap<EdgeFields> = {
  kind: asIs('kind'),
  sourceId: asIs('source_id'),
  targetId: asIs('target_id'),
  label: asIs('label'),
};

const NODE_PLACE_COLUMNS = {
  x: asIs<number>('x'),
  y: asIs<number>('y'),
  stageId: asIs<string | null>('stage_id'),
  departmentId: asIs<string | null>('department_id'),
};

const NODE_BASE_COLUMNS = {
  ...NODE_PLACE_COLUMNS,
  name: asIs<string>('name'),
  description: asIs<string>('description'),
};

export const TOUCHPOINT_COLUMNS: ColumnMap<TouchpointFields> = {
  ...NODE_BASE_COLUMNS,
  channel: asIs('channel'),
  mode: asIs('mode'),
  emotion: asIs('emotion'),
  frontstage: { column: 'frontstage', encode: encodeBoolean },
  supportingDepartmentIds: { column: 'supporting_department_ids', encode: encodeIdList },
  metricKey: asIs('metric_key'),
  personaIds: { column: 'persona_ids', encode: encodeIdList },
};

export const PAINPOINT_COLUMNS: ColumnMap<PainPointFields> = {
  ...NODE_BASE_COLUMNS,
  severity: asIs('severity'),
  evidence: asIs('evidence'),
  status: asIs('status'),
  votes: asIs('votes'),
};

export const OPPORTUNITY_COLUMNS: ColumnMap<OpportunityFields> = {
  ...NODE_BASE_COLUMNS,
  status: asIs('status'),
  ownerDepartmentId: asIs('owner_department_id'),
  votes: asIs('votes'),
};

export const NOTE_COLUMNS: ColumnMap<NoteFields> = {
  ...NODE_PLACE_COLUMNS,
  text: asIs('note_text'),
  colour: asIs('note_colour'),
};

// ---------------------------------------------------------------------------------------------

const EDGE_KINDS: readonly EdgeKind[] = ['flow', 'attachment'];
const MODES: readonly Mode[] = ['experience', 'service'];

/** better-sqlite3 cannot bind booleans; the column holds 0 / 1. */
function encodeBoolean(value: boolean): number {
  return value ? 1 : 0;
}

/** Id lists (supporting departments, personas) are stored as JSON arrays of strings. */
function encodeIdList(ids: readonly string[]): string {
  return JSON.stringify(ids);
}

function idList(json: string | null, column: string, id: string): string[] {
  const parsed: unknown = JSON.parse(present(json, column, id));
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === 'string')) {
    throw damaged(column, id, json);
  }
  return parsed;
}

function present<V>(value: V | null, column: string, id: string): V {
  if (value === null) throw damaged(column, id, value);
  return value;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, column: string, id: string): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw damaged(column, id, value);
  return match;
}

function damaged(column: string, id: string, value: unknown): AppError {
  return new AppError(
    'internal',
    `The library holds an unexpected value in ${column} for "${id}": ${JSON.stringify(value)}.`,
  );
}
