import { distance } from 'fastest-levenshtein';
import type { TouchpointValue } from './mapping';

/**
 * Matching the touchpoint values written in a file to the map's touchpoints: first by the
 * touchpoint's metric key, then by its name, both compared without case, spacing or punctuation.
 * Values that match nothing come with the closest names as suggestions (normalised Levenshtein
 * similarity, with a bonus when one name contains the other: "Support" → "Support call").
 */

export interface MatchableTouchpoint {
  id: string;
  name: string;
  metricKey: string;
}

/** "Check-out (web)" → "checkoutweb": case, accents, spacing and punctuation ignored. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function similarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const base = 1 - distance(x, y) / Math.max(x.length, y.length);
  const contains = x.includes(y) || y.includes(x) ? 0.25 : 0;
  return Math.min(0.99, Math.max(base + contains, wordOverlap(a, b)));
}

/** Dice coefficient of the two names' word sets: "Wrong thing" ~ "Wrong item: support call". */
function wordOverlap(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .split(/[^\p{L}\p{N}]+/u)
        .map(normalizeName)
        .filter((w) => w.length > 1),
    );
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

export const SUGGESTION_THRESHOLD = 0.3;
export const MAX_SUGGESTIONS = 3;

export function matchTouchpointValues(
  values: ReadonlyMap<string, number>,
  touchpoints: readonly MatchableTouchpoint[],
): TouchpointValue[] {
  const byKey = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const tp of touchpoints) {
    const key = normalizeName(tp.metricKey);
    if (key !== '' && !byKey.has(key)) byKey.set(key, tp.id);
    const name = normalizeName(tp.name);
    if (name !== '' && !byName.has(name)) byName.set(name, tp.id);
  }
  const result: TouchpointValue[] = [];
  for (const [value, rows] of values) {
    const normal = normalizeName(value);
    const keyMatch = byKey.get(normal);
    const nameMatch = keyMatch ? undefined : byName.get(normal);
    const match = keyMatch
      ? { touchpointId: keyMatch, by: 'metric-key' as const }
      : nameMatch
        ? { touchpointId: nameMatch, by: 'name' as const }
        : null;
    const suggestions = match
      ? []
      : touchpoints
          .map((tp) => ({
            touchpointId: tp.id,
            name: tp.name,
            similarity: Math.max(
              similarity(value, tp.name),
              tp.metricKey ? similarity(value, tp.metricKey) : 0,
            ),
          }))
          .filter((s) => s.similarity >= SUGGESTION_THRESHOLD)
          .sort((a, b) => b.similarity - a.similarity || a.name.localeCompare(b.name))
          .slice(0, MAX_SUGGESTIONS)
          .map((s) => ({ ...s, similarity: Math.round(s.similarity * 100) / 100 }));
    result.push({ value, rows, match, suggestions });
  }
  // Unmatched first (they need a decision), each group by row count.
  return result.sort((a, b) => Number(a.match !== null) - Number(b.match !== null) || b.rows - a.rows);
}
