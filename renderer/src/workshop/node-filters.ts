import type { FlowEdge, MapNode } from '../../../shared/domain/journey';

/**
 * Filters that keep some cards in full colour and fade the rest. Within one group the values are
 * alternatives (Marketing or Sales); groups combine (Marketing and critical). A card that does not
 * carry a group's attribute takes it from what it is attached to: a pain point has the channel,
 * mode and personas of its touchpoint; a touchpoint has the severities and statuses of its pain
 * points. So "critical" keeps critical pain points and the touchpoints they concern.
 */

export const FILTER_KEYS = ['department', 'channel', 'mode', 'severity', 'persona', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type NodeFilters = Readonly<Record<FilterKey, readonly string[]>>;

export const FILTER_LABELS: Record<FilterKey, string> = {
  department: 'Department',
  channel: 'Channel',
  mode: 'Mode',
  severity: 'Severity',
  persona: 'Persona',
  status: 'Status',
};

export const NO_FILTERS: NodeFilters = {
  department: [],
  channel: [],
  mode: [],
  severity: [],
  persona: [],
  status: [],
};

export const activeFilterCount = (filters: NodeFilters) =>
  FILTER_KEYS.reduce((sum, key) => sum + (filters[key].length > 0 ? 1 : 0), 0);

/** A node's own values for a group, or undefined when the group does not apply to its kind. */
function ownValues(node: MapNode, key: FilterKey): readonly string[] | undefined {
  switch (key) {
    case 'department':
      return node.departmentId ? [node.departmentId] : [];
    case 'channel':
      return node.kind === 'touchpoint' ? [node.channel] : undefined;
    case 'mode':
      return node.kind === 'touchpoint' ? [node.mode] : undefined;
    case 'persona':
      return node.kind === 'touchpoint' ? node.personaIds : undefined;
    case 'severity':
      return node.kind === 'painpoint' ? [node.severity] : undefined;
    case 'status':
      return node.kind === 'painpoint' ? [node.status] : undefined;
  }
}

/** The ids of the nodes every active group keeps, or null when no filter is active. */
export function matchingNodeIds(
  doc: { nodes: readonly MapNode[]; edges: readonly FlowEdge[] },
  filters: NodeFilters,
): ReadonlySet<string> | null {
  const active = FILTER_KEYS.filter((key) => filters[key].length > 0);
  if (active.length === 0) return null;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const related = new Map<string, MapNode[]>();
  const relate = (a: string, b: string) => {
    const other = byId.get(b);
    if (!other) return;
    const list = related.get(a);
    if (list) list.push(other);
    else related.set(a, [other]);
  };
  for (const edge of doc.edges) {
    if (edge.kind === 'flow') continue;
    relate(edge.sourceId, edge.targetId);
    relate(edge.targetId, edge.sourceId);
  }
  const wanted = new Map(active.map((key) => [key, new Set(filters[key])]));
  const hits = (values: readonly string[] | undefined, set: ReadonlySet<string>) =>
    values !== undefined && values.some((v) => set.has(v));
  const keeps = (node: MapNode) =>
    active.every((key) => {
      const set = wanted.get(key)!;
      const own = ownValues(node, key);
      if (own !== undefined) return hits(own, set);
      return (related.get(node.id) ?? []).some((other) => hits(ownValues(other, key), set));
    });
  const out = new Set<string>();
  for (const node of doc.nodes) if (keeps(node)) out.add(node.id);
  return out;
}
