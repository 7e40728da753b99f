import { z } from 'zod';
import { Id } from './journey';

/**
 * Imported data sets (see METRICS-STORAGE.md). Every import becomes one dataset with its provenance;
 * the data rows it brought (score distributions per day, aggregate values, comments) belong to it
 * and are removed with it.
 */

export const DATASET_SHAPES = ['responses', 'aggregates'] as const;
export const DatasetShape = z.enum(DATASET_SHAPES);
export type DatasetShape = z.infer<typeof DatasetShape>;

export const SOURCE_FORMATS = ['csv', 'tsv', 'qualtrics', 'surveymonkey', 'generated'] as const;
export const SourceFormat = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** sha256 of the file's bytes, lower-case hex. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/, 'a content hash is 64 lower-case hex digits');

/** 'YYYY-MM-DD' (a calendar day, no time zone). */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'not a calendar day');

/** A dataset as lists show it, with its provenance. */
export const DatasetSummary = z
  .object({
    id: Id,
    journeyId: Id,
    name: z.string(),
    fileName: z.string(),
    contentHash: z.string(),
    byteSize: z.number().int().min(0),
    shape: DatasetShape,
    sourceFormat: z.string(),
    importedAt: z.string(),
    rowsAccepted: z.number().int().min(0),
    rowsRejected: z.number().int().min(0),
    /** The column mapping used (JSON as the importer wrote it). */
    mapping: z.unknown(),
  })
  .strict();
export type DatasetSummary = z.infer<typeof DatasetSummary>;
