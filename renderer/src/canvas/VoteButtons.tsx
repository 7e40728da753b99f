import { memo } from 'react';
import { useDocument, useStores } from '../state/stores-context';
import { voteChanges } from '../workshop/vote-ranking';

/**
 * One-click dot-voting on a note: + and − beside it, shown while the note is hovered, selected or
 * focused, large enough to hit on a projector. Each click is one undoable step.
 */
function VoteButtonsComponent({ id, name, votes }: { id: string; name: string; votes: number }) {
  const { documentStore } = useStores();
  const readOnly = useDocument((s) => s.readOnly);
  if (readOnly) return null;
  // The click goes on to the node, which selects the note: + and − keys then act on it.
  const vote = (delta: 1 | -1) => () => {
    const doc = documentStore.getState().doc;
    if (doc) documentStore.getState().apply(voteChanges(doc, [id], delta));
  };
  return (
    <div className="vote-buttons nodrag nopan" role="group" aria-label={`Votes for ${name}`}>
      <button
        type="button"
        className="vote-buttons__button"
        aria-label={`Add a vote to ${name}`}
        title="Add a vote (+)"
        onClick={vote(1)}
        onDoubleClick={(event) => event.stopPropagation()}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <button
        type="button"
        className="vote-buttons__button"
        aria-label={`Remove a vote from ${name}`}
        title="Remove a vote (−)"
        disabled={votes === 0}
        onClick={vote(-1)}
        onDoubleClick={(event) => event.stopPropagation()}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

export const VoteButtons = memo(VoteButtonsComponent);
