import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MapNode } from '../../../shared/domain/journey';
import { useDocument, useStores } from '../state/stores-context';
import { NumberField, ReadOnlyText, TextField, requiredName } from './Fields';

/**
 * The fields several inspector forms show the same way (touchpoints, pain points, opportunities,
 * stages, lanes, the map, personas), written once so they look and behave alike everywhere.
 */

/** A required name: trimmed, at most 200 characters; `entityId` lets a command focus it. */
export function NameField({
  label = 'Name',
  value,
  entityId,
  onCommit,
}: {
  label?: string;
  value: string;
  entityId?: string;
  onCommit(name: string): void;
}) {
  return (
    <TextField
      label={label}
      value={value}
      trim
      validate={requiredName}
      maxLength={200}
      {...(entityId ? { focusEntityId: entityId } : {})}
      onCommit={onCommit}
    />
  );
}

/** A description: several lines, saved with Ctrl+Enter (or by leaving the field). */
export function DescriptionField({
  value,
  rows,
  placeholder,
  onCommit,
}: {
  value: string;
  rows?: number;
  placeholder?: string;
  onCommit(description: string): void;
}) {
  return (
    <TextField
      label="Description"
      value={value}
      multiline
      {...(rows ? { rows } : {})}
      maxLength={5000}
      {...(placeholder ? { placeholder } : {})}
      hint="Ctrl+Enter to save"
      onCommit={onCommit}
    />
  );
}

/** Dot votes, with − and + buttons beside the number. */
export function VotesField({ value, onCommit }: { value: number; onCommit(votes: number): void }) {
  return (
    <NumberField
      label="Votes"
      value={value}
      min={0}
      max={100_000}
      stepper
      stepLabels={{ down: 'Remove a vote', up: 'Add a vote' }}
      onCommit={onCommit}
    />
  );
}

/** The stage and lane a note sits in, read-only: it moves by dragging. */
export function CellNames({ node }: { node: Pick<MapNode, 'stageId' | 'departmentId'> }) {
  const stageName = useDocument(
    (s) => s.doc?.stages.find((x) => x.id === node.stageId)?.name ?? 'Outside the stages',
  );
  const departmentName = useDocument(
    (s) => s.doc?.departments.find((x) => x.id === node.departmentId)?.name ?? 'Outside the lanes',
  );
  return (
    <>
      <ReadOnlyText label="Stage" value={stageName} />
      <ReadOnlyText label="Department" value={departmentName} />
    </>
  );
}

/** How many cards a stage or lane holds, under its fields. */
export function CardCount({ count, band }: { count: number; band: 'stage' | 'lane' }) {
  return (
    <p className="inspector__note">
      {count} card{count === 1 ? '' : 's'}
      {band === 'stage' ? ' in this stage.' : ' in this lane.'}
    </p>
  );
}

/**
 * The nodes attached to `nodeId`: with `side: 'to'` those whose attachment points at it (its pain
 * points, its opportunities), with `side: 'from'` those its own attachments point at.
 */
export function useAttached<T extends MapNode = MapNode>(
  nodeId: string,
  side: 'to' | 'from',
  accept: (node: MapNode) => node is T = (_node): _node is T => true,
): T[] {
  return useDocument(
    useShallow((s) => {
      const doc = s.doc;
      if (!doc) return [];
      const ids = new Set(
        doc.edges
          .filter((e) => e.kind === 'attachment' && (side === 'to' ? e.targetId : e.sourceId) === nodeId)
          .map((e) => (side === 'to' ? e.sourceId : e.targetId)),
      );
      return ids.size ? doc.nodes.filter((n): n is T => ids.has(n.id) && accept(n)) : [];
    }),
  );
}

/** A link that selects a node on the map (and shows it in the inspector). */
export function SelectLink({ id, children }: { id: string; children: ReactNode }) {
  const { uiStore } = useStores();
  return (
    <button type="button" className="link-button" onClick={() => uiStore.getState().selectOnly(id)}>
      {children}
    </button>
  );
}

/** A list of links to nodes, one a line. */
export function LinkList<T extends { id: string }>({
  items,
  children,
}: {
  items: readonly T[];
  children(item: T): ReactNode;
}) {
  return (
    <ul className="link-list">
      {items.map((item) => (
        <li key={item.id}>
          <SelectLink id={item.id}>{children(item)}</SelectLink>
        </li>
      ))}
    </ul>
  );
}

/** A labelled list of attached nodes, or a hint when there are none. */
export function AttachedList<T extends { id: string }>({
  label,
  items,
  empty,
  children,
}: {
  label: string;
  items: readonly T[];
  empty: string;
  children(item: T): ReactNode;
}) {
  return (
    <div className="field">
      <span className="field__label">{label}</span>
      {items.length === 0 ? (
        <p className="field__hint">{empty}</p>
      ) : (
        <LinkList items={items}>{children}</LinkList>
      )}
    </div>
  );
}
