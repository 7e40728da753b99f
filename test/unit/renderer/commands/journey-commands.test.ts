import { afterEach, describe, expect, it, vi } from 'vitest';
import { openContext } from './command-context';
import { commandForKey } from '../../../../renderer/src/commands/command-registry';
import { stageSelectionId } from '../../../../renderer/src/state/ui-store';
import { confirmInlineEdit } from '../../../../renderer/src/state/inline-edit';
import { nodeLabel } from '../../../../shared/domain/journey';

/**
 * The undo and redo commands: their keys (and when the keys belong to a text field instead), and
 * what they do to the map and the selection, against the real API over a temp library.
 */

/** Just enough of a DOM element for isTypingTarget. */
class FakeElement {
  isContentEditable = false;
  constructor(
    readonly tagName: string,
    readonly type = '',
  ) {}
}

const key = (
  keyName: string,
  options: { ctrl?: boolean; shift?: boolean; target?: FakeElement | null } = {},
): KeyboardEvent =>
  ({
    key: keyName,
    ctrlKey: options.ctrl ?? false,
    metaKey: false,
    shiftKey: options.shift ?? false,
    altKey: false,
    target: options.target ?? null,
  }) as unknown as KeyboardEvent;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the undo and redo keys', () => {
  it('are Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, and belong to a text field while the user types in one', async () => {
    vi.stubGlobal('HTMLElement', FakeElement);
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
    const { ctx, registry } = await openContext();
    const canvas = new FakeElement('DIV');
    const commandId = (event: KeyboardEvent) => commandForKey(registry, ctx, event)?.id ?? null;

    expect(commandId(key('z', { ctrl: true, target: canvas }))).toBe('edit.undo');
    expect(commandId(key('Z', { ctrl: true, shift: true, target: canvas }))).toBe('edit.redo');
    expect(commandId(key('y', { ctrl: true, target: canvas }))).toBe('edit.redo');
    expect(commandId(key('z', { target: canvas }))).toBeNull();

    for (const field of [
      new FakeElement('INPUT', 'text'),
      new FakeElement('TEXTAREA'),
      new FakeElement('SELECT'),
      Object.assign(new FakeElement('DIV'), { isContentEditable: true }),
    ]) {
      expect(commandId(key('z', { ctrl: true, target: field }))).toBeNull();
      expect(commandId(key('Z', { ctrl: true, shift: true, target: field }))).toBeNull();
      expect(commandId(key('y', { ctrl: true, target: field }))).toBeNull();
      // Other Ctrl shortcuts still work from a field.
      expect(commandId(key('0', { ctrl: true, target: field }))).toBe('view.fit');
    }
    // A checkbox is not typing: the map's undo.
    expect(commandId(key('z', { ctrl: true, target: new FakeElement('INPUT', 'checkbox') }))).toBe(
      'edit.undo',
    );
  });

  it('in Electron leave Ctrl+Z and Ctrl+Shift+Z to the menu, which has no Ctrl+Y', async () => {
    vi.stubGlobal('HTMLElement', FakeElement);
    vi.stubGlobal('navigator', { platform: 'Win32', userAgent: 'test' });
    const { ctx, registry } = await openContext('electron');
    const canvas = new FakeElement('DIV');
    const commandId = (event: KeyboardEvent) => commandForKey(registry, ctx, event)?.id ?? null;
    expect(commandId(key('z', { ctrl: true, target: canvas }))).toBeNull();
    expect(commandId(key('Z', { ctrl: true, shift: true, target: canvas }))).toBeNull();
    expect(commandId(key('y', { ctrl: true, target: canvas }))).toBe('edit.redo');
  });
});

describe('the undo and redo commands', () => {
  it('are off until there is something to undo or redo', async () => {
    const { ctx, registry } = await openContext();
    const undo = registry.get('edit.undo')!;
    const redo = registry.get('edit.redo')!;
    expect(undo.label).toBe('Undo');
    expect(redo.label).toBe('Redo');
    expect(undo.enabled(ctx)).toBe(false);
    expect(redo.enabled(ctx)).toBe(false);
    // A new stage is named in place; it is on the map (and in the history) once its name is confirmed.
    await registry.run('map.addStage', ctx);
    expect(undo.enabled(ctx)).toBe(false);
    expect(confirmInlineEdit(ctx, 'Onboarding')).toEqual({ ok: true });
    expect(undo.enabled(ctx)).toBe(true);
    await registry.run('edit.undo', ctx);
    expect(undo.enabled(ctx)).toBe(false);
    expect(redo.enabled(ctx)).toBe(true);
    // Not while a confirmation is pending: its action was planned on the map as it stands.
    ctx.uiStore
      .getState()
      .askConfirm({ title: 'Delete?', message: '', confirmLabel: 'Delete', onConfirm() {} });
    expect(redo.enabled(ctx)).toBe(false);
    ctx.uiStore.getState().closeConfirm();
    expect(redo.enabled(ctx)).toBe(true);
    // Not on the library, whatever the history holds.
    ctx.uiStore.getState().setRoute({ name: 'library' });
    expect(redo.enabled(ctx)).toBe(false);
  });

  it('keep the selection on what still exists, so the inspector never shows a deleted item', async () => {
    const { ctx, registry, repo, id } = await openContext();
    const ui = () => ctx.uiStore.getState();
    const doc = () => ctx.documentStore.getState().doc!;

    // A new touchpoint, named in place and then selected; undo takes it away, and the selection.
    await registry.run('map.addTouchpoint', ctx);
    expect(confirmInlineEdit(ctx, 'Store locator')).toEqual({ ok: true });
    const added = ui().selection.nodes[0]!;
    expect(doc().nodes.some((n) => n.id === added)).toBe(true);
    await registry.run('edit.undo', ctx);
    expect(doc().nodes.some((n) => n.id === added)).toBe(false);
    expect(ui().selection).toEqual({ nodes: [], edges: [] });

    // Redo brings it back; a stage and an edge selected meanwhile stay selected.
    const stage = doc().stages[0]!;
    const edge = doc().edges[0]!;
    ui().select({ nodes: [stageSelectionId(stage.id)], edges: [edge.id] });
    await registry.run('edit.redo', ctx);
    expect(doc().nodes.some((n) => n.id === added)).toBe(true);
    expect(ui().selection).toEqual({ nodes: [stageSelectionId(stage.id)], edges: [edge.id] });

    // A card deleted and brought back: the database has it again with its arrows.
    const checkout = doc().nodes.find((n) => nodeLabel(n) === 'Checkout and payment')!;
    const arrows = doc().edges.filter((e) => e.sourceId === checkout.id || e.targetId === checkout.id);
    ui().selectOnly(checkout.id);
    await registry.run('selection.delete', ctx);
    await ctx.documentStore.getState().flush();
    expect(repo.get(id).nodes.some((n) => n.id === checkout.id)).toBe(false);
    await registry.run('edit.undo', ctx);
    await ctx.documentStore.getState().flush();
    const stored = repo.get(id);
    expect(stored.nodes.find((n) => n.id === checkout.id)).toEqual(checkout);
    for (const arrow of arrows) expect(stored.edges).toContainEqual(arrow);
  });
});
