import type { MapNode } from '../../../shared/domain/journey';
import { cardSize } from './card-size';

/**
 * A presentation text scale makes cards grow right and down from their top-left corner, but the
 * map's layout (cells, stacks of cards) stays the 100% layout. Where a neighbour sits closer than
 * the grown card needs, this gives that card a smaller scale: the largest one at which it stays
 * clear of every neighbour, never below 100%. A card with room grows fully. So scaled cards never
 * overlap, whatever the scale, and each one is as large as its place allows.
 *
 * Why this holds: every card is kept clear of the cards to its right whose rows could meet its
 * own (judged at full scale), and of the cards below it whose columns could meet its own; a pair
 * that overlapped would have to break one of those two rules for the upper-left card of the two.
 */

/** Space kept between a scaled card and a neighbour. */
export const CARD_CLEARANCE = 8;
/** Scales are chosen in steps of this, so the sizes stay few (and memoised). */
const STEP = 0.05;

type Placed = Pick<MapNode, 'id' | 'kind' | 'x' | 'y'>;

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/** The scale each card is drawn at (only cards below `scale` are listed). */
export function cardScales(nodes: readonly Placed[], scale: number): Map<string, number> {
  const out = new Map<string, number>();
  if (scale <= 1 || nodes.length < 2) return out;
  const full = nodes.map((n) => cardSize(n.kind, scale));
  // Sorted by x, so each card only looks at the neighbours that can reach it.
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[a]!.x - nodes[b]!.x);
  const widest = Math.max(...full.map((s) => s.width));
  const xs = order.map((i) => nodes[i]!.x);
  const firstAtOrAfter = (x: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  nodes.forEach((a, ai) => {
    const aFull = full[ai]!;
    let roomRight = Infinity;
    let roomBelow = Infinity;
    // Cards to the right whose rows meet this card's (at full scale) limit its width.
    for (let k = firstAtOrAfter(a.x); k < order.length && xs[k]! < a.x + aFull.width + CARD_CLEARANCE; k++) {
      const bi = order[k]!;
      const b = nodes[bi]!;
      if (bi === ai || b.x <= a.x) continue;
      if (!overlaps(a.y, a.y + aFull.height, b.y, b.y + full[bi]!.height)) continue;
      roomRight = Math.min(roomRight, b.x - a.x - CARD_CLEARANCE);
    }
    const width = (s: number) => cardSize(a.kind, s).width;
    // Cards below whose columns meet this card's limit its height.
    const reach = Math.min(aFull.width, Number.isFinite(roomRight) ? roomRight : aFull.width);
    for (let k = firstAtOrAfter(a.x - widest); k < order.length && xs[k]! < a.x + reach; k++) {
      const bi = order[k]!;
      const b = nodes[bi]!;
      if (bi === ai || b.y <= a.y) continue;
      if (!overlaps(a.x, a.x + reach, b.x, b.x + full[bi]!.width)) continue;
      roomBelow = Math.min(roomBelow, b.y - a.y - CARD_CLEARANCE);
    }
    if (width(scale) <= roomRight && aFull.height <= roomBelow) return;
    let s = scale;
    while (s > 1) {
      s = Math.max(1, Math.round((s - STEP) * 100) / 100);
      const size = cardSize(a.kind, s);
      if (s === 1 || (size.width <= roomRight && size.height <= roomBelow)) break;
    }
    out.set(a.id, s);
  });
  return out;
}
