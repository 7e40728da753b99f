import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EditableName, useInlineEditing } from './InlineNameEditor';
import { memo } from 'react';
import { FarPainNote } from './FarCards';
import { HANDLE, type PainPointFlowNode } from './flow-types';
import { useCardDrawing } from './far-cards';
import { VoteButtons } from './VoteButtons';

export const SEVERITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;
export const STATUS_LABELS = { open: 'Open', 'in-progress': 'In progress', resolved: 'Resolved' } as const;

/** A pain point as a sticky note; drag from its top handle to the touchpoint it concerns. */
function PainPointNodeComponent({ data, selected }: NodeProps<PainPointFlowNode>) {
  const { painPoint } = data;
  const editing = useInlineEditing(painPoint.id);
  const drawing = useCardDrawing();
  if (drawing !== 'near' && !editing)
    return <FarPainNote painPoint={painPoint} selected={selected} handles={drawing === 'far'} />;
  return (
    <div
      className={`pain-note pain-note--${painPoint.status}${selected ? ' is-selected' : ''}`}
      data-testid="painpoint-note"
    >
      <Handle type="source" position={Position.Top} id={HANDLE.attachOut} className="handle handle--attach" />
      <Handle
        type="target"
        position={Position.Bottom}
        id={HANDLE.attachIn}
        className="handle handle--attach handle--attach-in"
      />
      <div className="pain-note__top">
        <span className={`severity-chip severity-chip--${painPoint.severity}`}>
          {SEVERITY_LABELS[painPoint.severity]}
        </span>
        <span className="pain-note__status">{STATUS_LABELS[painPoint.status]}</span>
        <span
          className="pain-note__votes"
          title={`${painPoint.votes} vote${painPoint.votes === 1 ? '' : 's'}`}
          data-testid="pain-votes"
        >
          <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
            <path d="M5 1.5 9 8H1z" fill="currentColor" />
          </svg>
          {painPoint.votes}
        </span>
      </div>
      <EditableName
        editing={editing}
        target={painPoint.id}
        value={painPoint.name}
        label="Pain point name"
        placeholder="Name this pain point"
        className="pain-note__name"
      />
      <VoteButtons id={painPoint.id} name={painPoint.name} votes={painPoint.votes} />
    </div>
  );
}

export const PainPointNode = memo(PainPointNodeComponent);
