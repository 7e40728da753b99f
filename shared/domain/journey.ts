import { z } from 'zod';
import { cutWithEllipsis } from '../text/cut';

/**
 * The journey map's domain model: one schema per entity, the single source of the types that the
 * database, the API contract and the renderer share. Definitions follow ../docs/domain.md.
 */

/** Client-generated identifiers (UUIDs or similar): short, printable, no path or markup characters. */
export const Id = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(64, 'an id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'an id may hold only letters, digits, "-" and "_"');
export type Id = z.infer<typeof Id>;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);
export const Name = text(200).trim().min(1, 'a name cannot be empty');
const Coordinate = z.number().finite().min(-1_000_000).max(1_000_000);

export const CHANNELS = [
  'web',
  'mobile-app',
  'email',
  'phone',
  'chat',
  'chatbot',
  'social',
  'ads',
  'store',
  'review-sites',
  'knowledge-base',
  'mail',
  'other',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Web',
  'mobile-app': 'Mobile app',
  email: 'Email',
  phone: 'Phone',
  chat: 'Live chat',
  chatbot: 'Chatbot',
  social: 'Social',
  ads: 'Ads',
  store: 'Store / in person',
  'review-sites': 'Review sites',
  'knowledge-base': 'Knowledge base',
  mail: 'Mail / post',
  other: 'Other',
};

/** Experience: a proactive, designed touchpoint. Service: reactive help after a need or problem. */
export const Mode = z.enum(['experience', 'service']);
export type Mode = z.infer<typeof Mode>;

/** Customer emotion at a touchpoint, from −2 (very negative) to +2 (very positive). */
export const Emotion = z.number().int().min(-2).max(2);

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const PAIN_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export const PainStatus = z.enum(PAIN_STATUSES);
export type PainStatus = z.infer<typeof PainStatus>;

export const Stage = z
  .object({
    id: Id,
    name: Name,
    /** The customer's goal in this stage, e.g. "find a product that fits". */
    goal: text(500),
    width: z.number().finite().min(120).max(4000),
    order: z.number().int().min(0),
  })
  .strict();
export type Stage = z.infer<typeof Stage>;

export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

export const Department = z
  .object({
    id: Id,
    name: Name,
    colour: HexColour,
    height: z.number().finite().min(80).max(4000),
    order: z.number().int().min(0),
  })
  .strict();
export type Department = z.infer<typeof Department>;

const nodeBase = {
  id: Id,
  x: Coordinate,
  y: Coordinate,
  stageId: Id.nullable(),
  departmentId: Id.nullable(),
  description: text(5000),
};

export const Touchpoint = z
  .object({
    ...nodeBase,
    kind: z.literal('touchpoint'),
    name: Name,
    channel: Channel,
    mode: Mode,
    emotion: Emotion,
    /** Frontstage: the customer sees it. Backstage: work behind the scenes. */
    frontstage: z.boolean(),
    supportingDepartmentIds: z.array(Id).max(50),
    /** Key used to match imported metric data to this touchpoint. */
    metricKey: text(200),
    personaIds: z.array(Id).max(50),
  })
  .strict();
export type Touchpoint = z.infer<typeof Touchpoint>;

export const PainPoint = z
  .object({
    ...nodeBase,
    kind: z.literal('painpoint'),
    name: Name,
    severity: Severity,
    /** A customer quote or other evidence. */
    evidence: text(5000),
    status: PainStatus,
    votes: z.number().int().min(0).max(100_000),
  })
  .strict();
export type PainPoint = z.infer<typeof PainPoint>;

export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'in-progress', 'done'] as const;
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

/**
 * An opportunity: what the team will do about a pain point (an idea). It attaches to the pain
 * points or touchpoints it concerns; `ownerDepartmentId` names the team that owns it, if any.
 */
export const Opportunity = z
  .object({
    ...nodeBase,
    kind: z.literal('opportunity'),
    name: Name,
    status: OpportunityStatus,
    ownerDepartmentId: Id.nullable(),
    votes: z.number().int().min(0).max(100_000),
  })
  .strict();
export type Opportunity = z.infer<typeof Opportunity>;

/** The free notes' palette: names, so each theme draws its own readable shade. */
export const NOTE_COLOURS = ['yellow', 'pink', 'blue', 'green', 'purple', 'grey'] as const;
export const NoteColour = z.enum(NOTE_COLOURS);
export type NoteColour = z.infer<typeof NoteColour>;

/** A free note: text for anything else, in a cell or anywhere outside the grid. No status, no name. */
export const Note = z
  .object({
    id: Id,
    x: Coordinate,
    y: Coordinate,
    stageId: Id.nullable(),
    departmentId: Id.nullable(),
    kind: z.literal('note'),
    text: text(5000),
    colour: NoteColour,
  })
  .strict();
export type Note = z.infer<typeof Note>;

export const MapNode = z.discriminatedUnion('kind', [Touchpoint, PainPoint, Opportunity, Note]);
export type MapNode = z.infer<typeof MapNode>;
export type MapNodeKind = MapNode['kind'];

/**
 * flow: the customer's path between touchpoints. attachment: a pain point attached to a
 * touchpoint, or an opportunity attached to a pain point or a touchpoint.
 */
export const EdgeKind = z.enum(['flow', 'attachment']);
export type EdgeKind = z.infer<typeof EdgeKind>;

export const FlowEdge = z
  .object({
    id: Id,
    kind: EdgeKind,
    sourceId: Id,
    targetId: Id,
    label: text(200),
  })
  .strict();
export type FlowEdge = z.infer<typeof FlowEdge>;

export const Persona = z
  .object({
    id: Id,
    name: Name,
    role: text(200),
    goals: text(5000),
    frustrations: text(5000),
    quote: text(1000),
    order: z.number().int().min(0),
  })
  .strict();
export type Persona = z.infer<typeof Persona>;

export const JourneySummary = z
  .object({
    id: Id,
    name: Name,
    description: text(5000),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z.number().int().min(0),
    touchpointCount: z.number().int().min(0),
  })
  .strict();
export type JourneySummary = z.infer<typeof JourneySummary>;

/** A map's content without its journey row: what templates produce and `journeys.create` stores. */
export const JourneyContent = z
  .object({
    stages: z.array(Stage),
    departments: z.array(Department),
    nodes: z.array(MapNode),
    edges: z.array(FlowEdge),
    personas: z.array(Persona),
  })
  .strict();
export type JourneyContent = z.infer<typeof JourneyContent>;

/** A whole map as the renderer holds it. */
export const JourneyDocument = JourneyContent.extend({ journey: JourneySummary }).strict();
export type JourneyDocument = z.infer<typeof JourneyDocument>;

/** What a node is called in lists, labels and messages: its name, or a free note's first line. */
export function nodeLabel(node: MapNode): string {
  if (node.kind !== 'note') return node.name;
  const line = node.text.trim().split('\n', 1)[0]?.trim() ?? '';
  if (line === '') return 'Empty note';
  return cutWithEllipsis(line, 60);
}
