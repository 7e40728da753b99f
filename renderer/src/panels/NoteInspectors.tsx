import { memo, type ReactNode } from 'react';
import type { Change } from '../../../shared/domain/change-set';
import {
  NOTE_COLOURS,
  OPPORTUNITY_STATUSES,
  nodeLabel,
  type MapNode,
  type Note,
  type NoteColour,
  type Opportunity,
  type OpportunityStatus,
} from '../../../shared/domain/journey';
import { NOTE_COLOUR_LABELS, OPPORTUNITY_STATUS_LABELS } from '../canvas/note-elements';
import { useDocument } from '../state/stores-context';
import { ReadOnlyField, SegmentedField, SelectField, TextField } from './Fields';
import {
  AttachedList,
  CellNames,
  DescriptionField,
  LinkList,
  NameField,
  VotesField,
  useAttached,
} from './inspector-fields';
import { Section, useApply } from './inspector-parts';

/** The inspector's forms for opportunities and free notes, and the opportunities list of a card. */

const STATUS_OPTIONS = OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: OPPORTUNITY_STATUS_LABELS[s] }));
/** ':' never occurs in ids, so this option cannot be mistaken for a department. */
const NO_OWNER = ':none';

export const OpportunityInspector = memo(function OpportunityInspector({ node }: { node: Opportunity }) {
  const apply = useApply();
  const departments = useDocument((s) => s.doc?.departments);
  const attachedTo = useAttached(node.id, 'from');
  const ownerOptions = [
    { value: NO_OWNER, label: 'No owner yet' },
    ...[...(departments ?? [])]
      .sort((a, b) => a.order - b.order)
      .map((d) => ({ value: d.id, label: d.name })),
  ];
  const update = (fields: Extract<Change, { op: 'opportunity.update' }>['fields']) =>
    apply([{ op: 'opportunity.update', id: node.id, fields }]);
  return (
    <Section kind="Opportunity" title={node.name}>
      <NameField value={node.name} entityId={node.id} onCommit={(name) => update({ name })} />
      <DescriptionField
        value={node.description}
        placeholder="What will the team do, and what should change for the customer?"
        onCommit={(description) => update({ description })}
      />
      <div className="field-pair">
        <SelectField<OpportunityStatus>
          label="Status"
          value={node.status}
          options={STATUS_OPTIONS}
          onChange={(status) => update({ status })}
        />
        <SelectField<string>
          label="Owner"
          value={node.ownerDepartmentId ?? NO_OWNER}
          options={ownerOptions}
          onChange={(owner) => update({ ownerDepartmentId: owner === NO_OWNER ? null : owner })}
        />
      </div>
      <VotesField value={node.votes} onCommit={(votes) => update({ votes })} />
      <CellNames node={node} />
      <ReadOnlyField label="Attached to">
        {attachedTo.length === 0 ? (
          <span className="muted">
            Not attached. Drag from the card's top handle to the pain point or touchpoint it concerns.
          </span>
        ) : (
          <LinkList items={attachedTo}>{(n) => nodeLabel(n)}</LinkList>
        )}
      </ReadOnlyField>
    </Section>
  );
});

const COLOUR_OPTIONS = NOTE_COLOURS.map((colour) => ({
  value: colour,
  text: NOTE_COLOUR_LABELS[colour],
  title: NOTE_COLOUR_LABELS[colour],
  label: <span className={`note-swatch free-note--${colour}`} />,
}));

export const NoteInspector = memo(function NoteInspector({ node }: { node: Note }) {
  const apply = useApply();
  const update = (fields: Extract<Change, { op: 'note.update' }>['fields']) =>
    apply([{ op: 'note.update', id: node.id, fields }]);
  return (
    <Section kind="Free note" title={nodeLabel(node)}>
      <TextField
        label="Text"
        value={node.text}
        multiline
        rows={6}
        maxLength={5000}
        focusEntityId={node.id}
        placeholder="Anything the room says that is not a touchpoint, a pain point or an idea"
        hint="Ctrl+Enter to save"
        onCommit={(text) => update({ text })}
      />
      <SegmentedField<NoteColour>
        label="Colour"
        value={node.colour}
        options={COLOUR_OPTIONS}
        onChange={(colour) => update({ colour })}
      />
    </Section>
  );
});

/** The opportunities attached to a pain point or touchpoint, as links that select them. */
const isOpportunity = (n: MapNode): n is Opportunity => n.kind === 'opportunity';

export function AttachedOpportunities({ nodeId }: { nodeId: string }) {
  const attached = useAttached(nodeId, 'to', isOpportunity);
  return (
    <AttachedList
      label="Opportunities"
      items={attached}
      empty="None yet. Add an opportunity with this card selected to attach it here."
    >
      {(o) => (
        <>
          <span className={`opportunity-chip opportunity-chip--${o.status}`}>
            {OPPORTUNITY_STATUS_LABELS[o.status]}
          </span>
          {o.name}
        </>
      )}
    </AttachedList>
  );
}

/** The inspector of a node of one of these kinds, or null for the other kinds. */
export function noteInspectorFor(node: MapNode): ReactNode {
  if (node.kind === 'opportunity') return <OpportunityInspector node={node} />;
  if (node.kind === 'note') return <NoteInspector node={node} />;
  return null;
}
