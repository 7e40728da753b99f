/**
 * The presentation text scale: card and header text grows for a projector. A preference of this
 * computer, not of the map, so it lives in the renderer's localStorage.
 */

export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export const TEXT_SCALE_KEY = 'journey-studio.text-scale';

export const formatTextScale = (scale: TextScale) => `${Math.round(scale * 100)}%`;

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

export function parseTextScale(value: unknown): TextScale {
  const number = typeof value === 'string' ? Number(value) : value;
  return TEXT_SCALES.find((s) => s === number) ?? 1;
}

export const readTextScale = (): TextScale => parseTextScale(storage()?.getItem(TEXT_SCALE_KEY) ?? null);

export function writeTextScale(scale: TextScale): void {
  try {
    storage()?.setItem(TEXT_SCALE_KEY, String(scale));
  } catch {
    // A full or disabled storage only loses the preference.
  }
}

/** The next size up or down, staying within the list. */
export function stepTextScale(scale: TextScale, direction: 1 | -1): TextScale {
  const index = TEXT_SCALES.indexOf(scale);
  return TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, Math.max(0, index + direction))]!;
}
