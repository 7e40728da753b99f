import { memo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
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
import { useDocument, useStores } from '../state/stores-context';
import {
  NumberField,
  ReadOnlyField,
  ReadOnlyText,
  SegmentedField,
  SelectField,
  TextField,
  requiredName,
} from './Fields';
import { Section, useApply } from './inspector-parts';

/** The inspector's forms for opportunities and free notes, and the opportunities list of a card. */

const STATUS_OPTIONS = OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: OPPORTUNITY_STATUS_LABELS[s] }));
/** ':' never occurs in ids, so this option cannot be mistaken for a department. */
const NO_OWNER = ':none';

export const OpportunityInspector = memo(function OpportunityInspector({ node }: { node: Opportunity }) {
  const apply = useApply();
  const { uiStore } = useStores();
  const departments = useDocument((s) => s.doc?.departments);
  const stageName = useDocument(
    (s) => s.doc?.stages.find((x) => x.id === node.stageId)?.name ?? 'Outside the stages',
  );
  const departmentName = useDocument(
    (s) => s.doc?.departments.find((x) => x.id === node.departmentId)?.name ?? 'Outside the lanes',
  );
  const attachedTo = useDocument(
    useShallow((s) => {
      const doc = s.doc;
      if (!doc) return [];
      const ids = new Set(
        doc.edges.filter((e) => e.kind === 'attachment' && e.sourceId === node.id).map((e) => e.targetId),
      );
      return ids.size ? doc.nodes.filter((n) => ids.has(n.id)) : [];
    }),
  );
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
      <TextField
        label="Name"
        value={node.name}
        trim
        validate={requiredName}
        maxLength={200}
        focusEntityId={node.id}
        onCommit={(name) => update({ name })}
      />
      <TextField
        label="Description"
        value={node.description}
        multiline
        maxLength={5000}
        placeholder="What will the team do, and what should change for the customer?"
        hint="Ctrl+Enter to save"
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
      <NumberField
        label="Votes"
        value={node.votes}
        min={0}
        max={100_000}
        stepper
        stepLabels={{ down: 'Remove a vote', up: 'Add a vote' }}
        onCommit={(votes) => update({ votes })}
      />
      <ReadOnlyText label="Stage" value={stageName} />
      <ReadOnlyText label="Department" value={departmentName} />
      <ReadOnlyField label="Attached to">
        {attachedTo.length === 0 ? (
          <span className="muted">
            Not attached. Drag from the card's top handle to the pain point or touchpoint it concerns.
          </span>
        ) : (
          <ul className="link-list">
            {attachedTo.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => uiStore.getState().selectOnly(n.id)}
                >
                  {nodeLabel(n)}
                </button>
              </li>
            ))}
          </ul>
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
export function AttachedOpportunities({ nodeId }: { nodeId: string }) {
  const { uiStore } = useStores();
  const attached = useDocument(
    useShallow((s) => {
      const doc = s.doc;
      if (!doc) return [];
      const ids = new Set(
        doc.edges.filter((e) => e.kind === 'attachment' && e.targetId === nodeId).map((e) => e.sourceId),
      );
      return ids.size
        ? doc.nodes.filter((n): n is Opportunity => n.kind === 'opportunity' && ids.has(n.id))
        : [];
    }),
  );
  return (
    <div className="field">
      <span className="field__label">Opportunities</span>
      {attached.length === 0 ? (
        <p className="field__hint">None yet. Add an opportunity with this card selected to attach it here.</p>
      ) : (
        <ul className="link-list">
          {attached.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => uiStore.getState().selectOnly(o.id)}
              >
                <span className={`opportunity-chip opportunity-chip--${o.status}`}>
                  {OPPORTUNITY_STATUS_LABELS[o.status]}
                </span>
                {o.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The inspector of a node of one of these kinds, or null for the other kinds. */
export function noteInspectorFor(node: MapNode): ReactNode {
  if (node.kind === 'opportunity') return <OpportunityInspector node={node} />;
  if (node.kind === 'note') return <NoteInspector node={node} />;
  return null;
}
