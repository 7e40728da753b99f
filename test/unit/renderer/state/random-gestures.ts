import fc from 'fast-check';
import type { Change } from '../../../../shared/domain/change-set';
import {
  NOTE_COLOURS,
  OPPORTUNITY_STATUSES,
  PAIN_STATUSES,
  SEVERITIES,
  type JourneyDocument,
  type MapNode,
  type PainPoint,
  type Touchpoint,
} from '../../../../shared/domain/journey';
import { alignSelection, distributeSelection, type Alignment } from '../../../../renderer/src/state/arrange';
import { encodeSelection, planPaste } from '../../../../renderer/src/state/clipboard';
import { tidyPlan } from '../../../../renderer/src/state/tidy';
import {
  addDepartment,
  addPainPoint,
  addPersona,
  addStage,
  addTouchpoint,
  connectNodes,
  deleteSelection,
  moveNodeToCell,
  moveNodes,
  removePersona,
  resizeDepartment,
  resizeStage,
} from '../../../../renderer/src/state/map-edits';
import { addNote, addOpportunity } from '../../../../renderer/src/state/note-edits';
import {
  EMPTY_SELECTION,
  laneSelectionId,
  stageSelectionId,
  type Selection,
} from '../../../../renderer/src/state/ui-store';
import type { prng } from './journey-fixtures';

/**
 * Random user sessions for property tests: the gestures a user makes on a map (each built by the
 * same map-edits functions the app calls, so each is one `apply`), mixed with undo and redo.
 */

type Random = ReturnType<typeof prng>;

export const GESTURES = [
  'addStage',
  'addLane',
  'addTouchpoint',
  'addPainPoint',
  'moveNodes',
  'moveToCell',
  'resizeStage',
  'resizeLane',
  'connect',
  'deleteSelection',
  'rename',
  'editTouchpoint',
  'addPersona',
  'removePersona',
  'removeLaneOnly',
  'editEdge',
  'editPainPoint',
  'align',
  'distribute',
  'tidy',
  'paste',
  'addOpportunity',
  'addNote',
  'editOpportunity',
  'editNote',
] as const;
export type GestureKind = (typeof GESTURES)[number];

const select = (...nodes: string[]): Selection => ({ nodes, edges: [] });

