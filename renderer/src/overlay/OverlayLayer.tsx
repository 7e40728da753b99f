import { BreakdownsPanel } from './BreakdownsPanel';
import { OverlayBar } from './OverlayBar';
import { OverlayController } from './OverlayController';
import { OverlayLegend } from './OverlayLegend';
import { useOverlay } from './use-overlay';

/**
 * The overlay's parts around the canvas: the picker above it, the breakdowns panel beside it and
 * the legend over its corner. Off, only the controller runs (it keeps the map's settings at hand).
 */
export function OverlayLayer({ journeyId }: { journeyId: string }) {
  const enabled = useOverlay((s) => s.enabled);
  const breakdownsOpen = useOverlay((s) => s.breakdownsOpen);
  return (
    <>
      <OverlayController journeyId={journeyId} />
      {enabled && <OverlayBar journeyId={journeyId} />}
      {enabled && breakdownsOpen && <BreakdownsPanel />}
      {enabled && <OverlayLegend />}
    </>
  );
}
