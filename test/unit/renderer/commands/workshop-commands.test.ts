import { afterEach, describe, expect, it, vi } from 'vitest';
import { openContext } from './command-context';
import type { PainPoint } from '../../../../shared/domain/journey';
import { commandForKey, type CommandContext } from '../../../../renderer/src/commands/command-registry';
import { workshopStoreOf } from '../../../../renderer/src/workshop/workshop-store';

/** Dot-voting and the workshop keys, against the real API over a temp library. */

const painPoint = (ctx: CommandContext, name: string) =>
  ctx.documentStore
    .getState()
    .doc!.nodes.find((n): n is PainPoint => n.kind === 'painpoint' && n.name === name)!;

const storedVotes = (repo: Awaited<ReturnType<typeof openContext>>['repo'], id: string, nodeId: string) =>
  (repo.get(id).nodes.find((n) => n.id === nodeId) as PainPoint).votes;

const key = (name: string, options: { ctrl?: boolean; shift?: boolean } = {}) =>
  ({
    key: name,
    ctrlKey: options.ctrl ?? false,
    metaKey: false,
    shiftKey: options.shift ?? false,
    altKey: false,
    target: null,
  }) as unknown as KeyboardEvent;

afterEach(() => vi.unstubAllGlobals());

describe('dot-voting commands', () => {
  it('add and remove votes on the selected pain point, one undo step each, saved', async () => {
    const { ctx, registry, repo, id } = await openContext();
    const hold = painPoint(ctx, 'Long hold time');
    expect(await registry.run('votes.add', ctx)).toBe(false); // nothing selected
    ctx.uiStore.getState().selectOnly(hold.id);
    await registry.run('votes.add', ctx);
    await registry.run('votes.add', ctx);
    expect(painPoint(ctx, 'Long hold time').votes).toBe(2);
    await registry.run('votes.remove', ctx);
    expect(painPoint(ctx, 'Long hold time').votes).toBe(1);
    await ctx.documentStore.getState().flush();
    expect(storedVotes(repo, id, hold.id)).toBe(1);
    ctx.documentStore.getState().undo();
    expect(painPoint(ctx, 'Long hold time').votes).toBe(2);
  });

  it('reset all votes asks first, then is one undo step that brings every vote back', async () => {
    const { ctx, registry, repo, id } = await openContext();
    const hold = painPoint(ctx, 'Long hold time');
    const checkout = painPoint(ctx, 'Confusing checkout');
    expect(registry.get('votes.reset')!.enabled(ctx)).toBe(false); // no votes yet
    ctx.uiStore.getState().select({ nodes: [hold.id, checkout.id], edges: [] });
    await registry.run('votes.add', ctx);
    ctx.uiStore.getState().selectOnly(checkout.id);
    await registry.run('votes.add', ctx);
    await registry.run('votes.reset', ctx);
    const confirm = ctx.uiStore.getState().confirm!;
    expect(confirm.title).toBe('Reset all votes?');
    expect(confirm.message).toContain('All 3 votes on 2 items');
    expect(painPoint(ctx, 'Confusing checkout').votes).toBe(2); // nothing yet
    ctx.uiStore.getState().closeConfirm();
    confirm.onConfirm();
    expect(painPoint(ctx, 'Long hold time').votes).toBe(0);
    expect(painPoint(ctx, 'Confusing checkout').votes).toBe(0);
    await ctx.documentStore.getState().flush();
    expect(storedVotes(repo, id, checkout.id)).toBe(0);
    expect(ctx.documentStore.getState().undo()).toBe(true);
    expect(painPoint(ctx, 'Long hold time').votes).toBe(1);
    expect(painPoint(ctx, 'Confusing checkout').votes).toBe(2);
    await ctx.documentStore.getState().flush();
    expect(storedVotes(repo, id, checkout.id)).toBe(2);
  });
});

describe('workshop keys', () => {
  it('+ and − vote, Ctrl+F finds, Ctrl+Shift++ enlarges text while Ctrl+= still zooms', async () => {
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    vi.stubGlobal('HTMLElement', class {});
    const { ctx, registry } = await openContext();
    const commandId = (event: KeyboardEvent) => commandForKey(registry, ctx, event)?.id ?? null;
    expect(commandId(key('+', { shift: true }))).toBe('votes.add');
    expect(commandId(key('='))).toBe('votes.add');
    expect(commandId(key('-'))).toBe('votes.remove');
    expect(commandId(key('f', { ctrl: true }))).toBe('find.open');
    expect(commandId(key('F', { ctrl: true, shift: true }))).toBe('view.filter');
    expect(commandId(key('=', { ctrl: true }))).toBe('view.zoomIn');
    expect(commandId(key('-', { ctrl: true }))).toBe('view.zoomOut');
    expect(commandId(key('+', { ctrl: true, shift: true }))).toBe('view.textLarger');
    expect(commandId(key('_', { ctrl: true, shift: true }))).toBe('view.textSmaller');
    expect(commandId(key('0', { ctrl: true }))).toBe('view.fit');
    expect(commandId(key(')', { ctrl: true, shift: true }))).toBe('view.textReset');
  });

  it('the text scale steps through 100, 125, 150 and 200% and stops at the ends', async () => {
    const { ctx, registry } = await openContext();
    const scale = () => workshopStoreOf(ctx.uiStore).getState().textScale;
    expect(scale()).toBe(1);
    await registry.run('view.textSmaller', ctx);
    expect(scale()).toBe(1);
    for (const expected of [1.25, 1.5, 2, 2]) {
      await registry.run('view.textLarger', ctx);
      expect(scale()).toBe(expected);
    }
    await registry.run('view.textReset', ctx);
    expect(scale()).toBe(1);
    await registry.run('view.textScale150', ctx);
    expect(scale()).toBe(1.5);
  });
});
