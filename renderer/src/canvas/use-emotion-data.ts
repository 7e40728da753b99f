import { useMemo } from 'react';
import { dataEmotionSeries } from '../overlay/emotion-from-data';
import { useOverlay } from '../overlay/use-overlay';
import type { EmotionSeries } from './emotion-curve';

/**
 * The emotion lane's data-derived curve: while the data overlay is on, the overlay's metric in its
 * period, mapped onto the emotion axis (overlay/emotion-from-data.ts). The same array as long as
 * the overlay's answer is the same, so the lane re-renders only when the data changes.
 */
export function useEmotionDataSeries(): readonly EmotionSeries[] | undefined {
  const enabled = useOverlay((s) => s.enabled);
  const overlay = useOverlay((s) => s.overlay);
  const metricKey = useOverlay((s) => s.metricKey);
  return useMemo(
    () => (enabled && overlay && overlay.metric.key === metricKey ? [dataEmotionSeries(overlay)] : undefined),
    [enabled, overlay, metricKey],
  );
}
