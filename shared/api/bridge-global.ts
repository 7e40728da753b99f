/**
 * The name of the preload bridge on `window`. On its own (no schemas) so the renderer can look
 * for the bridge before the rest of its code, and the API contract's schemas, are evaluated.
 */
export const BRIDGE_GLOBAL = 'journeyStudio';
