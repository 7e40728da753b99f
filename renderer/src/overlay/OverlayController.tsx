import { useEffect, useRef } from 'react';
import { useCommands } from '../commands/commands-context';
import { useDocument } from '../state/stores-context';
import { useOverlay, useOverlayStore } from './use-overlay';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps the overlay store in step with the open map: loads the map's metric settings, and while the
 * overlay is on, the overlay and the breakdowns for the chosen metric and period. Saved edits that
 * move cards between stages or lanes change the analysis too, so a new revision refetches (after a
 * short pause, so a burst of edits is one request). Renders nothing.
 */
export function OverlayController({ journeyId }: { journeyId: string }) {
  const { ctx } = useCommands();
  const store = useOverlayStore();
  const enabled = useOverlay((s) => s.enabled);
  const metricKey = useOverlay((s) => s.metricKey);
  const granularity = useOverlay((s) => s.granularity);
  const period = useOverlay((s) => s.period);
  const segment = useOverlay((s) => s.segment);
  const dataVersion = useOverlay((s) => s.dataVersion);
  const minN = useOverlay((s) => s.settings?.minN);
  const revision = useDocument((s) => (s.journeyId === journeyId ? s.confirmedRevision : -1));
  const lastRevision = useRef(revision);

  useEffect(() => {
    store.getState().openJourney(journeyId);
  }, [store, journeyId]);

  useEffect(() => {
    // Opening a map bumps the data version (openJourney, above): this render's value is then stale
    // and the next render asks, so a map's settings are asked for once when it opens.
    if (store.getState().dataVersion !== dataVersion) return;
    let cancelled = false;
    ctx.api
      .call('metrics.settings', { journeyId })
      .then((settings) => {
        if (cancelled || store.getState().journeyId !== journeyId) return;
        const current = store.getState().metricKey;
        const keys = settings.metrics.filter((m) => m.hasData).map((m) => m.key);
        const metricKey =
          current && settings.metrics.some((m) => m.key === current)
            ? current
            : (keys.find((k) => k === 'nps') ?? keys[0] ?? settings.metrics[0]?.key ?? null);
        // A segment the data no longer holds (its dataset removed) falls back to every segment.
        const chosen = store.getState().segment;
        const segment = chosen !== null && settings.segments.includes(chosen) ? chosen : null;
        store.getState().patch({ settings, metricKey, segment });
      })
      .catch((error: unknown) => {
        if (!cancelled) store.getState().patch({ error: messageOf(error) });
      });
    return () => {
      cancelled = true;
    };
    // Turning the overlay on reloads them too: data may have been imported since.
  }, [ctx, store, journeyId, dataVersion, enabled]);

  useEffect(() => {
    if (!enabled || !metricKey || minN === undefined) return;
    // Latest wins: a change of choice (or the overlay turned off) abandons the request in flight,
    // and the store drops any answer that is not to the latest request.
    let request: number | null = null;
    const revisionChanged = lastRevision.current !== revision;
    lastRevision.current = revision;
    const timer = setTimeout(
      () => {
        const mine = store.getState().startLoading();
        request = mine;
        const args = { journeyId, granularity, period, minN, segment };
        Promise.all([
          ctx.api.call('metrics.overlay', { ...args, metricKey }),
          ctx.api.call('metrics.breakdowns', args),
        ])
          .then(([overlay, breakdowns]) => {
            store.getState().finishLoading(mine, { overlay, breakdowns, error: null });
          })
          .catch((error: unknown) => {
            store.getState().finishLoading(mine, { error: messageOf(error) });
          });
      },
      revisionChanged ? 400 : 0,
    );
    return () => {
      clearTimeout(timer);
      if (request !== null) store.getState().abandonLoading(request);
    };
  }, [ctx, store, journeyId, enabled, metricKey, granularity, period, segment, dataVersion, minN, revision]);

  return null;
}