/** One user gesture's ops on `doc`, its choices drawn from `random`. */
export function gesture(kind: GestureKind, doc: JourneyDocument, random: Random): Change[] {
  const node = (): MapNode | undefined => random.pick(doc.nodes);
  const someSelection = (): Selection => {
    const roll = random.next();
    const n = node();
    if (roll < 0.5 && n) return select(n.id);
    const s = random.pick(doc.stages);
    if (roll < 0.7 && s) return select(stageSelectionId(s.id));
    const d = random.pick(doc.departments);
    if (roll < 0.9 && d) return select(laneSelectionId(d.id));
    return EMPTY_SELECTION;
  };
  /** A few cards, as a box selection would pick them. */
  const cards = (): Selection =>
    select(
      ...random
        .subset(doc.nodes)
        .slice(0, 8)
        .map((n) => n.id),
    );
  switch (kind) {
    case 'addStage':
      return doc.stages.length < 8 ? addStage(doc).changes : [];
    case 'addLane':
      return doc.departments.length < 7 ? addDepartment(doc).changes : [];
    case 'addTouchpoint':
      return addTouchpoint(doc, someSelection()).changes;
    case 'addPainPoint':
      return addPainPoint(doc, someSelection()).changes;
    case 'moveNodes': {
      // Up to 30 cards dragged together.
      const moves = random
        .subset(doc.nodes)
        .slice(0, 30)
        .map((n) => ({ id: n.id, x: n.x + random.int(-400, 400) + 0.3, y: n.y + random.int(-300, 300) }));
      return moveNodes(doc, moves);
    }
    case 'moveToCell': {
      const n = node();
      const s = random.pick(doc.stages);
      const d = random.pick(doc.departments);
      if (!n) return [];
      return moveNodeToCell(doc, n.id, {
        ...(s && random.next() < 0.7 ? { stageId: s.id } : {}),
        ...(d && random.next() < 0.7 ? { departmentId: d.id } : {}),
      });
    }
    case 'resizeStage': {
      const s = random.pick(doc.stages);
      return s ? resizeStage(doc, s.id, random.int(12, 60) * 10) : [];
    }
    case 'resizeLane': {
      const d = random.pick(doc.departments);
      return d ? resizeDepartment(doc, d.id, random.int(8, 60) * 10) : [];
    }
    case 'connect': {
      const a = node();
      const b = node();
      if (!a || !b) return [];
      const result = connectNodes(doc, a.id, b.id);
      return 'change' in result ? [result.change] : [];
    }
    case 'deleteSelection': {
      const roll = random.next();
      const ids: string[] = [];
      if (roll < 0.5)
        ids.push(
          ...random
            .subset(doc.nodes)
            .slice(0, 4)
            .map((n) => n.id),
        );
      else if (roll < 0.75 && doc.stages.length > 1) ids.push(stageSelectionId(random.pick(doc.stages)!.id));
      else if (doc.departments.length > 1) ids.push(laneSelectionId(random.pick(doc.departments)!.id));
      const edges = random
        .subset(doc.edges)
        .slice(0, 2)
        .map((e) => e.id);
      return deleteSelection(doc, { nodes: ids, edges }).changes;
    }
    case 'rename': {
      const roll = random.next();
      const name = `Name ${random.int(1, 99)}`;
      const n = node();
      const s = random.pick(doc.stages);
      const d = random.pick(doc.departments);
      const p = random.pick(doc.personas);
      if (roll < 0.4 && n) {
        if (n.kind === 'note') return [{ op: 'note.update', id: n.id, fields: { text: name } }];
        if (n.kind === 'opportunity') return [{ op: 'opportunity.update', id: n.id, fields: { name } }];
        return [
          {
            op: n.kind === 'touchpoint' ? 'touchpoint.update' : 'painpoint.update',
            id: n.id,
            fields: { name },
          },
        ];
      }
      if (roll < 0.55 && s) return [{ op: 'stage.update', id: s.id, fields: { name } }];
      if (roll < 0.7 && d) return [{ op: 'department.update', id: d.id, fields: { name } }];
      if (roll < 0.85 && p) return [{ op: 'persona.update', id: p.id, fields: { name } }];
      return [{ op: 'journey.update', fields: { name } }];
    }
    case 'editTouchpoint': {
      const t = random.pick(doc.nodes.filter((n): n is Touchpoint => n.kind === 'touchpoint'));
      if (!t) return [];
      return [
        {
          op: 'touchpoint.update',
          id: t.id,
          fields: {
            emotion: random.int(-2, 2),
            personaIds: random.subset(doc.personas).map((p) => p.id),
            supportingDepartmentIds: random.subset(doc.departments).map((d) => d.id),
          },
        },
      ];
    }
    case 'addPersona':
      return doc.personas.length < 4 ? addPersona(doc).changes : [];
    case 'removePersona': {
      const p = random.pick(doc.personas);
      if (!p) return [];
      // Half the time as map-edits does it, half as a bare remove that the cascade cleans up after.
      return random.next() < 0.5 ? removePersona(doc, p.id) : [{ op: 'persona.remove', id: p.id }];
    }
    case 'removeLaneOnly': {
      // A bare lane remove: its cards stay, outside any lane, and it leaves supporting lists.
      const d = random.pick(doc.departments);
      return d && doc.departments.length > 1 ? [{ op: 'department.remove', id: d.id }] : [];
    }
    case 'editEdge': {
      const e = random.pick(doc.edges);
      return e ? [{ op: 'edge.update', id: e.id, fields: { label: `then ${random.int(1, 9)}` } }] : [];
    }
    case 'editPainPoint': {
      const p = random.pick(doc.nodes.filter((n): n is PainPoint => n.kind === 'painpoint'));
      if (!p) return [];
      return [
        {
          op: 'painpoint.update',
          id: p.id,
          fields: {
            severity: random.pick(SEVERITIES)!,
            status: random.pick(PAIN_STATUSES)!,
            votes: random.int(0, 12),
          },
        },
      ];
    }
    case 'align': {
      const alignments: Alignment[] = ['left', 'center', 'right', 'top', 'middle', 'bottom'];
      return alignSelection(doc, cards(), random.pick(alignments)!);
    }
    case 'distribute':
      return distributeSelection(doc, cards(), random.next() < 0.5 ? 'horizontal' : 'vertical');
    case 'tidy':
      return tidyPlan(doc, random.next() < 0.3 ? EMPTY_SELECTION : cards());
    case 'paste': {
      // Copy some cards (with the arrows among them) and paste them into this map.
      const envelope = encodeSelection(doc, cards());
      if (!envelope) return [];
      const at = random.next() < 0.5 ? { x: random.int(0, 1200), y: random.int(0, 800) } : null;
      return planPaste(doc, envelope, at, () => `paste-${random.int(0, 2 ** 30).toString(36)}`).changes;
    }
    case 'addOpportunity':
      return addOpportunity(doc, someSelection()).changes;
    case 'addNote':
      return addNote(doc, someSelection(), `Note ${random.int(1, 99)}`, random.pick(NOTE_COLOURS)).changes;
    case 'editOpportunity': {
      const o = random.pick(doc.nodes.filter((n) => n.kind === 'opportunity'));
      if (!o) return [];
      const owner = random.pick(doc.departments);
      return [
        {
          op: 'opportunity.update',
          id: o.id,
          fields: {
            status: random.pick(OPPORTUNITY_STATUSES)!,
            votes: random.int(0, 9),
            ownerDepartmentId: owner && random.next() < 0.7 ? owner.id : null,
          },
        },
      ];
    }
    case 'editNote': {
      const n = random.pick(doc.nodes.filter((x) => x.kind === 'note'));
      if (!n) return [];
      return [
        {
          op: 'note.update',
          id: n.id,
          fields: { text: `Said ${random.int(1, 99)}\nand more`, colour: random.pick(NOTE_COLOURS)! },
        },
      ];
    }
  }
}

/** A user's session: gestures, and now and then an undo or a redo. */
export type Step = { kind: GestureKind; seed: number } | { kind: 'undo' } | { kind: 'redo' };
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom(...GESTURES), seed: fc.integer() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);
export const sessionArbitrary = fc.array(stepArbitrary, { minLength: 1, maxLength: 40 });
