import { NODE_UPDATE_OPS, type Change } from '../../../shared/domain/change-set';

/**
 * The saver's queue of ops not yet confirmed by the API. Appending coalesces: an update of an
 * entity that is still queued is merged into the queued update (or into the queued add) of the
 * same entity, so dragging a card ten times or typing in three fields is one op per entity.
 *
 * Merging moves the later update's effect earlier in the queue, which is safe only across other
 * updates: the scan stops at any add or remove, so an update never overtakes the add of something
 * it refers to (a new stage, a new lane) nor a remove that must run first.
 */

type UpdateChange = Extract<Change, { fields: object }>;

const isUpdate = (change: Change): change is UpdateChange => 'fields' in change;

/** 'node:<id>', 'stage:<id>' … the entity an op is about ('journey' for the map itself). */
export function entityKey(change: Change): string {
  switch (change.op) {
    case 'journey.update':
      return 'journey';
    case 'stage.add':
    case 'department.add':
    case 'node.add':
    case 'edge.add':
    case 'persona.add':
      return `${change.op.split('.')[0]}:${change.value.id}`;
    case 'touchpoint.update':
    case 'painpoint.update':
    case 'opportunity.update':
    case 'note.update':
    case 'node.remove':
      return `node:${change.id}`;
    default:
      return `${change.op.split('.')[0]}:${change.id}`;
  }
}

/** The update merged into an earlier op on the same entity, or null when they cannot merge. */
function merge(earlier: Change, update: UpdateChange): Change | null {
  if (entityKey(earlier) !== entityKey(update)) return null;
  if (earlier.op === update.op && isUpdate(earlier)) {
    // Same op on the same entity: the field types are the same, so the spread is well typed.
    return { ...earlier, fields: { ...earlier.fields, ...update.fields } } as Change;
  }
  if ('value' in earlier) {
    const compatible =
      earlier.op === 'node.add'
        ? NODE_UPDATE_OPS[earlier.value.kind] === update.op
        : earlier.op.split('.')[0] === update.op.split('.')[0];
    if (compatible) return { ...earlier, value: { ...earlier.value, ...update.fields } } as Change;
  }
  return null;
}

/** The queue with `changes` appended, coalescing updates into queued ops of the same entity. */
export function enqueueChanges(queue: readonly Change[], changes: readonly Change[]): Change[] {
  const next = queue.slice();
  for (const change of changes) {
    if (isUpdate(change)) {
      let merged = false;
      for (let i = next.length - 1; i >= 0; i--) {
        const earlier = next[i]!;
        const combined = merge(earlier, change);
        if (combined) {
          next[i] = combined;
          merged = true;
          break;
        }
        if (!isUpdate(earlier)) break;
      }
      if (merged) continue;
    }
    next.push(change);
  }
  return next;
}
