import { withEarlyJourney } from './early-journey';
import { pickTransport, type TransportChoice } from './transport';

/**
 * The transport, picked while this module is evaluated: main.tsx imports it first, so a map
 * opened by its address is already on its way while the rest of the renderer loads
 * (early-journey.ts). Keep this module's imports free of schemas and React.
 */
function boot(): TransportChoice {
  const choice = pickTransport();
  if (choice.kind === 'unauthorised') return choice;
  return { ...choice, bridge: withEarlyJourney(choice.bridge, window.location.hash) };
}

export const bootTransport = boot();
