import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NoteFlowNode } from './flow-types';

/** A free note: text for anything else, in one of a few colours. It connects to nothing. */
function NoteNodeComponent({ data, selected }: NodeProps<NoteFlowNode>) {
  const { note } = data;
  const empty = note.text.trim() === '';
  return (
    <div
      className={`free-note free-note--${note.colour}${selected ? ' is-selected' : ''}`}
      data-testid="free-note"
      title={empty ? undefined : note.text}
    >
      <p className={`free-note__text${empty ? ' is-empty' : ''}`}>{empty ? 'Empty note' : note.text}</p>
    </div>
  );
}

export const NoteNode = memo(NoteNodeComponent);
