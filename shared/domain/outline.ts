import { z } from 'zod';
import { HexColour, Id } from './journey';

/**
 * A map's geometry without its words: what the library draws as a thumbnail. Stages and lanes in
 * order with their sizes (and lane colours), and each card's kind and top-left corner, at most
 * OUTLINE_CARD_LIMIT cards per map (a thumbnail has no room for more).
 */

export const OUTLINE_CARD_LIMIT = 400;

const Size = z.number().finite().min(0).max(1_000_000);
const Coordinate = z.number().finite().min(-1_000_000).max(1_000_000);

export const JourneyOutline = z
  .object({
    id: Id,
    stages: z.array(z.object({ width: Size }).strict()),
    lanes: z.array(z.object({ height: Size, colour: HexColour }).strict()),
    /** Card kinds are open-ended (a later kind draws in a neutral colour). */
    cards: z
      .array(z.object({ kind: z.string().max(40), x: Coordinate, y: Coordinate }).strict())
      .max(OUTLINE_CARD_LIMIT),
    /** Cards on the map in all, drawn or not. */
    cardCount: z.number().int().min(0),
  })
  .strict();
export type JourneyOutline = z.infer<typeof JourneyOutline>;
