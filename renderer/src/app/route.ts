/**
 * Routing by the URL hash, so a reload stays where the user was: `#/` is the library,
 * `#/map/<id>` a map, `#/map/<id>/snapshot/<snapshotId>` one of its snapshots, read-only.
 */
export type Route =
  { name: 'library' } | { name: 'map'; id: string } | { name: 'snapshot'; id: string; snapshotId: string };

export const LIBRARY_ROUTE: Route = { name: 'library' };

const ID = '([A-Za-z0-9_-]{1,64})';
const MAP_HASH = new RegExp(`^#/map/${ID}/?$`);
const SNAPSHOT_HASH = new RegExp(`^#/map/${ID}/snapshot/${ID}/?$`);

export function parseHash(hash: string): Route {
  const snapshot = SNAPSHOT_HASH.exec(hash);
  if (snapshot) return { name: 'snapshot', id: snapshot[1]!, snapshotId: snapshot[2]! };
  const map = MAP_HASH.exec(hash);
  return map ? { name: 'map', id: map[1]! } : LIBRARY_ROUTE;
}

export function hashOf(route: Route): string {
  switch (route.name) {
    case 'map':
      return `#/map/${route.id}`;
    case 'snapshot':
      return `#/map/${route.id}/snapshot/${route.snapshotId}`;
    default:
      return '#/';
  }
}

export const sameRoute = (a: Route, b: Route) => hashOf(a) === hashOf(b);
