import { describe, expect, it } from 'vitest';
import { createOverlayStore } from '../../../../renderer/src/overlay/overlay-store';
import type { BreakdownsResult, OverlayResult } from '../../../../shared/domain/metrics-analysis';

/** The overlay's requests: the latest wins, and nothing is applied once the overlay is off. */

const answer = (tag: string) => ({
  overlay: { tag } as unknown as OverlayResult,
  breakdowns: { tag } as unknown as BreakdownsResult,
  error: null,
});

function onStore() {
  const store = createOverlayStore();
  store.getState().openJourney('j1');
  store.getState().setEnabled(true);
  return store;
}

describe('overlay requests', () => {
  it('turning the overlay off mid-request clears loading and drops the late answer', () => {
    const store = onStore();
    const request = store.getState().startLoading();
    expect(store.getState().loading).toBe(true);
    store.getState().setEnabled(false);
    expect(store.getState().loading).toBe(false);
    expect(store.getState().finishLoading(request, answer('late'))).toBe(false);
    expect(store.getState().overlay).toBeNull();
    // On again: the old answer still does not count.
    store.getState().setEnabled(true);
    expect(store.getState().finishLoading(request, answer('late'))).toBe(false);
    expect(store.getState().overlay).toBeNull();
  });

  it('the latest request wins, whatever order the answers arrive in', () => {
    const store = onStore();
    const first = store.getState().startLoading();
    store.getState().abandonLoading(first); // the period changed
    const second = store.getState().startLoading();
    expect(store.getState().finishLoading(second, answer('second'))).toBe(true);
    expect(store.getState().finishLoading(first, answer('first'))).toBe(false);
    expect(store.getState().overlay).toEqual({ tag: 'second' });
    expect(store.getState().loading).toBe(false);
  });

  it('an abandoned request leaves loading unset, and its error is not shown', () => {
    const store = onStore();
    const request = store.getState().startLoading();
    store.getState().abandonLoading(request);
    expect(store.getState().loading).toBe(false);
    expect(store.getState().finishLoading(request, { error: 'boom' })).toBe(false);
    expect(store.getState().error).toBeNull();
  });

  it('a request of the previous map is stale once another map opens', () => {
    const store = onStore();
    const request = store.getState().startLoading();
    store.getState().openJourney('j2');
    store.getState().setEnabled(true);
    expect(store.getState().finishLoading(request, answer('j1'))).toBe(false);
    expect(store.getState().overlay).toBeNull();
  });
});
