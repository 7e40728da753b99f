import { describe, expect, it } from 'vitest';
import type { JourneySummary } from '../../../../shared/domain/journey';
import { orderLibrary } from '../../../../renderer/src/app/library-order';

const map = (name: string, created: string, updated: string, touchpoints: number): JourneySummary => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  description: '',
  createdAt: created,
  updatedAt: updated,
  revision: 0,
  touchpointCount: touchpoints,
});

const library = [
  map('Café visit', '2026-01-01T10:00:00Z', '2026-03-01T10:00:00Z', 15),
  map('Online store', '2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z', 21),
  map('map 10', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', 0),
  map('Map 9', '2026-01-04T10:00:00Z', '2026-04-01T10:00:00Z', 21),
];
const names = (list: JourneySummary[]) => list.map((j) => j.name);

describe('the library order', () => {
  it('sorts by last change, name (natural, any case), creation and touchpoints', () => {
    expect(names(orderLibrary(library, '', 'changed'))).toEqual([
      'Map 9',
      'Café visit',
      'Online store',
      'map 10',
    ]);
    expect(names(orderLibrary(library, '', 'name'))).toEqual([
      'Café visit',
      'Map 9',
      'map 10',
      'Online store',
    ]);
    expect(names(orderLibrary(library, '', 'created'))).toEqual([
      'Online store',
      'map 10',
      'Map 9',
      'Café visit',
    ]);
    // Equal counts fall back to the name.
    expect(names(orderLibrary(library, '', 'touchpoints'))).toEqual([
      'Map 9',
      'Online store',
      'Café visit',
      'map 10',
    ]);
  });

  it('keeps the maps whose names hold the search, ignoring case, accents and outer spaces', () => {
    expect(names(orderLibrary(library, '  CAFE ', 'name'))).toEqual(['Café visit']);
    expect(names(orderLibrary(library, 'map', 'name'))).toEqual(['Map 9', 'map 10']);
    expect(orderLibrary(library, 'nothing', 'name')).toEqual([]);
    expect(orderLibrary(library, '', 'name')).toHaveLength(4);
  });
});
