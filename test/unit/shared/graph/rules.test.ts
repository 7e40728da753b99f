import { describe, expect, it } from 'vitest';
import type { MapNode } from '../../../../shared/domain/journey';
import { connectionKind } from '../../../../shared/graph/rules';

const node = (id: string, kind: MapNode['kind']) => ({ id, kind });
const touchpoint = node('t1', 'touchpoint');
const otherTouchpoint = node('t2', 'touchpoint');
const pain = node('p1', 'painpoint');
const otherPain = node('p2', 'painpoint');
const opportunity = node('o1', 'opportunity');
const otherOpportunity = node('o2', 'opportunity');
const note = node('n1', 'note');

describe('connectionKind', () => {
  it('draws the customer path between touchpoints and attaches pain points to touchpoints', () => {
    expect(connectionKind(touchpoint, otherTouchpoint)).toEqual({ kind: 'flow' });
    expect(connectionKind(pain, touchpoint)).toEqual({ kind: 'attachment' });
    expect(connectionKind(touchpoint, pain)).toEqual({
      reason: 'Drag from the pain point to the touchpoint it concerns.',
    });
    expect(connectionKind(pain, otherPain)).toEqual({
      reason: 'Pain points attach to touchpoints, not to other pain points.',
    });
  });

  it('attaches an opportunity to a pain point or a touchpoint, from the opportunity only', () => {
    expect(connectionKind(opportunity, pain)).toEqual({ kind: 'attachment' });
    expect(connectionKind(opportunity, touchpoint)).toEqual({ kind: 'attachment' });
    const backwards = { reason: 'Drag from the opportunity to the pain point or touchpoint it concerns.' };
    expect(connectionKind(pain, opportunity)).toEqual(backwards);
    expect(connectionKind(touchpoint, opportunity)).toEqual(backwards);
    const sameKind = {
      reason: 'Opportunities attach to pain points or touchpoints, not to other opportunities.',
    };
    expect(connectionKind(opportunity, otherOpportunity)).toEqual(sameKind);
  });

  it('connects free notes to nothing, and nothing to itself', () => {
    const reason = { reason: 'Free notes do not connect to anything.' };
    for (const other of [touchpoint, pain, opportunity]) {
      expect(connectionKind(note, other)).toEqual(reason);
      expect(connectionKind(other, note)).toEqual(reason);
    }
    expect(connectionKind(opportunity, opportunity)).toEqual({ reason: 'A node cannot connect to itself.' });
  });
});
