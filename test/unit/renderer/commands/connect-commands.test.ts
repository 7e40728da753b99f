import { afterEach, describe, expect, it } from 'vitest';
import { openContext } from './command-context';
import type { MapNode } from '../../../../shared/domain/journey';
import { nodeLabel } from '../../../../shared/domain/journey';
import {
  closeConnect,
  connectTargets,
  connectTo,
  connectUi,
} from '../../../../renderer/src/commands/connect-commands';
import type { CommandContext } from '../../../../renderer/src/commands/command-registry';

/** Connecting two cards from the keyboard ("Connect to…"), against the real API over a temp library. */

const node = (ctx: CommandContext, name: string): MapNode =>
  ctx.documentStore.getState().doc!.nodes.find((n) => n.kind !== 'note' && nodeLabel(n) === name)!;

afterEach(closeConnect);

describe('Connect to…', () => {
  it('is offered for exactly one selected card of a kind that connects, on an editable map', async () => {
    const { ctx, registry } = await openContext();
    const command = registry.get('selection.connect')!;
    expect(command.shortcuts).toEqual([{ key: 'k', mod: true }]);
    expect(command.enabled(ctx)).toBe(false);
    ctx.uiStore.getState().selectOnly(node(ctx, 'Search ad').id);
    expect(command.enabled(ctx)).toBe(true);
    ctx.uiStore
      .getState()
      .select({ nodes: [node(ctx, 'Search ad').id, node(ctx, 'Social post').id], edges: [] });
    expect(command.enabled(ctx)).toBe(false);
    ctx.uiStore.getState().selectOnly(node(ctx, 'Search ad').id);
    ctx.documentStore.setState({ readOnly: true });
    expect(command.enabled(ctx)).toBe(false);
  });

  it('lists only cards an arrow may go to, in map order, with kind, stage and lane', async () => {
    const { ctx, doc } = await openContext();
    const searchAd = node(ctx, 'Search ad');
    const targets = connectTargets(doc(), searchAd.id);
    const names = targets.map((t) => t.label);
    expect(names).not.toContain('Search ad'); // not itself
    expect(names).not.toContain('Long hold time'); // a touchpoint does not point at a pain point
    const already = doc()
      .edges.filter((e) => e.sourceId === searchAd.id)
      .map((e) => e.targetId);
    expect(already.length).toBeGreaterThan(0);
    for (const id of already) expect(targets.map((t) => t.id)).not.toContain(id); // no duplicates
    expect(targets.every((t) => t.detail.startsWith('Touchpoint · '))).toBe(true);
    // Stage order: every Awareness card before any Advocacy card.
    const lastAwareness = targets.map((t) => t.detail.includes('· Awareness ·')).lastIndexOf(true);
    const firstAdvocacy = targets.findIndex((t) => t.detail.includes('· Advocacy ·'));
    expect(lastAwareness).toBeLessThan(firstAdvocacy);

    const painTargets = connectTargets(doc(), node(ctx, 'Long hold time').id);
    expect(painTargets.length).toBeGreaterThan(0);
    expect(painTargets.every((t) => t.detail.startsWith('Touchpoint'))).toBe(true);
  });

  it('draws the arrow as one undo step that the database follows', async () => {
    const { ctx, registry, stored } = await openContext();
    const from = node(ctx, 'Search ad');
    const to = node(ctx, 'Referral request');
    ctx.uiStore.getState().selectOnly(from.id);
    await registry.run('selection.connect', ctx);
    expect(connectUi.getState().sourceId).toBe(from.id);
    const edges = ctx.documentStore.getState().doc!.edges.length;
    connectTo(ctx, to.id);
    expect(connectUi.getState().sourceId).toBeNull();
    const added = ctx.documentStore
      .getState()
      .doc!.edges.find((e) => e.sourceId === from.id && e.targetId === to.id);
    expect(added?.kind).toBe('flow');
    expect((await stored()).edges).toHaveLength(edges + 1);
    ctx.documentStore.getState().undo();
    expect(ctx.documentStore.getState().doc!.edges).toHaveLength(edges);
    expect((await stored()).edges).toHaveLength(edges);
  });

  it('says why when the arrow makes no sense, and changes nothing', async () => {
    const { ctx, doc } = await openContext();
    const edges = doc().edges.length;
    connectUi.setState({ sourceId: node(ctx, 'Search ad').id });
    connectTo(ctx, node(ctx, 'Long hold time').id);
    expect(doc().edges).toHaveLength(edges);
    expect(ctx.uiStore.getState().notices.at(-1)?.text).toMatch(/Drag from the pain point/);
  });
});
