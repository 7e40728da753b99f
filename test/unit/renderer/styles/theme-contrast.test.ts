import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA contrast of the colour pairs the app draws, in both themes, computed from the custom
 * properties in renderer/src/styles/theme.css (the one place the CSS takes its colours from).
 * Text needs 4.5:1 on its background; graphics that carry meaning (emotion faces, find rings,
 * thumbnail cards) need 3:1.
 */

const css = readFileSync(new URL('../../../../renderer/src/styles/theme.css', import.meta.url), 'utf8');

function properties(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of block.matchAll(/(--[\w-]+):\s*([^;]+);/g)) out.set(match[1]!, match[2]!.trim());
  return out;
}

/** The light theme (:root) and the dark theme (:root inside the prefers-color-scheme query). */
function themes(): Record<'light' | 'dark', Map<string, string>> {
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const light = properties(css.slice(0, darkStart));
  const dark = new Map([...light, ...properties(css.slice(darkStart))]);
  return { light, dark };
}

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [foreground, background, what it is]; a name without "--" is a literal colour. */
const TEXT_PAIRS: [string, string, string][] = [
  ['--text', '--bg', 'body text'],
  ['--text', '--surface', 'text on panels'],
  ['--text-muted', '--surface', 'secondary text on panels'],
  ['--text-muted', '--surface-2', 'secondary text on tinted panels'],
  ['--text-muted', '--bg', 'secondary text on the page'],
  ['--text-subtle', '--surface', '"No description" on library cards'],
  ['--accent', '--surface', 'links and pressed tools'],
  ['--accent', '--accent-soft', 'pressed toolbar toggles, active filters'],
  ['--text', '--accent-soft', 'selected votes entry'],
  ['--text-muted', '--accent-soft', 'selected votes entry, secondary'],
  ['--accent-text', '--accent', 'primary buttons and badges'],
  ['--danger', '--surface', 'errors, "No matches"'],
  ['--text', '--danger-soft', 'error banners'],
  ['--warning-text', '--warning-soft', 'warning banners'],
  ['--surface', '--text', 'toasts'],
  ['--header-text', '--header-bg', 'stage and lane header names'],
  ['--text-muted', '--header-bg', 'stage goals, lane counts'],
  ['--header-text', '--accent-soft', 'selected header names'],
  ['--text-muted', '--accent-soft', 'selected header goals'],
  ['--card-text', '--card-bg', 'touchpoint names'],
  ['--card-muted', '--card-bg', 'channel, emotion, backstage'],
  ['--experience-text', '--experience-bg', 'Experience badge'],
  ['--service-text', '--service-bg', 'Service badge'],
  ['--pain-badge-text', '--pain-badge-bg', 'pain count on touchpoints'],
  ['--note-text', '--note-bg', 'pain point names'],
  ['--note-muted', '--note-bg', 'pain point status and votes'],
  ['#ffffff', '--severity-low', 'Low severity chip'],
  ['#ffffff', '--severity-medium', 'Medium severity chip'],
  ['#ffffff', '--severity-high', 'High severity chip'],
  ['#ffffff', '--severity-critical', 'Critical severity chip'],
  ['--edge-label-text', '--edge-label-bg', 'arrow labels'],
  ['--edge-handoff-label-text', '--edge-handoff-label-bg', 'Hand-off labels'],
  ['--dim-text', '--dim-bg', 'cards a filter fades'],
  ['#ffffff', '#b42318', 'danger buttons'],
  ['#ffffff', '#912018', 'danger buttons, hovered'],
];

const GRAPHIC_PAIRS: [string, string, string][] = [
  ['--emotion-neg', '--card-bg', 'negative emotion face'],
  ['--emotion-neutral', '--card-bg', 'neutral emotion face'],
  ['--emotion-pos', '--card-bg', 'positive emotion face'],
  ['--find-ring', '--canvas-bg', 'find ring on the canvas'],
  ['--find-ring', '--column-a', 'find ring on a stage column'],
  ['--find-ring-current', '--column-b', 'current find ring on a stage column'],
  ['--focus', '--surface', 'keyboard focus ring on panels'],
  ['--focus', '--bg', 'keyboard focus ring on the page'],
  ['--focus', '--canvas-bg', 'keyboard focus ring on the canvas'],
  ['--edge-handoff', '--column-a', 'hand-off arrows'],
  ['--edge-flow', '--column-b', 'customer path arrows'],
  ['--thumb-touchpoint', '--column-a', 'touchpoints in thumbnails'],
  ['--thumb-painpoint', '--column-b', 'pain points in thumbnails'],
];

describe.each(['light', 'dark'] as const)('%s theme contrast (WCAG AA)', (name) => {
  const theme = themes()[name];
  const colour = (ref: string) => {
    if (!ref.startsWith('--')) return ref;
    const value = theme.get(ref);
    if (!value) throw new Error(`${ref} is not defined in theme.css`);
    return value;
  };
  it.each(TEXT_PAIRS)('text %s on %s (%s) is at least 4.5:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(GRAPHIC_PAIRS)('graphic %s on %s (%s) is at least 3:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('the contrast formula', () => {
  it('gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
