import { describe, expect, it } from 'vitest';
import { nodeLabel } from '../../../../shared/domain/journey';
import { templateContent } from '../../../../shared/templates';
import { findMatches, foldText } from '../../../../renderer/src/workshop/find-matches';
import {
  NO_FILTERS,
  activeFilterCount,
  matchingNodeIds,
} from '../../../../renderer/src/workshop/node-filters';

/** The online-store template, with readable ids: `n1`, `n2` … in the order the template makes them. */
function sample() {
  let counter = 0;
  const { content } = templateContent('online-store', () => `n${++counter}`);
  const byName = (name: string) => {
    const node = content.nodes.find((n) => nodeLabel(n) === name);
    if (!node) throw new Error(`no node "${name}"`);
    return node.id;
  };
  const department = (name: string) => content.departments.find((d) => d.name === name)!.id;
  return { ...content, byName, department };
}

describe('find on the map', () => {
  it('finds a text in names, descriptions and evidence, ignoring case and accents', () => {
    const map = sample();
    const names = (query: string) =>
      findMatches(map, query).map((id) => {
        const node = map.nodes.find((n) => n.id === id);
        return node ? nodeLabel(node) : id;
      });
    // "checkout" is in two names; "palace" only in a pain point's evidence; "SOCKS" in descriptions.
    expect(names('checkout')).toEqual(['Checkout and payment', 'Confusing checkout']);
    expect(names('palace')).toEqual(['Confusing checkout']);
    expect(names('SOCKS').sort()).toEqual(['Wrong item shipped', 'Wrong item: support call']);
    expect(foldText('Café Crème')).toBe('cafe creme');
    expect(findMatches(map, '   ')).toEqual([]);
    expect(findMatches(map, 'nothing like this')).toEqual([]);
  });

  it('lists matches in reading order: stage by stage, top to bottom, headers first', () => {
    const map = sample();
    const ids = findMatches(map, 'e');
    const stageIds = ids.filter((id) => id.startsWith('stage:'));
    expect(stageIds.length).toBeGreaterThan(0);
    // Every match's column never goes backwards.
    const columnOf = (id: string) => {
      if (id.startsWith('lane:')) return -2;
      if (id.startsWith('stage:')) return map.stages.find((s) => `stage:${s.id}` === id)!.order;
      const node = map.nodes.find((n) => n.id === id)!;
      return map.stages.find((s) => s.id === node.stageId)!.order;
    };
    const columns = ids.map(columnOf);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
  });
});

describe('filters', () => {
  it('keep nothing out while no filter is active', () => {
    expect(matchingNodeIds(sample(), NO_FILTERS)).toBeNull();
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('keep the cards of a department', () => {
    const map = sample();
    const service = map.department('Customer Service');
    const kept = matchingNodeIds(map, { ...NO_FILTERS, department: [service] })!;
    const expected = map.nodes.filter((n) => n.departmentId === service).map((n) => n.id);
    expect([...kept].sort()).toEqual(expected.sort());
    expect(kept.has(map.byName('Wrong item: support call'))).toBe(true);
    expect(kept.has(map.byName('Checkout and payment'))).toBe(false);
  });

  it('combine groups (and) and values within a group (or)', () => {
    const map = sample();
    const filters = {
      ...NO_FILTERS,
      department: [map.department('Product'), map.department('Sales')],
      mode: ['experience'],
    };
    const kept = matchingNodeIds(map, filters)!;
    for (const node of map.nodes) {
      if (node.kind !== 'touchpoint') continue;
      const inLanes = filters.department.includes(node.departmentId!);
      expect(kept.has(node.id), nodeLabel(node)).toBe(inLanes && node.mode === 'experience');
    }
    expect(activeFilterCount(filters)).toBe(2);
  });

  it('carry attributes across attachments: critical keeps critical pain points and their touchpoints', () => {
    const map = sample();
    const kept = matchingNodeIds(map, { ...NO_FILTERS, severity: ['critical'] })!;
    const names = [...kept].map((id) => nodeLabel(map.nodes.find((n) => n.id === id)!)).sort();
    expect(names).toEqual([
      'Checkout and payment',
      'Confusing checkout',
      'Pay as a guest on one page',
      'Shipping updates',
      'Wrong item shipped',
    ]);
    // A pain point takes the channel of its touchpoint.
    const phone = matchingNodeIds(map, { ...NO_FILTERS, channel: ['phone'] })!;
    expect(phone.has(map.byName('Long hold time'))).toBe(true);
    expect(phone.has(map.byName('Confusing checkout'))).toBe(false);
  });

  it('keep touchpoints tagged with a persona', () => {
    const map = sample();
    const persona = map.personas[0]!.id;
    const tagged = map.nodes.filter((n) => n.kind === 'touchpoint' && n.personaIds.includes(persona));
    const kept = matchingNodeIds(map, { ...NO_FILTERS, persona: [persona] })!;
    for (const node of tagged) expect(kept.has(node.id)).toBe(true);
    expect(kept.size).toBeGreaterThanOrEqual(tagged.length);
  });
});
