import { useMemo } from 'react';
import { useCommand } from '../commands/commands-context';
import { SEVERITY_LABELS, STATUS_LABELS } from '../canvas/PainPointNode';
import { useCentreOnNode } from '../canvas/use-centre-on-node';
import { useDocument, useStores, useUi } from '../state/stores-context';
import { rankByVotes, voteChanges, type RankedItem } from '../workshop/vote-ranking';
import { useWorkshopStore } from '../workshop/workshop-store';
import { Icon } from './Icon';

const EMPTY: readonly never[] = [];

/**
 * The ranked list of a dot-voting round: pain points by votes, then severity, then name. A side
 * panel beside the map, so the room sees the ranking change as votes come in; clicking an entry
 * selects it and centres the map on it.
 */
export function VotesPanel() {
  const nodes = useDocument((s) => s.doc?.nodes ?? EMPTY);
  const edges = useDocument((s) => s.doc?.edges ?? EMPTY);
  const readOnly = useDocument((s) => s.readOnly);
  const selected = useUi((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : null));
  const ranked = useMemo(() => rankByVotes({ nodes, edges }), [nodes, edges]);
  const total = ranked.reduce((sum, item) => sum + item.votes, 0);
  const ideas = ranked.filter((item) => item.kind === 'opportunity').length;
  const pains = ranked.length - ideas;
  const workshop = useWorkshopStore();
  const reset = useCommand('votes.reset');
  return (
    <aside className="side-panel votes-panel" aria-label="Votes ranking">
      <header className="side-panel__head">
        <div>
          <h2 className="side-panel__title">Votes</h2>
          <p className="side-panel__meta" aria-live="polite">
            {total} vote{total === 1 ? '' : 's'} on {pains} pain point{pains === 1 ? '' : 's'}
            {ideas > 0 && ` and ${ideas} opportunit${ideas === 1 ? 'y' : 'ies'}`}
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close votes ranking"
          title="Close"
          onClick={() => workshop.getState().setVotesPanelOpen(false)}
        >
          <Icon name="close" />
        </button>
      </header>
      {!readOnly && (
        <div className="side-panel__actions">
          <button
            type="button"
            className="button button--small"
            onClick={reset.run}
            disabled={!reset.enabled}
            title="Set every vote back to 0 (asks first; undo brings them back)"
          >
            <Icon name="refresh" size={16} />
            Reset all votes
          </button>
        </div>
      )}
      {ranked.length === 0 ? (
        <p className="side-panel__empty">
          No pain points yet. Add them from the toolbar, then vote on them here.
        </p>
      ) : (
        <ol className="votes-list" aria-label="Pain points by votes">
          {ranked.map((item, index) => (
            <VotesEntry
              key={item.id}
              item={item}
              rank={index + 1}
              selected={item.id === selected}
              readOnly={readOnly}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}

function VotesEntry({
  item,
  rank,
  selected,
  readOnly,
}: {
  item: RankedItem;
  rank: number;
  selected: boolean;
  readOnly: boolean;
}) {
  const { documentStore, uiStore } = useStores();
  const centreOn = useCentreOnNode();
  const vote = (delta: 1 | -1) => {
    const doc = documentStore.getState().doc;
    if (doc) documentStore.getState().apply(voteChanges(doc, [item.id], delta));
  };
  const where = item.attachedTo.map((t) => t.name).join(', ');
  return (
    <li className={`votes-entry${selected ? ' is-selected' : ''}`} data-testid="votes-entry">
      <button
        type="button"
        className="votes-entry__main"
        aria-current={selected ? 'true' : undefined}
        onClick={() => {
          uiStore.getState().selectOnly(item.id);
          centreOn(item.id);
        }}
      >
        <span className="votes-entry__rank" aria-hidden="true">
          {rank}
        </span>
        <span className="votes-entry__text">
          <span className="votes-entry__name">{item.name}</span>
          <span className="votes-entry__meta">
            {item.severity && (
              <span className={`severity-chip severity-chip--${item.severity}`}>
                {SEVERITY_LABELS[item.severity]}
              </span>
            )}
            {item.status && <span className="votes-entry__status">{STATUS_LABELS[item.status]}</span>}
          </span>
          <span className="votes-entry__where">{where ? `at ${where}` : 'Not attached'}</span>
        </span>
        <span className="votes-entry__votes" data-testid="votes-entry-count">
          <strong>{item.votes}</strong>
          <span className="votes-entry__unit">vote{item.votes === 1 ? '' : 's'}</span>
        </span>
      </button>
      {!readOnly && (
        <span className="votes-entry__stepper">
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={`Add a vote to ${item.name}`}
            title="Add a vote"
            onClick={() => vote(1)}
          >
            <Icon name="plus" size={16} />
          </button>
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={`Remove a vote from ${item.name}`}
            title="Remove a vote"
            disabled={item.votes === 0}
            onClick={() => vote(-1)}
          >
            <Icon name="minus" size={16} />
          </button>
        </span>
      )}
    </li>
  );
}
