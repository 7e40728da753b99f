import { describe, expect, it } from 'vitest';
import type { JourneyDocument } from '../../../../shared/domain/journey';
import { cellOfNode, departmentLanes, stageColumns } from '../../../../shared/graph/grid';
import { applyChanges } from '../../../../renderer/src/state/apply-change';
import {
  CLIPBOARD_FORMAT,
  MAX_CLIPBOARD_NODES,
  MAX_TEXT_LINES,
  PASTE_OFFSET,
  decodeClipboard,
  encodeSelection,
  envelopeText,
  pasteCell,
  planPaste,
  planTextPaste,
  type ClipboardEnvelope,
} from '../../../../renderer/src/state/clipboard';
import { openSampleMap } from './journey-fixtures';
import { expectValid, nameOf, named, sampleDoc } from './command-fixtures';

const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

/** Two connected touchpoints in the sample: Product page → Customer reviews (a flow). */
function copyPair(doc: JourneyDocument): ClipboardEnvelope {
  const a = named(doc, 'Product page');
  const b = named(doc, 'Customer reviews');
  return encodeSelection(doc, { nodes: [a.id, b.id], edges: [] })!;
}

const decodeCards = (text: string) => {
  const decoded = decodeClipboard(text);
  if (decoded.kind !== 'cards') throw new Error(`expected cards, got ${JSON.stringify(decoded)}`);
  return decoded.envelope;
};

describe('encodeSelection and decodeClipboard', () => {
  it('round-trips the cards, the arrows among them, and the stages, lanes and personas they use', () => {
    const doc = sampleDoc();
    const envelope = copyPair(doc);
    expect(envelope.format).toBe(CLIPBOARD_FORMAT);
    expect(envelope.version).toBe(1);
    expect(envelope.nodes.map(nameOf)).toEqual(['Product page', 'Customer reviews']);
    // Their pain points and arrows to cards left behind stay behind.
    expect(envelope.edges).toHaveLength(1);
    expect(envelope.edges[0]!.kind).toBe('flow');
    expect(envelope.stages.map((s) => s.name)).toEqual(['Consideration']);
    expect(envelope.departments.map((d) => d.name)).toEqual(['Product']);
    expect(decodeCards(envelopeText(envelope))).toEqual(envelope);
  });

  it('leaves stage and lane headers out, and gives null without a card', () => {
    const doc = sampleDoc();
    expect(encodeSelection(doc, { nodes: [`stage:${doc.stages[0]!.id}`], edges: [] })).toBeNull();
  });

  it('refuses a malformed envelope, an unknown version and too many cards, saying what is wrong', () => {
    const text = envelopeText(copyPair(sampleDoc()));
    const broken = decodeClipboard(text.slice(0, -10));
    expect(broken.kind).toBe('error');
    expect(broken.kind === 'error' && broken.message).toMatch(/JSON is malformed.*Nothing was changed/);

    const newer = decodeClipboard(text.replace('"version": 1', '"version": 2'));
    expect(newer.kind === 'error' && newer.message).toMatch(/format version 2.*reads version 1/);

    const envelope = JSON.parse(text) as ClipboardEnvelope;
    const many = {
      ...envelope,
      nodes: Array.from({ length: MAX_CLIPBOARD_NODES + 1 }, () => envelope.nodes[0]),
    };
    expect(decodeClipboard(JSON.stringify(many))).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/1001 cards, more than the 1000/),
    });

    const badName = structuredClone(envelope);
    (badName.nodes[1] as { name: string }).name = '   ';
    expect(decodeClipboard(JSON.stringify(badName))).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/nodes\[1\]\.name: a name cannot be empty/),
    });

    const dangling = structuredClone(envelope);
    dangling.edges[0]!.targetId = 'elsewhere';
    expect(decodeClipboard(JSON.stringify(dangling))).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/edges\[0\]: it connects a card that is not on the clipboard/),
    });
  });

  it('reads other text as lines, or as one text', () => {
    expect(decodeClipboard('  Ad on TV\r\n\nBrochure \n  Store visit ')).toEqual({
      kind: 'lines',
      lines: ['Ad on TV', 'Brochure', 'Store visit'],
    });
    expect(decodeClipboard('{"just": "json"}')).toEqual({ kind: 'text', text: '{"just": "json"}' });
    expect(decodeClipboard('   ')).toEqual({ kind: 'empty' });
    const tooMany = Array.from({ length: MAX_TEXT_LINES + 1 }, (_, i) => `line ${i}`).join('\n');
    expect(decodeClipboard(tooMany).kind).toBe('error');
  });
});

