import { cardSize } from '../canvas/card-size';
import type { CardFootprint } from '../state/tidy';
import { workshopStoreOf } from '../workshop/workshop-store';
import type { CommandContext } from './command-registry';

/** The card sizes tidy leaves room for: as drawn at the presentation text scale in use. */
export function tidyFootprint(ctx: CommandContext): CardFootprint {
  const scale = workshopStoreOf(ctx.uiStore).getState().textScale;
  return (kind) => cardSize(kind, scale);
}
