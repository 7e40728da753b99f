import { describe, expect, it } from 'vitest';
import { openContext } from './command-context';
import { cancelInlineEdit, confirmInlineEdit } from '../../../../renderer/src/state/inline-edit';
import { laneSelectionId, stageSelectionId } from '../../../../renderer/src/state/ui-store';

/**
 * Every Add command opens the new thing's name editor in place, as a double-click on an empty cell
 * does: nothing is on the map until the name is confirmed (then one undo step, saved), Escape
 * leaves nothing behind, and Tab after a touchpoint starts the next one in the same cell.
 */

describe('adding names the new thing in place', () => {
  it('a touchpoint from the toolbar: a draft in the selected card’s cell, one undo step once named', async () => {
    const { ctx, registry, doc, stored } = await openContext();
    const ui = () => ctx.uiStore.getState();
    const checkout = doc().nodes.find((n) => n.kind === 'touchpoint' && n.name === 'Checkout and payment')!;
    ui().selectOnly(checkout.id);
    const before = doc().nodes.length;
    await registry.run('map.addTouchpoint', ctx);
    const edit = ui().inlineEdit!;
    expect(edit.draft).not.toBeNull();
    expect(doc().nodes).toHaveLength(before); // a draft: not on the map, not in the history yet
    expect(ctx.documentStore.getState().canUndo).toBe(false);
    expect(ui().focusRequest).toBeNull(); // the inspector's name field is not what gets the focus

    // Tab: named, and the next one starts in the same cell.
    expect(confirmInlineEdit(ctx, 'Gift wrap', { next: true })).toEqual({ ok: true });
    const gift = doc().nodes.find((n) => n.id === edit.target)!;
    expect(gift).toMatchObject({
      name: 'Gift wrap',
      stageId: checkout.stageId,
      departmentId: checkout.departmentId,
    });
    const next = ui().inlineEdit!;
    expect(next.target).not.toBe(edit.target);
    expect(confirmInlineEdit(ctx, 'Card message')).toEqual({ ok: true });
    expect(ui().inlineEdit).toBeNull();
    const message = doc().nodes.find((n) => n.id === next.target)!;
    expect(message).toMatchObject({ name: 'Card message', stageId: checkout.stageId });
    expect(ui().selection.nodes).toEqual([message.id]);
    expect((await stored()).nodes.filter((n) => n.id === gift.id || n.id === message.id)).toHaveLength(2);

    // Escape on a new one leaves nothing: no card, no undo step.
    const undoDepth = ctx.documentStore.getState().undoStack.length;
    await registry.run('map.addTouchpoint', ctx);
    cancelInlineEdit(ctx);
    expect(doc().nodes).toHaveLength(before + 2);
    expect(ctx.documentStore.getState().undoStack).toHaveLength(undoDepth);
  });

  it('a stage and a lane: their headers are named in place', async () => {
    const { ctx, registry, doc } = await openContext();
    const ui = () => ctx.uiStore.getState();
    await registry.run('map.addStage', ctx);
    const stageEdit = ui().inlineEdit!;
    expect(stageEdit.target).toMatch(/^stage:/);
    expect(confirmInlineEdit(ctx, 'Delivery')).toEqual({ ok: true });
    const stage = doc().stages.find((s) => stageSelectionId(s.id) === stageEdit.target)!;
    expect(stage.name).toBe('Delivery');
    expect(ui().selection.nodes).toEqual([stageEdit.target]);

    await registry.run('map.addDepartment', ctx);
    const laneEdit = ui().inlineEdit!;
    expect(laneEdit.target).toMatch(/^lane:/);
    // An empty name is refused; the editor stays open.
    expect(confirmInlineEdit(ctx, '  ')).toEqual({ ok: false, problem: 'A name cannot be empty.' });
    expect(confirmInlineEdit(ctx, 'Logistics')).toEqual({ ok: true });
    expect(doc().departments.find((d) => laneSelectionId(d.id) === laneEdit.target)!.name).toBe('Logistics');
    // Undo takes the lane away, then the stage: one step each.
    await registry.run('edit.undo', ctx);
    expect(doc().departments.some((d) => d.name === 'Logistics')).toBe(false);
    await registry.run('edit.undo', ctx);
    expect(doc().stages.some((s) => s.name === 'Delivery')).toBe(false);
  });

  it('a pain point and an opportunity: named in place, the opportunity attached to the selected pain point', async () => {
    const { ctx, registry, doc } = await openContext();
    const ui = () => ctx.uiStore.getState();
    const checkout = doc().nodes.find((n) => n.kind === 'touchpoint' && n.name === 'Checkout and payment')!;
    ui().selectOnly(checkout.id);
    await registry.run('map.addPainPoint', ctx);
    const painEdit = ui().inlineEdit!;
    expect(confirmInlineEdit(ctx, 'Card declined twice')).toEqual({ ok: true });
    const pain = doc().nodes.find((n) => n.id === painEdit.target)!;
    expect(pain).toMatchObject({ kind: 'painpoint', name: 'Card declined twice' });

    ui().selectOnly(pain.id);
    const edges = doc().edges.length;
    await registry.run('map.addOpportunity', ctx);
    const ideaEdit = ui().inlineEdit!;
    expect(doc().edges).toHaveLength(edges); // the attachment is part of the draft
    expect(confirmInlineEdit(ctx, 'Retry with another card')).toEqual({ ok: true });
    const idea = doc().nodes.find((n) => n.id === ideaEdit.target)!;
    expect(idea).toMatchObject({ kind: 'opportunity', name: 'Retry with another card' });
    expect(doc().edges.some((e) => e.sourceId === idea.id && e.targetId === pain.id)).toBe(true);
  });
});
