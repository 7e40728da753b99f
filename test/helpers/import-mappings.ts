import type { ImportMapping } from '../../shared/import/mapping';

/**
 * Raw responses with every kind of column the import reads: touchpoint, date, NPS (0–10), CSAT
 * (1–5, top box 4), segment and comment, in that order.
 */
export const RESPONSES_MAPPING: ImportMapping = {
  shape: 'responses',
  dateFormat: 'auto',
  columns: [
    { role: 'touchpoint' },
    { role: 'date' },
    { role: 'score', metric: { kind: 'nps', key: 'nps', label: 'NPS', scaleMin: 0, scaleMax: 10 } },
    {
      role: 'score',
      metric: { kind: 'csat', key: 'csat', label: 'CSAT', scaleMin: 1, scaleMax: 5, topBoxMin: 4 },
    },
    { role: 'segment' },
    { role: 'comment' },
  ],
};
