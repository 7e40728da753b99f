import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument, Note, NoteColour, Opportunity } from '../../../shared/domain/journey';
import { addNodeChanges, newId, placeNewNode } from './map-edits';
import { parseSelectionId, type Selection } from './ui-store';

/** Adding opportunities and free notes: pure functions from the document to change ops. */

/**
 * A new opportunity, in the cell of the selected card when there is room. When the selection is
 * one pain point or touchpoint, the opportunity is attached to it in the same step.
 */
export function addOpportunity(
  doc: JourneyDocument,
  selection: Selection,
): { changes: Change[]; id: string } {
  const placed = placeNewNode('opportunity', doc, selection);
  const { growLaneTo: _grow, ...place } = placed;
  const value: Opportunity = {
    kind: 'opportunity',
    id: newId(),
    ...place,
    name: 'New opportunity',
    description: '',
    status: 'idea',
    ownerDepartmentId: null,
    votes: 0,
  };
  const changes = addNodeChanges(doc, placed, value);
  const only = selection.nodes.length === 1 ? parseSelectionId(selection.nodes[0]!) : null;
  const target = only?.kind === 'node' ? doc.nodes.find((n) => n.id === only.id) : undefined;
  if (target && (target.kind === 'painpoint' || target.kind === 'touchpoint')) {
    changes.push({
      op: 'edge.add',
      value: { id: newId(), kind: 'attachment', sourceId: value.id, targetId: target.id, label: '' },
    });
  }
  return { changes, id: value.id };
}

/**
 * A new free note, in the cell of the selected card when there is room. Blue by default: yellow
 * stickies are the pain points.
 */
export function addNote(
  doc: JourneyDocument,
  selection: Selection,
  text = '',
  colour: NoteColour = 'blue',
): { changes: Change[]; id: string } {
  const placed = placeNewNode('note', doc, selection);
  const { growLaneTo: _grow, ...place } = placed;
  const value: Note = { kind: 'note', id: newId(), ...place, text, colour };
  return { changes: addNodeChanges(doc, placed, value), id: value.id };
}
