import { saveStatusOf, type SaveStatus } from '../state/document-store';
import { useDocument, useStores } from '../state/stores-context';
import { Icon } from './Icon';

const TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  error: "Couldn't save — retrying",
};

/**
 * Whether the map's edits are safely stored. "Saved" appears only once the API has confirmed the
 * change set; a failure keeps retrying and offers "Retry now".
 */
export function SaveIndicator() {
  const { documentStore } = useStores();
  const status = useDocument(saveStatusOf);
  const error = useDocument((s) => s.saveError);
  const title = status === 'error' && error ? `Last error: ${error}` : TEXT[status];
  return (
    <div className={`save-status save-status--${status}`} role="status" aria-live="polite">
      <span className="save-status__dot" aria-hidden="true" />
      <span data-testid="save-status" title={title}>
        {TEXT[status]}
      </span>
      {status === 'error' && (
        <button
          type="button"
          className="button button--small"
          onClick={() => documentStore.getState().retryNow()}
        >
          <Icon name="refresh" size={16} />
          Retry now
        </button>
      )}
    </div>
  );
}
