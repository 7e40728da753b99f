import { describe, expect, it } from 'vitest';
import {
  FAR_HYSTERESIS,
  FAR_ZOOM,
  FAR_ZOOM_SMALL,
  farZoomThreshold,
  isFarAt,
  isNameLinesAt,
  NAME_LINES_ZOOM,
} from '../../../../renderer/src/canvas/use-far-zoom';

describe('the far-zoom rule', () => {
  it('keeps details for a template-sized map down to a laptop window’s fitted zoom', () => {
    // The online store template: 30 cards, fitted at 0.26–0.31 in a 1280×720 window.
    expect(farZoomThreshold(30)).toBe(FAR_ZOOM_SMALL);
    expect(isFarAt(0.26, 30, false)).toBe(false);
    expect(isFarAt(0.19, 30, false)).toBe(true);
  });

  it('keeps the 0.42 threshold for large maps, and rises steadily between', () => {
    expect(farZoomThreshold(2000)).toBe(FAR_ZOOM);
    expect(farZoomThreshold(600)).toBe(FAR_ZOOM);
    expect(isFarAt(0.41, 2000, false)).toBe(true);
    let previous = 0;
    for (let cards = 0; cards <= 700; cards += 10) {
      const threshold = farZoomThreshold(cards);
      expect(threshold).toBeGreaterThanOrEqual(previous);
      expect(threshold).toBeGreaterThanOrEqual(FAR_ZOOM_SMALL);
      expect(threshold).toBeLessThanOrEqual(FAR_ZOOM);
      previous = threshold;
    }
  });

  it('does not flicker around the threshold: back to details only clearly above it', () => {
    const t = farZoomThreshold(2000);
    expect(isFarAt(t * 0.99, 2000, false)).toBe(true);
    // Zooming back in a hair above the threshold stays far …
    expect(isFarAt(t * 1.01, 2000, true)).toBe(true);
    expect(isFarAt(t * (FAR_HYSTERESIS - 0.01), 2000, true)).toBe(true);
    // … and turns to details past the band; a zoom that never went far stays detailed.
    expect(isFarAt(t * (FAR_HYSTERESIS + 0.01), 2000, true)).toBe(false);
    expect(isFarAt(t * 1.01, 2000, false)).toBe(false);
  });
});

describe('names as lines', () => {
  it('starts below NAME_LINES_ZOOM, where a far name is under 3 px, and holds a little above it', () => {
    // Far names are 20 px: at the threshold they are 3 px on screen.
    expect(20 * NAME_LINES_ZOOM).toBeCloseTo(3);
    expect(isNameLinesAt(NAME_LINES_ZOOM + 0.001, false)).toBe(false);
    expect(isNameLinesAt(NAME_LINES_ZOOM - 0.001, false)).toBe(true);
    // Once lines, they stay lines until clearly past the threshold, so a resting zoom does not flicker.
    expect(isNameLinesAt(NAME_LINES_ZOOM * 1.05, true)).toBe(true);
    expect(isNameLinesAt(NAME_LINES_ZOOM * FAR_HYSTERESIS, true)).toBe(false);
  });

  it('only ever applies where cards are already drawn far', () => {
    // Lines start below the far threshold of every map size, so a far drawing is always there first.
    for (const cards of [0, 30, 80, 300, 600, 2000])
      expect(NAME_LINES_ZOOM).toBeLessThan(farZoomThreshold(cards));
  });
});
