import { memo, type ReactNode } from 'react';
import type { Change } from '../../../shared/domain/change-set';
import {
  CHANNELS,
  CHANNEL_LABELS,
  PAIN_STATUSES,
  SEVERITIES,
  nodeLabel,
  type Channel,
  type MapNode,
  type PainPoint,
  type PainStatus,
  type Severity,
  type Touchpoint,
} from '../../../shared/domain/journey';
import { isHandoff } from '../../../shared/graph/rules';
import { EMOTION_LABELS, EmotionFace, formatEmotion } from '../canvas/Glyphs';
import { SEVERITY_LABELS, STATUS_LABELS } from '../canvas/PainPointNode';
import { moveToCell } from '../state/grid-edits';
import { addPersona, removePersona, resizeDepartment, resizeStage } from '../state/map-edits';
import { useDocument, useStores, useUi } from '../state/stores-context';
import { parseSelectionId } from '../state/ui-store';
import {
  CheckboxList,
  ColourField,
  NumberField,
  ReadOnlyField,
  SegmentedField,
  SelectField,
  TextField,
} from './Fields';
import { TouchpointDataSection } from '../overlay/TouchpointDataSection';
import { MapDataSection } from '../import/MapDataSection';
import { Icon } from './Icon';
import { AttachedOpportunities, noteInspectorFor } from './NoteInspectors';
import { Section, useApply } from './inspector-parts';
import {
  AttachedList,
  CardCount,
  CellNames,
  DescriptionField,
  NameField,
  SelectLink,
  VotesField,
  useAttached,
} from './inspector-fields';

/**
 * The right-hand panel: the properties of what is selected, or of the map when nothing is. With
 * `readOnly` (a snapshot) every field and button is disabled by one disabled fieldset.
 */
export function Inspector({ readOnly = false }: { readOnly?: boolean }) {
  const target = useUi((s) => {
    const { nodes, edges } = s.selection;
    if (nodes.length + edges.length === 0) return 'map';
    if (nodes.length + edges.length > 1) return `multi:${nodes.length}:${edges.length}`;
    return nodes.length ? `node:${nodes[0]}` : `edge:${edges[0]}`;
  });
  let content: ReactNode;
  if (target === 'map') content = <MapProperties />;
  else if (target.startsWith('multi:')) {
    const [, nodeCount, edgeCount] = target.split(':');
    content = <MultiSelection nodes={Number(nodeCount)} edges={Number(edgeCount)} />;
  } else if (target.startsWith('edge:')) {
    const id = target.slice('edge:'.length);
    content = <EdgeInspector key={id} id={id} />;
  } else {
    const selected = parseSelectionId(target.slice('node:'.length));
    content =
      selected.kind === 'stage' ? (
        <StageInspector key={selected.id} id={selected.id} />
      ) : selected.kind === 'lane' ? (
        <DepartmentInspector key={selected.id} id={selected.id} />
      ) : (
        <NodeInspector key={selected.id} id={selected.id} />
      );
  }
  return (
    <aside className={`inspector${readOnly ? ' inspector--read-only' : ''}`} aria-label="Inspector">
      {readOnly ? (
        <fieldset className="inspector__fieldset" disabled>
          <p className="inspector__read-only">
            <Icon name="lock" size={15} />
            Read-only snapshot
          </p>
          {content}
        </fieldset>
      ) : (
        content
      )}
    </aside>
  );
}

function Gone() {
  return (
    <Section kind="Selection">
      <p className="inspector__empty">This item no longer exists.</p>
    </Section>
  );
}

const stageOptionsOf = (stages: readonly { id: string; name: string; order: number }[]) =>
  [...stages].sort((a, b) => a.order - b.order).map((s) => ({ value: s.id, label: s.name }));

