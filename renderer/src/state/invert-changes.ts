import { nodePlaceUpdate, type Change } from '../../../shared/domain/change-set';
import type { JourneyDocument, MapNode, Touchpoint } from '../../../shared/domain/journey';
import { applyChange } from './apply-change';

/**
 * Undo's arithmetic: the ops that take a document back to where it was before some changes.
 *
 * Each op is inverted against the document as it stands just before that op (the ops of one
 * gesture are processed in order, the document evolving as they apply), and the inverses come
 * back in reverse order, so the last change is undone first. A remove is inverted with everything
 * its cascade took, exactly as the database (and apply-change.ts) cascades it:
 *
 * - a removed node comes back, and then the edges that went with it (ON DELETE CASCADE);
 * - a removed stage or lane comes back, and then its nodes get their stageId / departmentId again
 *   (ON DELETE SET NULL), touchpoints get the lane back among their supporting lanes, and
 *   opportunities get it back as their owner;
 * - a removed persona comes back, and then the touchpoints that named it name it again.
 *
 * An update is inverted with the previous values of the fields it changed; fields it set to the
 * value they already had are left out, and an op that changed nothing has no inverse, so a gesture
 * that changed nothing inverts to no ops at all. Every op returned is a valid ChangeSet op.
 */

/** The document after `changes` and the ops that take it back to `doc`. */
export function applyAndInvert(
  doc: JourneyDocument,
  changes: readonly Change[],
): { doc: JourneyDocument; inverse: Change[] } {
  const groups: Change[][] = [];
  let current = doc;
  for (const change of changes) {
    groups.push(invertChange(current, change));
    current = applyChange(current, change);
  }
  const inverse: Change[] = [];
  for (let i = groups.length - 1; i >= 0; i--) inverse.push(...groups[i]!);
  return { doc: current, inverse };
}

/** The ops that take the document after `changes` back to `docBefore`. */
export function invertChanges(docBefore: JourneyDocument, changes: readonly Change[]): Change[] {
  return applyAndInvert(docBefore, changes).inverse;
}

const find = <T extends { id: string }>(items: readonly T[], id: string): T | undefined =>
  items.find((item) => item.id === id);

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((item, i) => Object.is(item, b[i]))
    : Object.is(a, b);

/**
 * The previous values of the fields an update changes, or null when it changes none. Fields the
 * entity does not have are left out (the update cannot have changed them).
 */
function previousValues<F extends object>(entity: object, fields: F): F | null {
  const before = entity as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || !Object.hasOwn(before, key)) continue;
    if (!sameValue(before[key], value)) previous[key] = before[key];
  }
  return Object.keys(previous).length > 0 ? (previous as F) : null;
}

/** A node update with the op its kind takes. */
function nodeUpdate(
  node: MapNode,
  fields: Partial<Pick<Touchpoint, 'stageId' | 'departmentId' | 'supportingDepartmentIds'>> & {
    ownerDepartmentId?: string | null;
  },
): Change {
  const { stageId, departmentId, supportingDepartmentIds, ownerDepartmentId } = fields;
  const place = {
    ...(stageId !== undefined ? { stageId } : {}),
    ...(departmentId !== undefined ? { departmentId } : {}),
  };
  if (node.kind === 'touchpoint')
    return {
      op: 'touchpoint.update',
      id: node.id,
      fields: { ...place, ...(supportingDepartmentIds !== undefined ? { supportingDepartmentIds } : {}) },
    };
  if (node.kind === 'opportunity')
    return {
      op: 'opportunity.update',
      id: node.id,
      fields: { ...place, ...(ownerDepartmentId !== undefined ? { ownerDepartmentId } : {}) },
    };
  // Only the fields every kind has reach here for the other kinds (stageId, departmentId).
  return nodePlaceUpdate(node, place);
}