describe('planPaste', () => {
  it('gives fresh ids, keeps the arrow between the pasted cards, and lands beside the originals', () => {
    const doc = sampleDoc();
    const envelope = copyPair(doc);
    const plan = planPaste(doc, envelope, null, counter('new'));
    expectValid(plan.changes);
    const after = applyChanges(doc, plan.changes);
    expect(after.nodes).toHaveLength(doc.nodes.length + 2);
    const pasted = after.nodes.filter((n) => plan.nodeIds.includes(n.id));
    const originals = envelope.nodes;
    for (const [i, node] of pasted.entries()) {
      expect(node.id).not.toBe(originals[i]!.id);
      expect(node.x).toBe(originals[i]!.x + PASTE_OFFSET);
      expect(node.y).toBe(originals[i]!.y + PASTE_OFFSET);
      expect(node.stageId).toBe(originals[i]!.stageId);
      expect(node.departmentId).toBe(originals[i]!.departmentId);
    }
    const edge = after.edges.find((e) => plan.nodeIds.includes(e.sourceId))!;
    expect(plan.nodeIds).toContain(edge.targetId);
    expect(edge.kind).toBe('flow');
  });

  it('puts the group at the pointer, each card taking the cell it lands in', () => {
    const doc = sampleDoc();
    const envelope = copyPair(doc);
    const column = stageColumns(doc.stages)[4]!;
    const lane = departmentLanes(doc.departments)[0]!;
    const plan = planPaste(doc, envelope, { x: column.start + 20, y: lane.start + 20 }, counter('new'));
    const after = applyChanges(doc, plan.changes);
    const first = after.nodes.find((n) => n.id === plan.nodeIds[0])!;
    expect(first).toMatchObject({
      x: column.start + 20,
      y: lane.start + 20,
      stageId: column.id,
      departmentId: lane.id,
    });
    for (const node of after.nodes.filter((n) => plan.nodeIds.includes(n.id))) {
      expect(cellOfNode(node, after.stages, after.departments)).toEqual({
        stageId: node.stageId,
        departmentId: node.departmentId,
      });
    }
  });

  it('matches stages and lanes by name in another map, and keeps cards inside them', () => {
    const source = sampleDoc('a');
    const target = sampleDoc('b');
    // The target's stages are wider and in another order: the same names, other ids and places.
    target.stages = target.stages.map((s, i) => ({
      ...s,
      width: 400,
      order: (i + 2) % target.stages.length,
    }));
    const envelope = copyPair(source);
    const plan = planPaste(target, envelope, null, counter('new'));
    const after = applyChanges(target, plan.changes);
    const names = new Map([...after.stages, ...after.departments].map((x) => [x.id, x.name]));
    const sourceNames = new Map([...source.stages, ...source.departments].map((x) => [x.id, x.name]));
    for (const [i, id] of plan.nodeIds.entries()) {
      const node = after.nodes.find((n) => n.id === id)!;
      expect(names.get(node.stageId!)).toBe(sourceNames.get(envelope.nodes[i]!.stageId!));
      expect(names.get(node.departmentId!)).toBe(sourceNames.get(envelope.nodes[i]!.departmentId!));
      expect(cellOfNode(node, after.stages, after.departments).stageId).toBe(node.stageId);
    }
  });

  it('is accepted by a real library, pasted into another map, arrows and all', async () => {
    const { repo, id } = await openSampleMap();
    const sourceDoc = repo.get(id);
    const other = repo.create({
      name: 'Other',
      description: '',
      content: {
        stages: sourceDoc.stages.map((s) => ({ ...s, id: `${s.id.slice(0, 20)}x` })),
        departments: sourceDoc.departments.map((d) => ({ ...d, id: `${d.id.slice(0, 20)}x` })),
        nodes: [],
        edges: [],
        personas: [],
      },
    });
    const targetDoc = repo.get(other.id);
    const envelope = decodeCards(envelopeText(copyPair(sourceDoc)));
    const plan = planPaste(targetDoc, envelope, null);
    repo.applyChanges({
      journeyId: other.id,
      baseRevision: targetDoc.journey.revision,
      changes: plan.changes,
    });
    const stored = repo.get(other.id);
    expect(stored.nodes.map(nameOf).sort()).toEqual(['Customer reviews', 'Product page']);
    expect(stored.edges).toHaveLength(1);
    expect(stored).toEqual({ ...applyChanges(targetDoc, plan.changes), journey: stored.journey });
  });
});

describe('planTextPaste', () => {
  it('makes one touchpoint per line side by side in the chosen cell, widening the stage', () => {
    const doc = sampleDoc();
    const card = named(doc, 'Search ad');
    const cell = pasteCell(doc, { nodes: [card.id], edges: [] }, null)!;
    expect(cell).toEqual({ stageId: card.stageId, departmentId: card.departmentId });
    const plan = planTextPaste(doc, ['TV ad', 'Radio ad', 'Flyer'], cell, null, counter('t'));
    expectValid(plan.changes);
    const after = applyChanges(doc, plan.changes);
    const made = plan.nodeIds.map((id) => after.nodes.find((n) => n.id === id)!);
    expect(made.map(nameOf)).toEqual(['TV ad', 'Radio ad', 'Flyer']);
    expect(new Set(made.map((n) => n.y)).size).toBe(1);
    for (const node of made) {
      expect(node.kind).toBe('touchpoint');
      expect(cellOfNode(node, after.stages, after.departments)).toEqual(cell);
    }
    // The cards already in the cell stay where they were, in it.
    for (const node of doc.nodes.filter(
      (n) => n.stageId === cell.stageId && n.departmentId === cell.departmentId,
    )) {
      expect(after.nodes.find((n) => n.id === node.id)).toEqual(node);
    }
  });

  it('names a touchpoint after the first 200 characters and keeps the whole text in its description', () => {
    const doc = sampleDoc();
    const long = 'word '.repeat(100).trim();
    const plan = planTextPaste(
      doc,
      [long],
      pasteCell(doc, { nodes: [], edges: [] }, null),
      null,
      counter('t'),
    );
    expectValid(plan.changes);
    const node = applyChanges(doc, plan.changes).nodes.find((n) => n.id === plan.nodeIds[0])!;
    expect(nameOf(node)).toHaveLength(199);
    expect(node.kind !== 'note' && node.description).toBe(long);
  });
});
