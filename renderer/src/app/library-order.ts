import type { JourneySummary } from '../../../shared/domain/journey';
import { foldText } from '../workshop/find-matches';

/** The library's search and sort: pure, so the list and the tests agree. */

export const LIBRARY_SORTS = ['changed', 'name', 'created', 'touchpoints'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const LIBRARY_SORT_LABELS: Record<LibrarySort, string> = {
  changed: 'Last changed',
  name: 'Name',
  created: 'Created',
  touchpoints: 'Touchpoints',
};

export const LIBRARY_SORT_KEY = 'journey-studio.library-sort';

const byName = (a: JourneySummary, b: JourneySummary) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newest = (a: string, b: string) => Date.parse(b) - Date.parse(a);

const COMPARE: Record<LibrarySort, (a: JourneySummary, b: JourneySummary) => number> = {
  changed: (a, b) => newest(a.updatedAt, b.updatedAt) || byName(a, b),
  name: byName,
  created: (a, b) => newest(a.createdAt, b.createdAt) || byName(a, b),
  touchpoints: (a, b) => b.touchpointCount - a.touchpointCount || byName(a, b),
};

/** The maps whose names hold the query (case and accents ignored), in the chosen order. */
export function orderLibrary(
  journeys: readonly JourneySummary[],
  query: string,
  sort: LibrarySort,
): JourneySummary[] {
  const needle = foldText(query.trim());
  const found = needle ? journeys.filter((j) => foldText(j.name).includes(needle)) : [...journeys];
  return found.sort(COMPARE[sort]);
}

export function readLibrarySort(): LibrarySort {
  try {
    const value = localStorage.getItem(LIBRARY_SORT_KEY);
    return LIBRARY_SORTS.find((s) => s === value) ?? 'changed';
  } catch {
    return 'changed';
  }
}

export function writeLibrarySort(sort: LibrarySort): void {
  try {
    localStorage.setItem(LIBRARY_SORT_KEY, sort);
  } catch {
    // Only the preference is lost.
  }
}
