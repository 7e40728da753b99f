import type { IssueReason } from './mapping';

/**
 * Whether an issue rejects its row, or only the one cell (the row's other scores still count).
 * Apart from mapping.ts (which re-exports it) so the import worker's code does not load zod.
 */
export const CELL_ONLY_REASONS: ReadonlySet<IssueReason> = new Set(['not-a-number', 'out-of-range']);
