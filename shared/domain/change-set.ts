import { z } from 'zod';
import {
  Department,
  FlowEdge,
  Id,
  MapNode,
  Name,
  Note,
  Opportunity,
  PainPoint,
  Persona,
  Stage,
  Touchpoint,
} from './journey';

/**
 * Persistence is incremental: the renderer sends ordered change sets of added / updated / removed
 * items, applied in one transaction against the revision they were based on. An update carries only
 * the fields that changed, so moving one node is one small UPDATE of one row.
 */

const nonEmpty = (fields: object) => Object.keys(fields).length > 0;
const NON_EMPTY = 'an update must change at least one field';

const StageFields = Stage.omit({ id: true }).partial().strict().refine(nonEmpty, NON_EMPTY);
const DepartmentFields = Department.omit({ id: true }).partial().strict().refine(nonEmpty, NON_EMPTY);
const TouchpointFields = Touchpoint.omit({ id: true, kind: true })
  .partial()
  .strict()
  .refine(nonEmpty, NON_EMPTY);
const PainPointFields = PainPoint.omit({ id: true, kind: true })
  .partial()
  .strict()
  .refine(nonEmpty, NON_EMPTY);
const OpportunityFields = Opportunity.omit({ id: true, kind: true })
  .partial()
  .strict()
  .refine(nonEmpty, NON_EMPTY);
const NoteFields = Note.omit({ id: true, kind: true }).partial().strict().refine(nonEmpty, NON_EMPTY);
const EdgeFields = FlowEdge.omit({ id: true }).partial().strict().refine(nonEmpty, NON_EMPTY);
const PersonaFields = Persona.omit({ id: true }).partial().strict().refine(nonEmpty, NON_EMPTY);
const JourneyFields = z
  .object({ name: Name, description: z.string().max(5000) })
  .partial()
  .strict()
  .refine(nonEmpty, NON_EMPTY);

export type StageFields = z.infer<typeof StageFields>;
export type DepartmentFields = z.infer<typeof DepartmentFields>;
export type TouchpointFields = z.infer<typeof TouchpointFields>;
export type PainPointFields = z.infer<typeof PainPointFields>;
export type OpportunityFields = z.infer<typeof OpportunityFields>;
export type NoteFields = z.infer<typeof NoteFields>;
export type EdgeFields = z.infer<typeof EdgeFields>;
export type PersonaFields = z.infer<typeof PersonaFields>;

export const Change = z.discriminatedUnion('op', [
  z.object({ op: z.literal('stage.add'), value: Stage }).strict(),
  z.object({ op: z.literal('stage.update'), id: Id, fields: StageFields }).strict(),
  z.object({ op: z.literal('stage.remove'), id: Id }).strict(),
  z.object({ op: z.literal('department.add'), value: Department }).strict(),
  z.object({ op: z.literal('department.update'), id: Id, fields: DepartmentFields }).strict(),
  z.object({ op: z.literal('department.remove'), id: Id }).strict(),
  z.object({ op: z.literal('node.add'), value: MapNode }).strict(),
  z.object({ op: z.literal('touchpoint.update'), id: Id, fields: TouchpointFields }).strict(),
  z.object({ op: z.literal('painpoint.update'), id: Id, fields: PainPointFields }).strict(),
  z.object({ op: z.literal('opportunity.update'), id: Id, fields: OpportunityFields }).strict(),
  z.object({ op: z.literal('note.update'), id: Id, fields: NoteFields }).strict(),
  z.object({ op: z.literal('node.remove'), id: Id }).strict(),
  z.object({ op: z.literal('edge.add'), value: FlowEdge }).strict(),
  z.object({ op: z.literal('edge.update'), id: Id, fields: EdgeFields }).strict(),
  z.object({ op: z.literal('edge.remove'), id: Id }).strict(),
  z.object({ op: z.literal('persona.add'), value: Persona }).strict(),
  z.object({ op: z.literal('persona.update'), id: Id, fields: PersonaFields }).strict(),
  z.object({ op: z.literal('persona.remove'), id: Id }).strict(),
  z.object({ op: z.literal('journey.update'), fields: JourneyFields }).strict(),
]);
export type Change = z.infer<typeof Change>;
export type ChangeOp = Change['op'];

export const ChangeSet = z
  .object({
    journeyId: Id,
    /** The revision the changes were made against; a stale one is answered with `conflict`. */
    baseRevision: z.number().int().min(0),
    changes: z.array(Change).min(1, 'a change set holds at least one change').max(20_000),
  })
  .strict();
export type ChangeSet = z.infer<typeof ChangeSet>;

/** The update op of each node kind. */
export const NODE_UPDATE_OPS = {
  touchpoint: 'touchpoint.update',
  painpoint: 'painpoint.update',
  opportunity: 'opportunity.update',
  note: 'note.update',
} as const satisfies Record<MapNode['kind'], ChangeOp>;

/** Where a node sits: the fields every kind has and an update of any kind may carry. */
export type NodePlaceFields = Partial<Pick<MapNode, 'x' | 'y' | 'stageId' | 'departmentId'>>;

/** An update of a node's place, with the op its kind takes. */
export function nodePlaceUpdate(node: Pick<MapNode, 'id' | 'kind'>, fields: NodePlaceFields): Change {
  switch (node.kind) {
    case 'touchpoint':
      return { op: 'touchpoint.update', id: node.id, fields };
    case 'painpoint':
      return { op: 'painpoint.update', id: node.id, fields };
    case 'opportunity':
      return { op: 'opportunity.update', id: node.id, fields };
    case 'note':
      return { op: 'note.update', id: node.id, fields };
  }
}
