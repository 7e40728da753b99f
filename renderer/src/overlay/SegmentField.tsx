import { useOverlay, useOverlayStore } from './use-overlay';

/** How a segment choice reads: '' is the responses that came without one. */
export const segmentName = (segment: string) => (segment === '' ? 'No segment' : segment);

const ALL = '*';
const encode = (segment: string | null) => (segment === null ? ALL : `s:${segment}`);
const decode = (value: string) => (value === ALL ? null : value.slice(2));

/**
 * The overlay bar's segment choice (a plan, a tier, a region … as imported): all segments, or one.
 * Shown only when the map's data has segments. The overlay, the stage values, the breakdowns and
 * the inspector's charts and comments all follow it.
 */
export function SegmentField() {
  const store = useOverlayStore();
  const segments = useOverlay((s) => s.settings?.segments);
  const segment = useOverlay((s) => s.segment);
  if (!segments || segments.length === 0) return null;
  return (
    <label className="ov-field">
      <span className="ov-field__label">Segment</span>
      <select
        value={encode(segment)}
        onChange={(e) => store.getState().setSegment(decode(e.target.value))}
        aria-label="Segment"
        title={segment === null ? 'All segments' : segmentName(segment)}
      >
        <option value={ALL}>All segments</option>
        {segments.map((s) => (
          <option key={s} value={encode(s)}>
            {segmentName(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
