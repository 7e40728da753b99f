import { describe, expect, it } from 'vitest';
import type { FlowEdge, MapNode, PainPoint, Touchpoint } from '../../../../shared/domain/journey';
import {
  MAX_VOTES,
  rankByVotes,
  resetVoteChanges,
  voteChanges,
  voteTotals,
} from '../../../../renderer/src/workshop/vote-ranking';

const pain = (
  id: string,
  name: string,
  votes: number,
  severity: PainPoint['severity'] = 'medium',
): PainPoint => ({
  id,
  kind: 'painpoint',
  name,
  x: 0,
  y: 0,
  stageId: null,
  departmentId: null,
  description: '',
  severity,
  evidence: '',
  status: 'open',
  votes,
});
const touchpoint = (id: string, name: string): Touchpoint => ({
  id,
  kind: 'touchpoint',
  name,
  x: 0,
  y: 0,
  stageId: null,
  departmentId: null,
  description: '',
  channel: 'web',
  mode: 'experience',
  emotion: 0,
  frontstage: true,
  supportingDepartmentIds: [],
  metricKey: '',
  personaIds: [],
});
const attach = (id: string, from: string, to: string): FlowEdge => ({
  id,
  kind: 'attachment',
  sourceId: from,
  targetId: to,
  label: '',
});

describe('the votes ranking', () => {
  it('orders by votes, then severity (worst first), then name', () => {
    const nodes: MapNode[] = [
      pain('a', 'Zebra crossing', 2, 'low'),
      pain('b', 'Alpha', 2, 'low'),
      pain('c', 'Checkout', 2, 'critical'),
      pain('d', 'Dull', 5, 'low'),
      pain('e', 'echo', 0, 'high'),
      touchpoint('t', 'Checkout page'),
    ];
    const ranked = rankByVotes({ nodes, edges: [] });
    expect(ranked.map((r) => r.name)).toEqual(['Dull', 'Checkout', 'Alpha', 'Zebra crossing', 'echo']);
  });

  it('names the touchpoint each pain point attaches to, and shows severity and status', () => {
    const nodes: MapNode[] = [pain('p', 'Long hold', 1, 'high'), touchpoint('t', 'Support call')];
    const [entry] = rankByVotes({ nodes, edges: [attach('e', 'p', 't')] });
    expect(entry).toMatchObject({
      id: 'p',
      votes: 1,
      severity: 'high',
      status: 'open',
      attachedTo: [{ id: 't', name: 'Support call' }],
    });
  });

  it('re-ranks as votes change', () => {
    let nodes: MapNode[] = [pain('a', 'A', 1), pain('b', 'B', 0)];
    expect(rankByVotes({ nodes, edges: [] }).map((r) => r.id)).toEqual(['a', 'b']);
    const changes = voteChanges({ nodes }, ['b'], 1).concat(voteChanges({ nodes }, ['b'], 1));
    expect(changes).toEqual([
      { op: 'painpoint.update', id: 'b', fields: { votes: 1 } },
      { op: 'painpoint.update', id: 'b', fields: { votes: 1 } },
    ]);
    nodes = [pain('a', 'A', 1), pain('b', 'B', 2)];
    expect(rankByVotes({ nodes, edges: [] }).map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('vote changes', () => {
  it('never go below 0 or above the maximum, and skip what cannot vote', () => {
    const nodes: MapNode[] = [pain('a', 'A', 0), pain('b', 'B', MAX_VOTES), touchpoint('t', 'T')];
    expect(voteChanges({ nodes }, ['a', 't'], -1)).toEqual([]);
    expect(voteChanges({ nodes }, ['b'], 1)).toEqual([]);
    expect(voteChanges({ nodes }, ['a', 'b', 't'], 1)).toEqual([
      { op: 'painpoint.update', id: 'a', fields: { votes: 1 } },
    ]);
  });

  it('reset puts every vote back to 0 in one gesture, touching only items with votes', () => {
    const nodes: MapNode[] = [pain('a', 'A', 3), pain('b', 'B', 0), pain('c', 'C', 1)];
    expect(voteTotals({ nodes })).toEqual({ votes: 4, items: 2 });
    expect(resetVoteChanges({ nodes })).toEqual([
      { op: 'painpoint.update', id: 'a', fields: { votes: 0 } },
      { op: 'painpoint.update', id: 'c', fields: { votes: 0 } },
    ]);
  });
});