function useStageOptions() {
  const stages = useDocument((s) => s.doc?.stages);
  return stages ? stageOptionsOf(stages) : [];
}
function useDepartmentOptions() {
  const departments = useDocument((s) => s.doc?.departments);
  return departments
    ? [...departments]
        .sort((a, b) => a.order - b.order)
        .map((d) => ({ value: d.id, label: d.name, swatch: d.colour }))
    : [];
}

function NodeInspector({ id }: { id: string }) {
  const node = useDocument((s) => s.doc?.nodes.find((n) => n.id === id));
  if (!node) return <Gone />;
  if (node.kind === 'opportunity' || node.kind === 'note') return noteInspectorFor(node);
  return node.kind === 'touchpoint' ? (
    <TouchpointInspector node={node} />
  ) : (
    <PainPointInspector node={node} />
  );
}

const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const MODE_OPTIONS = [
  {
    value: 'experience',
    label: 'Experience',
    text: 'Experience',
    title: 'Proactive: a designed touchpoint',
    tone: 'experience',
  },
  {
    value: 'service',
    label: 'Service',
    text: 'Service',
    title: 'Reactive: help after a need or problem',
    tone: 'service',
  },
] as const;
const EMOTION_OPTIONS = [-2, -1, 0, 1, 2].map((value) => ({
  value,
  text: formatEmotion(value),
  title: `${formatEmotion(value)}: ${EMOTION_LABELS[value]}`,
  label: (
    <span className="emotion-option">
      <EmotionFace value={value} size={15} />
      {formatEmotion(value)}
    </span>
  ),
}));
/* Labels avoid the words of other fields' labels ("stage", "department"), so each field has a
 * label of its own for assistive technology and tests alike. */
const VISIBILITY_OPTIONS = [
  { value: 'front', label: 'Visible', text: 'Visible', title: 'Frontstage: the customer sees it' },
  { value: 'back', label: 'Hidden', text: 'Hidden', title: 'Backstage: work behind the scenes' },
] as const;

const TouchpointInspector = memo(function TouchpointInspector({ node }: { node: Touchpoint }) {
  const apply = useApply();
  const doc = useStores().documentStore;
  const stageOptions = useStageOptions();
  const departmentOptions = useDepartmentOptions();
  const personas = useDocument((s) => s.doc?.personas);
  const update = (fields: Extract<Change, { op: 'touchpoint.update' }>['fields']) =>
    apply([{ op: 'touchpoint.update', id: node.id, fields }]);
  const moveTo = (cell: { stageId?: string; departmentId?: string }) => {
    const current = doc.getState().doc;
    if (current) apply(moveToCell(current, node.id, cell));
  };
  return (
    <Section kind="Touchpoint" title={node.name}>
      <NameField value={node.name} entityId={node.id} onCommit={(name) => update({ name })} />
      <DescriptionField value={node.description} onCommit={(description) => update({ description })} />
      <SelectField<Channel>
        label="Channel"
        value={node.channel}
        options={CHANNEL_OPTIONS}
        onChange={(channel) => update({ channel })}
      />
      <SegmentedField
        label="Mode"
        value={node.mode}
        options={MODE_OPTIONS}
        onChange={(mode) => update({ mode })}
      />
      <SegmentedField
        label="Emotion"
        value={node.emotion}
        options={EMOTION_OPTIONS}
        onChange={(emotion) => update({ emotion })}
      />
      <SelectField
        label="Stage"
        value={node.stageId ?? ''}
        options={stageOptions}
        emptyLabel="Outside the stages"
        onChange={(stageId) => moveTo({ stageId })}
      />
      <SelectField
        label="Department"
        value={node.departmentId ?? ''}
        options={departmentOptions}
        emptyLabel="Outside the lanes"
        onChange={(departmentId) => moveTo({ departmentId })}
      />
      <SegmentedField
        label="Visibility"
        value={node.frontstage ? 'front' : 'back'}
        options={VISIBILITY_OPTIONS}
        onChange={(value) => update({ frontstage: value === 'front' })}
      />
      <CheckboxList
        label="Supporting teams"
        options={departmentOptions.filter((d) => d.value !== node.departmentId)}
        values={node.supportingDepartmentIds}
        empty="No other lanes on this map."
        onChange={(supportingDepartmentIds) => update({ supportingDepartmentIds })}
      />
      <CheckboxList
        label="Personas"
        options={(personas ?? []).map((p) => ({ value: p.id, label: p.name }))}
        values={node.personaIds}
        empty="No personas yet: add them in the map's properties (click an empty spot of the canvas)."
        onChange={(personaIds) => update({ personaIds })}
      />
      <TextField
        label="Metric key"
        value={node.metricKey}
        maxLength={200}
        hint="Matches imported survey or operations data to this touchpoint."
        onCommit={(metricKey) => update({ metricKey })}
      />
      <AttachedPainPoints touchpointId={node.id} />
      <TouchpointDataSection touchpointId={node.id} />
      <AttachedOpportunities nodeId={node.id} />
    </Section>
  );
});

