import { useEffect } from 'react';
import type { Notice } from '../state/ui-store';
import { useStores, useUi } from '../state/stores-context';
import { Icon } from './Icon';

const INFO_TIMEOUT_MS = 5000;

/**
 * Errors as a visible banner (role="alert") that stays until dismissed; information as a short
 * toast (role="status") that fades on its own.
 */
export function Notices() {
  const notices = useUi((s) => s.notices);
  const errors = notices.filter((n) => n.tone === 'error');
  const infos = notices.filter((n) => n.tone === 'info');
  return (
    <>
      {errors.length > 0 && (
        <div className="banners">
          {errors.map((notice) => (
            <ErrorBanner key={notice.id} notice={notice} />
          ))}
        </div>
      )}
      <div className="toasts" role="status" aria-live="polite">
        {infos.map((notice) => (
          <Toast key={notice.id} notice={notice} />
        ))}
      </div>
    </>
  );
}

function ErrorBanner({ notice }: { notice: Notice }) {
  const { uiStore } = useStores();
  return (
    <div className="banner banner--error" role="alert">
      <Icon name="alert" />
      <p className="banner__text">{notice.text}</p>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => uiStore.getState().dismissNotice(notice.id)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}

function Toast({ notice }: { notice: Notice }) {
  const { uiStore } = useStores();
  useEffect(() => {
    const timer = setTimeout(() => uiStore.getState().dismissNotice(notice.id), INFO_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [uiStore, notice.id]);
  return <div className="toast">{notice.text}</div>;
}
