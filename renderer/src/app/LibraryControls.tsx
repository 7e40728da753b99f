import { useCallback, useEffect, useState } from 'react';
import { apiContract } from '../../../shared/api/contract';
import type { JourneyOutline } from '../../../shared/domain/outline';
import type { ApiClient } from '../api/client';
import { Icon } from '../panels/Icon';
import {
  LIBRARY_SORTS,
  LIBRARY_SORT_LABELS,
  readLibrarySort,
  writeLibrarySort,
  type LibrarySort,
} from './library-order';

/** Search by name (as you type) and sort order (remembered) above the library's list. */
export function LibraryControls({
  query,
  onQuery,
  sort,
  onSort,
}: {
  query: string;
  onQuery(query: string): void;
  sort: LibrarySort;
  onSort(sort: LibrarySort): void;
}) {
  return (
    <div className="library-controls">
      <label className="library-search">
        <Icon name="search" size={16} />
        <input
          className="library-search__input"
          type="search"
          value={query}
          placeholder="Search maps by name"
          aria-label="Search maps by name"
          maxLength={200}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.preventDefault();
              onQuery('');
            }
          }}
        />
      </label>
      <label className="library-sort">
        <span>Sort by</span>
        <select
          className="library-sort__select"
          value={sort}
          onChange={(event) => onSort(event.target.value as LibrarySort)}
        >
          {LIBRARY_SORTS.map((s) => (
            <option key={s} value={s}>
              {LIBRARY_SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The sort order, read from and written to this computer's preferences. */
export function useLibrarySort(): [LibrarySort, (sort: LibrarySort) => void] {
  const [sort, setSort] = useState<LibrarySort>(readLibrarySort);
  const change = useCallback((next: LibrarySort) => {
    writeLibrarySort(next);
    setSort(next);
  }, []);
  return [sort, change];
}

/**
 * Every map's outline for the thumbnails, in one call, checked against the contract's schema. A
 * failure costs only the thumbnails (the cards show without them).
 */
export function useOutlines(api: ApiClient, version: number): ReadonlyMap<string, JourneyOutline> {
  const [outlines, setOutlines] = useState<ReadonlyMap<string, JourneyOutline>>(new Map());
  useEffect(() => {
    let live = true;
    api.call('journeys.outlines', {}).then(
      (value) => {
        const parsed = apiContract['journeys.outlines'].output.safeParse(value);
        if (live && parsed.success) setOutlines(new Map(parsed.data.map((o) => [o.id, o])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, version]);
  return outlines;
}
