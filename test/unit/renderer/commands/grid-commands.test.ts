import { describe, expect, it } from 'vitest';
import { openContext } from './command-context';
import { createJourneyCommandRegistry } from '../../../../renderer/src/commands/journey-commands';
import { bandOrder, newTouchpointAt } from '../../../../renderer/src/state/grid-edits';
import { cancelInlineEdit, confirmInlineEdit, startDraft } from '../../../../renderer/src/state/inline-edit';
import { laneSelectionId, stageSelectionId } from '../../../../renderer/src/state/ui-store';
import { comparable } from '../state/journey-fixtures';
import { nodeLabel } from '../../../../shared/domain/journey';

/**
 * The grid commands and in-place naming against the real API over a temp library: what they
 * change, that each is one undo step, and that the library follows.
 */

const stageNames = (doc: Parameters<typeof bandOrder>[0]) =>
  bandOrder(doc, 'stage').map((id) => doc.stages.find((s) => s.id === id)!.name);

describe('grid commands', () => {
  it('are registered under the ids the context menus and the shortcuts dialog list', () => {
    const ids = createJourneyCommandRegistry()
      .all()
      .map((c) => c.id);
    for (const kind of ['stage', 'lane']) {
      for (const verb of ['insertBefore', 'insertAfter', 'rename', 'delete'])
        expect(ids).toContain(`${kind}.${verb}`);
    }
    expect(ids).toEqual(
      expect.arrayContaining(['stage.moveLeft', 'stage.moveRight', 'lane.moveUp', 'lane.moveDown']),
    );
    expect(createJourneyCommandRegistry().get('node.rename')?.shortcuts).toEqual([{ key: 'F2' }]);
  });

  it('insert a stage after the selected card’s stage and start naming it; one undo step', async () => {
    const { ctx, doc, stored, registry } = await openContext();
    const search = doc().nodes.find((n) => nodeLabel(n) === 'Search ad')!;
    ctx.uiStore.getState().selectOnly(search.id);
    expect(registry.get('stage.insertAfter')!.enabled(ctx)).toBe(true);
    await registry.run('stage.insertAfter', ctx);
    expect(stageNames(doc())[1]).toBe('New stage');
    const edit = ctx.uiStore.getState().inlineEdit!;
    expect(edit.target).toMatch(/^stage:/);
    expect(confirmInlineEdit(ctx, 'Research')).toEqual({ ok: true });
    expect(stageNames(doc())[1]).toBe('Research');
    expect(stageNames(await stored())[1]).toBe('Research');
    await registry.run('edit.undo', ctx);
    await registry.run('edit.undo', ctx);
    expect(stageNames(await stored())).toEqual([
      'Awareness',
      'Consideration',
      'Decision',
      'Retention',
      'Advocacy',
    ]);
  });

  it('move a lane down and back, and refuse to move the last one further', async () => {
    const { ctx, doc, registry } = await openContext();
    const service = doc().departments.find((d) => d.name === 'Customer Service')!;
    ctx.uiStore.getState().selectOnly(laneSelectionId(service.id));
    expect(registry.get('lane.moveDown')!.enabled(ctx)).toBe(false);
    await registry.run('lane.moveUp', ctx);
    expect(bandOrder(doc(), 'lane').indexOf(service.id)).toBe(2);
  });

  it('delete a stage that holds cards only after asking, offering to move them', async () => {
    const { ctx, doc, stored, registry } = await openContext();
    const before = comparable(doc());
    const decision = doc().stages.find((s) => s.name === 'Decision')!;
    ctx.uiStore.getState().selectOnly(stageSelectionId(decision.id));
    await registry.run('selection.delete', ctx);
    const confirm = ctx.uiStore.getState().confirm!;
    expect(confirm.title).toBe('Delete the stage “Decision”?');
    // Decision holds two touchpoints, a pain point and the opportunity attached to it.
    expect(confirm.alternative?.label).toMatch(/^Move 4 cards to “Consideration”$/);
    expect(doc().stages).toHaveLength(5);
    ctx.uiStore.getState().closeConfirm();
    confirm.alternative!.onConfirm();
    expect(doc().stages).toHaveLength(4);
    expect(doc().nodes).toHaveLength(before.nodes.length);
    expect((await stored()).stages).toHaveLength(4);
    await registry.run('edit.undo', ctx);
    expect(comparable(await stored())).toEqual(before);
  });
});

describe('naming in place', () => {
  it('a draft card is created only when named; Escape leaves no trace; Tab goes on to the next', async () => {
    const { ctx, doc, stored } = await openContext();
    const count = doc().nodes.length;
    const advocacy = doc().stages.find((s) => s.name === 'Advocacy')!;
    const x = bandOrder(doc(), 'stage').indexOf(advocacy.id) * 300 + 150;
    startDraft(ctx, newTouchpointAt(doc(), { x, y: 250 }));
    cancelInlineEdit(ctx);
    expect(doc().nodes).toHaveLength(count);
    expect(ctx.documentStore.getState().canUndo).toBe(false);

    startDraft(ctx, newTouchpointAt(doc(), { x, y: 250 }));
    expect(confirmInlineEdit(ctx, '   ')).toEqual({ ok: false, problem: 'A name cannot be empty.' });
    expect(confirmInlineEdit(ctx, 'Newsletter', { next: true })).toEqual({ ok: true });
    const next = ctx.uiStore.getState().inlineEdit!;
    expect(next.draft).not.toBeNull();
    expect(confirmInlineEdit(ctx, 'Loyalty app')).toEqual({ ok: true });
    expect(ctx.uiStore.getState().inlineEdit).toBeNull();
    const names = (await stored()).nodes.map(nodeLabel);
    expect(names).toEqual(expect.arrayContaining(['Newsletter', 'Loyalty app']));
    expect(doc().nodes).toHaveLength(count + 2);
  });
});