const isPainPoint = (n: MapNode): n is PainPoint => n.kind === 'painpoint';

function AttachedPainPoints({ touchpointId }: { touchpointId: string }) {
  const attached = useAttached(touchpointId, 'to', isPainPoint);
  return (
    <AttachedList
      label="Pain points"
      items={attached}
      empty="None attached. Drag from a pain point's top handle to this card."
    >
      {(p) => (
        <>
          <span className={`severity-chip severity-chip--${p.severity}`}>{SEVERITY_LABELS[p.severity]}</span>
          {p.name}
        </>
      )}
    </AttachedList>
  );
}

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }));
const STATUS_OPTIONS = PAIN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

const PainPointInspector = memo(function PainPointInspector({ node }: { node: PainPoint }) {
  const apply = useApply();
  const attachedTo = useDocument((s) => {
    const edge = s.doc?.edges.find((e) => e.kind === 'attachment' && e.sourceId === node.id);
    return edge ? (s.doc?.nodes.find((n) => n.id === edge.targetId) ?? null) : null;
  });
  const update = (fields: Extract<Change, { op: 'painpoint.update' }>['fields']) =>
    apply([{ op: 'painpoint.update', id: node.id, fields }]);
  return (
    <Section kind="Pain point" title={node.name}>
      <NameField value={node.name} entityId={node.id} onCommit={(name) => update({ name })} />
      <DescriptionField value={node.description} onCommit={(description) => update({ description })} />
      <div className="field-pair">
        <SelectField<Severity>
          label="Severity"
          value={node.severity}
          options={SEVERITY_OPTIONS}
          onChange={(severity) => update({ severity })}
        />
        <SelectField<PainStatus>
          label="Status"
          value={node.status}
          options={STATUS_OPTIONS}
          onChange={(status) => update({ status })}
        />
      </div>
      <TextField
        label="Evidence"
        value={node.evidence}
        multiline
        maxLength={5000}
        placeholder="A customer quote, a ticket, a number"
        onCommit={(evidence) => update({ evidence })}
      />
      <VotesField value={node.votes} onCommit={(votes) => update({ votes })} />
      <CellNames node={node} />
      <ReadOnlyField label="Attached to">
        {attachedTo ? (
          <SelectLink id={attachedTo.id}>{nodeLabel(attachedTo)}</SelectLink>
        ) : (
          <span className="muted">Not attached. Drag from the note's top handle to a touchpoint.</span>
        )}
      </ReadOnlyField>
      <AttachedOpportunities nodeId={node.id} />
    </Section>
  );
});

