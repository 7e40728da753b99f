/**
 * Routing by the URL hash, so a reload stays where the user was: `#/` is the library,
 * `#/map/<id>` a map.
 */
export type Route = { name: 'library' } | { name: 'map'; id: string };

export const LIBRARY_ROUTE: Route = { name: 'library' };

export function parseHash(hash: string): Route {
  const match = /^#\/map\/([A-Za-z0-9_-]{1,64})\/?$/.exec(hash);
  return match ? { name: 'map', id: match[1]! } : LIBRARY_ROUTE;
}

export const hashOf = (route: Route) => (route.name === 'map' ? `#/map/${route.id}` : '#/');

export const sameRoute = (a: Route, b: Route) =>
  a.name === b.name && (a.name !== 'map' || (b.name === 'map' && a.id === b.id));