/** The ops undoing one change, applied to `doc` (the document just before it). */
function invertChange(doc: JourneyDocument, change: Change): Change[] {
  switch (change.op) {
    case 'stage.add':
      return [{ op: 'stage.remove', id: change.value.id }];
    case 'stage.update': {
      const stage = find(doc.stages, change.id);
      const fields = stage && previousValues(stage, change.fields);
      return fields ? [{ op: 'stage.update', id: change.id, fields }] : [];
    }
    case 'stage.remove': {
      const stage = find(doc.stages, change.id);
      if (!stage) return [];
      return [
        { op: 'stage.add', value: stage },
        ...doc.nodes.filter((n) => n.stageId === stage.id).map((n) => nodeUpdate(n, { stageId: stage.id })),
      ];
    }

    case 'department.add':
      return [{ op: 'department.remove', id: change.value.id }];
    case 'department.update': {
      const department = find(doc.departments, change.id);
      const fields = department && previousValues(department, change.fields);
      return fields ? [{ op: 'department.update', id: change.id, fields }] : [];
    }
    case 'department.remove': {
      const department = find(doc.departments, change.id);
      if (!department) return [];
      const restore: Change[] = [];
      for (const n of doc.nodes) {
        const inLane = n.departmentId === department.id;
        const supporting = n.kind === 'touchpoint' && n.supportingDepartmentIds.includes(department.id);
        const owner = n.kind === 'opportunity' && n.ownerDepartmentId === department.id;
        if (!inLane && !supporting && !owner) continue;
        restore.push(
          nodeUpdate(n, {
            ...(inLane ? { departmentId: department.id } : {}),
            ...(supporting ? { supportingDepartmentIds: n.supportingDepartmentIds } : {}),
            ...(owner ? { ownerDepartmentId: department.id } : {}),
          }),
        );
      }
      return [{ op: 'department.add', value: department }, ...restore];
    }

    case 'node.add':
      return [{ op: 'node.remove', id: change.value.id }];
    case 'touchpoint.update': {
      const node = find(doc.nodes, change.id);
      const fields = node?.kind === 'touchpoint' ? previousValues(node, change.fields) : null;
      return fields ? [{ op: 'touchpoint.update', id: change.id, fields }] : [];
    }
    case 'painpoint.update': {
      const node = find(doc.nodes, change.id);
      const fields = node?.kind === 'painpoint' ? previousValues(node, change.fields) : null;
      return fields ? [{ op: 'painpoint.update', id: change.id, fields }] : [];
    }
    case 'opportunity.update': {
      const node = find(doc.nodes, change.id);
      const fields = node?.kind === 'opportunity' ? previousValues(node, change.fields) : null;
      return fields ? [{ op: 'opportunity.update', id: change.id, fields }] : [];
    }
    case 'note.update': {
      const node = find(doc.nodes, change.id);
      const fields = node?.kind === 'note' ? previousValues(node, change.fields) : null;
      return fields ? [{ op: 'note.update', id: change.id, fields }] : [];
    }
    case 'node.remove': {
      const node = find(doc.nodes, change.id);
      if (!node) return [];
      return [
        { op: 'node.add', value: node },
        ...doc.edges
          .filter((e) => e.sourceId === node.id || e.targetId === node.id)
          .map((value): Change => ({ op: 'edge.add', value })),
      ];
    }

    case 'edge.add':
      return [{ op: 'edge.remove', id: change.value.id }];
    case 'edge.update': {
      const edge = find(doc.edges, change.id);
      const fields = edge && previousValues(edge, change.fields);
      return fields ? [{ op: 'edge.update', id: change.id, fields }] : [];
    }
    case 'edge.remove': {
      const edge = find(doc.edges, change.id);
      return edge ? [{ op: 'edge.add', value: edge }] : [];
    }

    case 'persona.add':
      return [{ op: 'persona.remove', id: change.value.id }];
    case 'persona.update': {
      const persona = find(doc.personas, change.id);
      const fields = persona && previousValues(persona, change.fields);
      return fields ? [{ op: 'persona.update', id: change.id, fields }] : [];
    }
    case 'persona.remove': {
      const persona = find(doc.personas, change.id);
      if (!persona) return [];
      return [
        { op: 'persona.add', value: persona },
        ...doc.nodes
          .filter((n): n is Touchpoint => n.kind === 'touchpoint' && n.personaIds.includes(persona.id))
          .map((n): Change => ({ op: 'touchpoint.update', id: n.id, fields: { personaIds: n.personaIds } })),
      ];
    }

    case 'journey.update': {
      const fields = previousValues(doc.journey, change.fields);
      return fields ? [{ op: 'journey.update', fields }] : [];
    }
  }
}
