/**
 * How the workshop tools mark nodes on the canvas: cards the filters leave out are faded, and
 * find results are highlighted (the current one more strongly). The sets are computed once per
 * change of the map, the filters or the query; each node then gets a class name, a string, so a
 * node whose mark did not change keeps its React Flow object and does not re-render.
 */
export interface NodeMarks {
  /** Cards the filters keep, or null when no filter is active. */
  kept: ReadonlySet<string> | null;
  /** Lanes the department filter keeps, or null when it is not active. */
  keptLanes: ReadonlySet<string> | null;
  /** Canvas ids of the find matches (empty when the find bar is closed or empty). */
  found: ReadonlySet<string>;
  /** The current find match. */
  current: string | null;
}

export const NO_MARKS: NodeMarks = { kept: null, keptLanes: null, found: new Set(), current: null };

/** The class of a card (or, with `laneId`, a lane header): undefined when unmarked. */
export function markClass(marks: NodeMarks | undefined, id: string, laneId?: string): string | undefined {
  if (!marks) return undefined;
  const classes: string[] = [];
  if (
    laneId !== undefined ? marks.keptLanes && !marks.keptLanes.has(laneId) : marks.kept && !marks.kept.has(id)
  )
    classes.push('is-dimmed');
  if (marks.current === id) classes.push('is-found', 'is-found-current');
  else if (marks.found.has(id)) classes.push('is-found');
  return classes.length ? classes.join(' ') : undefined;
}

/** An edge fades when a filter fades either of its ends. */
export const edgeDimmed = (marks: NodeMarks | undefined, sourceId: string, targetId: string) =>
  Boolean(marks?.kept && !(marks.kept.has(sourceId) && marks.kept.has(targetId)));
