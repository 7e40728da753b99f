import { Icon } from '../panels/Icon';

/** Shown in browser mode when the page was opened without the per-launch access token. */
export function UnauthorisedScreen() {
  return (
    <main className="unauthorised">
      <div className="unauthorised__card">
        <div className="unauthorised__icon">
          <Icon name="lock" size={28} />
        </div>
        <h1>Open Journey Studio from its own address</h1>
        <p>
          This page has no access token, so it cannot reach your journey library. In the terminal where you
          started <code>npm run web</code>, find the address it printed: it ends with <code>?token=…</code>.
          Open that exact address in this browser.
        </p>
        <p className="muted">
          The token changes every time the browser-mode host starts, and only works on this computer. If you
          restarted it, use the new address.
        </p>
      </div>
    </main>
  );
}
