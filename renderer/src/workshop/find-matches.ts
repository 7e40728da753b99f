import type { Department, MapNode, Stage } from '../../../shared/domain/journey';
import { NODE_SIZE, departmentLanes, stageColumns } from '../../../shared/graph/grid';
import { laneSelectionId, stageSelectionId } from '../state/ui-store';

/**
 * Find on the map: which nodes hold a text, in reading order (stage by stage, left to right, and
 * top to bottom within a stage). Cards are searched in every text they hold (name, description,
 * evidence, notes …), headers in their names and goals. Case and accents are ignored.
 */

/** Lower case without accents, so "cafe" finds "Café". */
export const foldText = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Fields that hold ids or enum values, not words a user would look for. */
const NOT_TEXT = new Set([
  'id',
  'kind',
  'stageId',
  'departmentId',
  'channel',
  'mode',
  'severity',
  'status',
  'colour',
  'ownerDepartmentId',
]);

const textCache = new WeakMap<object, string>();

/** Every user-written text of a node, folded, cached per node object (nodes are immutable). */
export function searchableText(item: object): string {
  const cached = textCache.get(item);
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === 'string' && !NOT_TEXT.has(key) && value) parts.push(value);
  }
  const text = foldText(parts.join('\n'));
  textCache.set(item, text);
  return text;
}

export interface FindInput {
  stages: readonly Stage[];
  departments: readonly Department[];
  nodes: readonly MapNode[];
}

interface Candidate {
  id: string;
  column: number;
  y: number;
  x: number;
}

/** Canvas ids (node ids, `stage:<id>`, `lane:<id>`) of everything that holds the query, in reading order. */
export function findMatches(input: FindInput, query: string): string[] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  const columns = stageColumns(input.stages);
  const columnOf = (x: number) => {
    const index = columns.findIndex((c) => x >= c.start && x < c.start + c.size);
    if (index >= 0) return index;
    return x < 0 ? -1 : columns.length;
  };
  const found: Candidate[] = [];
  columns.forEach((column, index) => {
    const stage = input.stages.find((s) => s.id === column.id);
    if (stage && searchableText(stage).includes(needle))
      found.push({ id: stageSelectionId(stage.id), column: index, y: -Infinity, x: column.start });
  });
  for (const lane of departmentLanes(input.departments)) {
    const department = input.departments.find((d) => d.id === lane.id);
    if (department && searchableText({ name: department.name }).includes(needle))
      found.push({ id: laneSelectionId(department.id), column: -2, y: lane.start, x: 0 });
  }
  for (const node of input.nodes) {
    if (!searchableText(node).includes(needle)) continue;
    const size = NODE_SIZE[node.kind] ?? NODE_SIZE.touchpoint;
    found.push({ id: node.id, column: columnOf(node.x + size.width / 2), y: node.y, x: node.x });
  }
  found.sort((a, b) => a.column - b.column || a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  return found.map((c) => c.id);
}

let last: {
  input: FindInput;
  stages: unknown;
  nodes: unknown;
  departments: unknown;
  query: string;
  result: string[];
} | null = null;

/**
 * findMatches for the map on screen, computed once per change of the map or the query: the find
 * bar and the canvas both ask for it on the same render.
 */
export function findMatchesCached(input: FindInput, query: string): string[] {
  if (
    last &&
    last.query === query &&
    last.stages === input.stages &&
    last.departments === input.departments &&
    last.nodes === input.nodes
  ) {
    return last.result;
  }
  const result = findMatches(input, query);
  last = { input, stages: input.stages, departments: input.departments, nodes: input.nodes, query, result };
  return result;
}