function EdgeInspector({ id }: { id: string }) {
  const apply = useApply();
  const edge = useDocument((s) => s.doc?.edges.find((e) => e.id === id));
  const source = useDocument((s) => (edge ? s.doc?.nodes.find((n) => n.id === edge.sourceId) : undefined));
  const target = useDocument((s) => (edge ? s.doc?.nodes.find((n) => n.id === edge.targetId) : undefined));
  const departments = useDocument((s) => s.doc?.departments);
  if (!edge) return <Gone />;
  const byId = new Map<string, MapNode>();
  if (source) byId.set(source.id, source);
  if (target) byId.set(target.id, target);
  const handoff = isHandoff(edge, byId);
  const departmentName = (departmentId: string | null | undefined) =>
    departments?.find((d) => d.id === departmentId)?.name ?? '—';
  return (
    <Section
      kind="Connection"
      title={
        edge.kind === 'flow'
          ? 'Customer path'
          : source?.kind === 'opportunity'
            ? 'Opportunity attachment'
            : 'Pain point attachment'
      }
    >
      <ReadOnlyField label="Kind">
        {edge.kind === 'flow'
          ? 'Flow: the customer moves on to the next touchpoint'
          : source?.kind === 'opportunity'
            ? 'Attachment: an idea for what it concerns'
            : 'Attachment: a pain point at this touchpoint'}
      </ReadOnlyField>
      <TextField
        label="Label"
        value={edge.label}
        maxLength={200}
        placeholder="e.g. clicks “Buy now”"
        onCommit={(label) => apply([{ op: 'edge.update', id, fields: { label } }])}
      />
      <div className="field-pair">
        <ReadOnlyField label="From">{source ? nodeLabel(source) : '—'}</ReadOnlyField>
        <ReadOnlyField label="To">{target ? nodeLabel(target) : '—'}</ReadOnlyField>
      </div>
      {handoff && (
        <p className="handoff-note">
          <Icon name="alert" size={16} />
          <span>
            Hand-off between {departmentName(source?.departmentId)} and {departmentName(target?.departmentId)}
            : responsibility for the customer changes teams here.
          </span>
        </p>
      )}
    </Section>
  );
}

function StageInspector({ id }: { id: string }) {
  const apply = useApply();
  const { documentStore } = useStores();
  const stage = useDocument((s) => s.doc?.stages.find((x) => x.id === id));
  const count = useDocument((s) => s.doc?.nodes.filter((n) => n.stageId === id).length ?? 0);
  if (!stage) return <Gone />;
  return (
    <Section kind="Stage" title={stage.name}>
      <NameField
        value={stage.name}
        entityId={id}
        onCommit={(name) => apply([{ op: 'stage.update', id, fields: { name } }])}
      />
      <TextField
        label="Goal"
        value={stage.goal}
        multiline
        rows={2}
        maxLength={500}
        placeholder="What the customer wants here"
        onCommit={(goal) => apply([{ op: 'stage.update', id, fields: { goal } }])}
      />
      <NumberField
        label="Width"
        value={stage.width}
        min={120}
        max={4000}
        unit="px"
        onCommit={(width) => {
          const doc = documentStore.getState().doc;
          if (doc) apply(resizeStage(doc, id, width));
        }}
      />
      <CardCount count={count} band="stage" />
    </Section>
  );
}

function DepartmentInspector({ id }: { id: string }) {
  const apply = useApply();
  const { documentStore } = useStores();
  const department = useDocument((s) => s.doc?.departments.find((x) => x.id === id));
  const count = useDocument((s) => s.doc?.nodes.filter((n) => n.departmentId === id).length ?? 0);
  if (!department) return <Gone />;
  return (
    <Section kind="Department lane" title={department.name}>
      <NameField
        value={department.name}
        entityId={id}
        onCommit={(name) => apply([{ op: 'department.update', id, fields: { name } }])}
      />
      <ColourField
        label="Colour"
        value={department.colour}
        onChange={(colour) => apply([{ op: 'department.update', id, fields: { colour } }])}
      />
      <NumberField
        label="Height"
        value={department.height}
        min={80}
        max={4000}
        unit="px"
        onCommit={(height) => {
          const doc = documentStore.getState().doc;
          if (doc) apply(resizeDepartment(doc, id, height));
        }}
      />
      <CardCount count={count} band="lane" />
    </Section>
  );
}

