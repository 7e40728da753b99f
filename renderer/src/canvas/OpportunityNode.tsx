import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { HANDLE, type OpportunityFlowNode } from './flow-types';
import { EditableName, useInlineEditing } from './InlineNameEditor';
import { OPPORTUNITY_STATUS_LABELS } from './note-elements';

/** A light bulb: an idea. */
export function BulbGlyph({ size = 14 }: { size?: number }) {
  return (
    <svg
      className="glyph"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M8 1.8a4.4 4.4 0 0 0-2.6 7.9c.5.4.8 1 .8 1.6v.4h3.6v-.4c0-.6.3-1.2.8-1.6A4.4 4.4 0 0 0 8 1.8zM6.3 13.2h3.4M6.9 14.8h2.2" />
    </svg>
  );
}

/**
 * An opportunity: what the team will do about a pain point. Drag from its top handle to the pain
 * point or touchpoint it concerns.
 */
function OpportunityNodeComponent({ data, selected }: NodeProps<OpportunityFlowNode>) {
  const { opportunity, owner } = data;
  const editing = useInlineEditing(opportunity.id);
  const votes = `${opportunity.votes} vote${opportunity.votes === 1 ? '' : 's'}`;
  return (
    <div
      className={`opportunity-note opportunity-note--${opportunity.status}${selected ? ' is-selected' : ''}`}
      data-testid="opportunity-note"
    >
      <Handle type="source" position={Position.Top} id={HANDLE.attachOut} className="handle handle--attach" />
      <div className="opportunity-note__top">
        <span className="opportunity-note__kind" title="Opportunity">
          <BulbGlyph />
        </span>
        <span className={`opportunity-chip opportunity-chip--${opportunity.status}`}>
          {OPPORTUNITY_STATUS_LABELS[opportunity.status]}
        </span>
        {owner && (
          <span
            className="opportunity-note__owner"
            title={`Owner: ${owner.name}`}
            role="img"
            aria-label={`Owner: ${owner.name}`}
            style={{ background: owner.colour }}
          />
        )}
        <span className="opportunity-note__votes" title={votes} aria-label={votes}>
          <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
            <path d="M5 1.5 9 8H1z" fill="currentColor" />
          </svg>
          {opportunity.votes}
        </span>
      </div>
      <EditableName
        editing={editing}
        target={opportunity.id}
        value={opportunity.name}
        label="Opportunity name"
        placeholder="Name this idea"
        className="opportunity-note__name"
      />
    </div>
  );
}

export const OpportunityNode = memo(OpportunityNodeComponent);
