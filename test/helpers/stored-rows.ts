/**
 * Subqueries that read the stored responses with the columns each row had up to schema v6: v7
 * keeps the dataset, touchpoint and segment once per response group. Use as `FROM ${SCORE_DAYS}`.
 */
export const SCORE_DAYS = `(SELECT g.dataset_id, g.touchpoint_id, s.metric_key, g.segment, s.day,
    s.scale_min, s.scale_max, s.counts
  FROM score_days s JOIN response_groups g ON g.id = s.group_id) AS score_days`;

export const COMMENTS = `(SELECT c.id, g.dataset_id, g.touchpoint_id, c.day, c.metric_key, c.score, c.text,
    g.segment
  FROM comments c JOIN response_groups g ON g.id = c.group_id) AS comments`;

/** The provenance storeDataset takes, for a test's dataset of raw responses called `name`. */
export function testDataset(name: string, contentHash = 'a'.repeat(64), rowsAccepted = 1) {
  return {
    name,
    fileName: `${name.toLowerCase()}.csv`,
    contentHash,
    byteSize: 10,
    shape: 'responses' as const,
    sourceFormat: 'csv',
    mapping: {},
    rowsAccepted,
    rowsRejected: 0,
  };
}
