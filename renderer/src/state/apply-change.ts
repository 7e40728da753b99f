import type { Change } from '../../../shared/domain/change-set';
import type { JourneyDocument, MapNode } from '../../../shared/domain/journey';

/**
 * Applies change ops to the document held in memory, the way the database applies them: an edit
 * shows at once, before the saver has sent it. Structural sharing: only the arrays and entities a
 * change touches get new identities, so memoised nodes that did not change do not re-render.
 *
 * Mirrors the schema's referential actions: removing a node removes its edges (ON DELETE CASCADE),
 * removing a stage or lane leaves its nodes outside any cell (ON DELETE SET NULL), and removing a
 * lane leaves the opportunities it owned without an owner (ON DELETE SET NULL).
 */
export function applyChanges(doc: JourneyDocument, changes: readonly Change[]): JourneyDocument {
  let next = doc;
  for (const change of changes) next = applyChange(next, change);
  return next;
}

function replaceById<T extends { id: string }>(items: T[], id: string, update: (item: T) => T): T[] {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return items;
  const copy = items.slice();
  copy[index] = update(items[index]!);
  return copy;
}

const withoutId = <T extends { id: string }>(items: T[], id: string): T[] => {
  const next = items.filter((item) => item.id !== id);
  return next.length === items.length ? items : next;
};

function updateNode(nodes: MapNode[], id: string, kind: MapNode['kind'], fields: object): MapNode[] {
  return replaceById(nodes, id, (node) => (node.kind === kind ? ({ ...node, ...fields } as MapNode) : node));
}

export function applyChange(doc: JourneyDocument, change: Change): JourneyDocument {
  switch (change.op) {
    case 'stage.add':
      return { ...doc, stages: [...doc.stages, change.value] };
    case 'stage.update':
      return { ...doc, stages: replaceById(doc.stages, change.id, (s) => ({ ...s, ...change.fields })) };
    case 'stage.remove':
      return {
        ...doc,
        stages: withoutId(doc.stages, change.id),
        nodes: doc.nodes.some((n) => n.stageId === change.id)
          ? doc.nodes.map((n) => (n.stageId === change.id ? { ...n, stageId: null } : n))
          : doc.nodes,
      };
    case 'department.add':
      return { ...doc, departments: [...doc.departments, change.value] };
    case 'department.update':
      return {
        ...doc,
        departments: replaceById(doc.departments, change.id, (d) => ({ ...d, ...change.fields })),
      };
    case 'department.remove':
      return {
        ...doc,
        departments: withoutId(doc.departments, change.id),
        // As the database does: the lane's cards lose their department, touchpoints that
        // listed it as supporting drop it, and opportunities it owned have no owner.
        nodes: doc.nodes.some(
          (n) =>
            n.departmentId === change.id ||
            (n.kind === 'touchpoint' && n.supportingDepartmentIds.includes(change.id)) ||
            (n.kind === 'opportunity' && n.ownerDepartmentId === change.id),
        )
          ? doc.nodes.map((n) => {
              const departmentId = n.departmentId === change.id ? null : n.departmentId;
              if (n.kind === 'opportunity' && n.ownerDepartmentId === change.id)
                return { ...n, departmentId, ownerDepartmentId: null };
              if (n.kind !== 'touchpoint')
                return departmentId === n.departmentId ? n : { ...n, departmentId };
              return {
                ...n,
                departmentId,
                supportingDepartmentIds: n.supportingDepartmentIds.filter((id) => id !== change.id),
              };
            })
          : doc.nodes,
      };
    case 'node.add':
      return { ...doc, nodes: [...doc.nodes, change.value] };
    case 'touchpoint.update':
      return { ...doc, nodes: updateNode(doc.nodes, change.id, 'touchpoint', change.fields) };
    case 'painpoint.update':
      return { ...doc, nodes: updateNode(doc.nodes, change.id, 'painpoint', change.fields) };
    case 'opportunity.update':
      return { ...doc, nodes: updateNode(doc.nodes, change.id, 'opportunity', change.fields) };
    case 'note.update':
      return { ...doc, nodes: updateNode(doc.nodes, change.id, 'note', change.fields) };
    case 'node.remove': {
      const edges = doc.edges.filter((e) => e.sourceId !== change.id && e.targetId !== change.id);
      return {
        ...doc,
        nodes: withoutId(doc.nodes, change.id),
        edges: edges.length === doc.edges.length ? doc.edges : edges,
      };
    }
    case 'edge.add':
      return { ...doc, edges: [...doc.edges, change.value] };
    case 'edge.update':
      return { ...doc, edges: replaceById(doc.edges, change.id, (e) => ({ ...e, ...change.fields })) };
    case 'edge.remove':
      return { ...doc, edges: withoutId(doc.edges, change.id) };
    case 'persona.add':
      return { ...doc, personas: [...doc.personas, change.value] };
    case 'persona.update':
      return {
        ...doc,
        personas: replaceById(doc.personas, change.id, (p) => ({ ...p, ...change.fields })),
      };
    case 'persona.remove':
      return {
        ...doc,
        personas: withoutId(doc.personas, change.id),
        nodes: doc.nodes.some((n) => n.kind === 'touchpoint' && n.personaIds.includes(change.id))
          ? doc.nodes.map((n) =>
              n.kind === 'touchpoint' && n.personaIds.includes(change.id)
                ? { ...n, personaIds: n.personaIds.filter((id) => id !== change.id) }
                : n,
            )
          : doc.nodes,
      };
    case 'journey.update':
      return { ...doc, journey: { ...doc.journey, ...change.fields } };
  }
}
