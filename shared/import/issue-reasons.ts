import type { IssueReason } from './mapping';

/**
 * Whether an issue rejects its row, or only the one cell (the row's other scores still count).
 * Apart from mapping.ts (which re-exports it) so the import worker's code does not load zod.
 */
export const CELL_ONLY_REASONS: ReadonlySet<IssueReason> = new Set(['not-a-number', 'out-of-range']);

/** Noted in the report without rejecting anything: a blank segment cell puts its row under "no segment". */
export const NOTE_REASONS: ReadonlySet<IssueReason> = new Set(['blank-segment']);

/** Reasons whose rows are still imported: sorted after the rejecting ones in the report. */
export const ROW_KEEPING_REASONS: ReadonlySet<IssueReason> = new Set([...CELL_ONLY_REASONS, ...NOTE_REASONS]);