function MultiSelection({ nodes, edges }: { nodes: number; edges: number }) {
  const parts = [
    nodes ? `${nodes} item${nodes === 1 ? '' : 's'}` : '',
    edges ? `${edges} connection${edges === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <Section kind="Selection" title={`${parts} selected`}>
      <p className="inspector__note">Drag to move them together, or press Delete to remove them.</p>
    </Section>
  );
}

function MapProperties() {
  const apply = useApply();
  const name = useDocument((s) => s.doc?.journey.name ?? '');
  const description = useDocument((s) => s.doc?.journey.description ?? '');
  return (
    <>
      <Section kind="Map" title="Map properties">
        <NameField
          value={name}
          onCommit={(value) => apply([{ op: 'journey.update', fields: { name: value } }])}
        />
        <DescriptionField
          value={description}
          rows={4}
          onCommit={(value) => apply([{ op: 'journey.update', fields: { description: value } }])}
        />
      </Section>
      <MapDataSection />
      <Personas />
      <section className="inspector__section inspector__tips">
        <h2 className="inspector__subtitle">Tips</h2>
        <ul>
          <li>Double-click an empty spot to add a touchpoint there.</li>
          <li>Drag from a card's right handle to another card to draw the customer's path.</li>
          <li>Click a stage or lane header to edit it.</li>
        </ul>
      </section>
    </>
  );
}

function Personas() {
  const apply = useApply();
  const { documentStore, uiStore } = useStores();
  const personas = useDocument((s) => s.doc?.personas);
  const sorted = personas ? [...personas].sort((a, b) => a.order - b.order) : [];
  return (
    <section className="inspector__section">
      <div className="inspector__row">
        <h2 className="inspector__subtitle">Personas</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const doc = documentStore.getState().doc;
            if (!doc) return;
            const edit = addPersona(doc);
            apply(edit.changes);
            uiStore.getState().requestFocus(edit.id);
          }}
        >
          <Icon name="plus" size={16} />
          Add persona
        </button>
      </div>
      {sorted.length === 0 && <p className="inspector__empty">Who is this journey for? Add a persona.</p>}
      {sorted.map((persona) => (
        <div key={persona.id} className="persona-card">
          <div className="persona-card__head">
            <Icon name="person" size={16} />
            <span className="persona-card__name">{persona.name}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove persona ${persona.name}`}
              title={`Remove persona ${persona.name}`}
              onClick={() => {
                const doc = documentStore.getState().doc;
                if (doc) apply(removePersona(doc, persona.id));
              }}
            >
              <Icon name="trash" size={16} />
            </button>
          </div>
          <NameField
            label="Persona"
            value={persona.name}
            entityId={persona.id}
            onCommit={(name) => apply([{ op: 'persona.update', id: persona.id, fields: { name } }])}
          />
          <TextField
            label="Role"
            value={persona.role}
            maxLength={200}
            placeholder="e.g. 34, buys gifts online"
            onCommit={(role) => apply([{ op: 'persona.update', id: persona.id, fields: { role } }])}
          />
          <TextField
            label="Goals"
            value={persona.goals}
            multiline
            rows={2}
            maxLength={5000}
            onCommit={(goals) => apply([{ op: 'persona.update', id: persona.id, fields: { goals } }])}
          />
          <TextField
            label="Frustrations"
            value={persona.frustrations}
            multiline
            rows={2}
            maxLength={5000}
            onCommit={(frustrations) =>
              apply([{ op: 'persona.update', id: persona.id, fields: { frustrations } }])
            }
          />
          <TextField
            label="Quote"
            value={persona.quote}
            multiline
            rows={2}
            maxLength={1000}
            onCommit={(quote) => apply([{ op: 'persona.update', id: persona.id, fields: { quote } }])}
          />
        </div>
      ))}
    </section>
  );
}
