import { afterEach, describe, expect, it, vi } from 'vitest';
import { openContext } from './command-context';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import { commandForKey } from '../../../../renderer/src/commands/command-registry';
import { commandUi } from '../../../../renderer/src/commands/command-ui';
import { createJourneyCommandRegistry } from '../../../../renderer/src/commands/journey-commands';
import { copyText, pasteText } from '../../../../renderer/src/commands/selection-commands';
import { comparable } from '../state/journey-fixtures';

/**
 * The selection, clipboard and arrange commands against the real API over a temp library: each
 * is one undo step, and what it does reaches the database.
 */

const key = (name: string, ctrl = false) =>
  ({
    key: name,
    ctrlKey: ctrl,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
  }) as unknown as KeyboardEvent;

afterEach(() => {
  vi.unstubAllGlobals();
  commandUi.setState({ shortcutsOpen: false, menu: null, anchor: null, canvas: null });
});

describe('selection commands', () => {
  it('select all, duplicate, align and tidy are each one undo step, and reach the database', async () => {
    const { ctx, registry, repo, id } = await openContext();
    const doc = () => ctx.documentStore.getState().doc!;
    const initial = comparable(doc());

    await registry.run('selection.selectAll', ctx);
    expect(ctx.uiStore.getState().selection.nodes).toHaveLength(doc().nodes.length);

    const three = doc()
      .nodes.filter((n) => n.kind === 'touchpoint')
      .slice(0, 3)
      .map((n) => n.id);
    ctx.uiStore.getState().select({ nodes: three, edges: [] });
    await registry.run('selection.duplicate', ctx);
    expect(doc().nodes).toHaveLength(initial.nodes.length + 3);
    // The copies are selected: align them.
    const copies = ctx.uiStore.getState().selection.nodes;
    expect(copies.filter((c) => three.includes(c))).toEqual([]);
    await registry.run('arrange.alignTop', ctx);
    expect(
      new Set(
        doc()
          .nodes.filter((n) => copies.includes(n.id))
          .map((n) => n.y),
      ).size,
    ).toBe(1);
    ctx.uiStore.getState().clearSelection();
    await registry.run('arrange.tidy', ctx);
    expect(ctx.documentStore.getState().undoStack).toHaveLength(3);

    await ctx.documentStore.getState().flush();
    expect(comparable(repo.get(id))).toEqual(comparable(doc()));
    for (let i = 0; i < 3; i++) await registry.run('edit.undo', ctx);
    await ctx.documentStore.getState().flush();
    expect(comparable(doc())).toEqual(initial);
    expect(comparable(repo.get(id))).toEqual(initial);
  });

  it('align needs two cards and distribute three', async () => {
    const { ctx, registry } = await openContext();
    const ids = ctx.documentStore.getState().doc!.nodes.map((n) => n.id);
    ctx.uiStore.getState().select({ nodes: ids.slice(0, 2), edges: [] });
    expect(registry.get('arrange.alignLeft')!.enabled(ctx)).toBe(true);
    expect(registry.get('arrange.distributeHorizontally')!.enabled(ctx)).toBe(false);
    ctx.uiStore.getState().select({ nodes: ids.slice(0, 1), edges: [] });
    expect(registry.get('arrange.alignLeft')!.enabled(ctx)).toBe(false);
  });

  it('a bad clipboard envelope changes nothing and says why; pasted cards are one undo step', async () => {
    const { ctx } = await openContext();
    const state = () => ctx.documentStore.getState();
    const two = state()
      .doc!.nodes.slice(0, 2)
      .map((n) => n.id);
    ctx.uiStore.getState().select({ nodes: two, edges: [] });
    const text = copyText(ctx)!;
    const before = state().doc;
    pasteText(ctx, text.replace('"version": 1', '"version": 9'), null);
    expect(state().doc).toBe(before);
    expect(ctx.uiStore.getState().notices.at(-1)).toMatchObject({ tone: 'error' });
    expect(ctx.uiStore.getState().notices.at(-1)!.text).toMatch(/version 9/);

    pasteText(ctx, text, null);
    expect(state().doc!.nodes).toHaveLength(before!.nodes.length + 2);
    expect(state().undoStack).toHaveLength(1);
    pasteText(ctx, 'Ad\nFlyer\nPoster', { x: 10, y: 10 });
    expect(
      state().doc!.nodes.filter((n) => ['Ad', 'Flyer', 'Poster'].includes('name' in n ? n.name : '')),
    ).toHaveLength(3);
    expect(state().undoStack).toHaveLength(2);

    // One line of someone else's text is kept whole on a free note, selected, one more undo step.
    const said = 'Customers say the "track order" link = nothing useful, 3 times today';
    pasteText(ctx, said, { x: 10, y: 10 });
    const notes = state().doc!.nodes.filter((n) => n.kind === 'note');
    expect(notes.map((n) => n.kind === 'note' && n.text)).toContain(said);
    const note = notes.find((n) => n.kind === 'note' && n.text === said)!;
    expect(ctx.uiStore.getState().selection.nodes).toEqual([note.id]);
    expect(state().undoStack).toHaveLength(3);
  });

  it('leave Ctrl+C, X and V to the browser, and open the shortcuts on "?"', async () => {
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    vi.stubGlobal('HTMLElement', class {});
    const { ctx, registry } = await openContext();
    ctx.uiStore.getState().select({ nodes: [ctx.documentStore.getState().doc!.nodes[0]!.id], edges: [] });
    for (const letter of ['c', 'x', 'v']) expect(commandForKey(registry, ctx, key(letter, true))).toBeNull();
    expect(commandForKey(registry, ctx, key('a', true))?.id).toBe('selection.selectAll');
    expect(commandForKey(registry, ctx, key('d', true))?.id).toBe('selection.duplicate');
    const help = commandForKey(registry, ctx, key('?'));
    expect(help?.id).toBe('help.shortcuts');
    await registry.run('help.shortcuts', ctx);
    expect(commandUi.getState().shortcutsOpen).toBe(true);
  });
});

describe('the Electron menu', () => {
  it('sends only commands the registry has', () => {
    const ids = new Set(
      createJourneyCommandRegistry()
        .all()
        .map((c) => c.id),
    );
    const sent: string[] = [];
    const template = buildMenuTemplate({
      isMac: false,
      appName: 'Journey Studio',
      isDev: false,
      sendCommand: (c) => sent.push(c),
    });
    const clickAll = (items: unknown[]) => {
      for (const item of items as { click?: () => void; submenu?: unknown[] }[]) {
        item.click?.();
        if (Array.isArray(item.submenu)) clickAll(item.submenu);
      }
    };
    clickAll(template);
    for (const id of [
      'selection.selectAll',
      'selection.duplicate',
      'arrange.alignLeft',
      'arrange.distributeVertically',
      'arrange.tidy',
      'view.zoomToStage',
      'help.shortcuts',
    ]) {
      expect(sent).toContain(id);
    }
    for (const id of sent) expect(ids.has(id), id).toBe(true);
  });
});
