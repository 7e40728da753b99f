import { describe, expect, it } from 'vitest';
import { cutText, cutWithEllipsis } from '../../../../shared/text/cut';
import { nodeLabel } from '../../../../shared/domain/journey';
import { beforeRestoringName } from '../../../../shared/domain/snapshot';

/** True when every surrogate in the text is half of a complete pair. */
const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('cutting user text', () => {
  it('never ends in half an emoji, and stays within the limit in UTF-16 units', () => {
    const text = 'ab😀cd';
    expect(cutText(text, 3)).toBe('ab'); // 😀 would be split at unit 3: it is left out whole
    expect(cutText(text, 4)).toBe('ab😀');
    expect(cutText(text, 10)).toBe(text);
    expect(cutText('😀', 0)).toBe('');
    for (let max = 0; max <= text.length; max += 1) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(wellFormed(cut)).toBe(true);
    }
  });

  it('adds an ellipsis within the limit, without a broken character before it', () => {
    expect(cutWithEllipsis('short', 10)).toBe('short');
    expect(cutWithEllipsis('ab😀cd', 4)).toBe('ab…');
    expect(cutWithEllipsis('abc😀', 5)).toBe('abc😀');
    for (let max = 1; max <= 8; max += 1) {
      const cut = cutWithEllipsis('x😀😀😀😀', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(wellFormed(cut)).toBe(true);
    }
  });

  it('keeps generated names whole: a note label and a snapshot name', () => {
    const line = `${'a'.repeat(58)}😀 and more`;
    const label = nodeLabel({ kind: 'note', id: 'n', text: line } as never);
    expect(label).toBe(`${'a'.repeat(58)}…`);
    const name = beforeRestoringName(`${'b'.repeat(158)}🎉🎉🎉`);
    expect(wellFormed(name)).toBe(true);
    expect(name.length).toBeLessThanOrEqual(200);
  });
});
