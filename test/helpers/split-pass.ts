import {
  PartRowError,
  runPassPart,
  type PartResult,
  type PartRowErrorData,
  type PassLayout,
  type PassResult,
} from '../../electron/import/import-pass';
import type { PassProgress } from '../../electron/import/record-stream';
import { combineParts } from '../../electron/import/split-pass';
import { importFromPart } from '../../shared/import/accumulate';
import type { ImportMapping } from '../../shared/import/mapping';

/**
 * Both parts of a file cut at `split`, read one after the other in this thread and combined as the
 * import sessions combine two workers' parts (electron/import/split-pass.ts).
 */
export function runSplitPass(
  filePath: string,
  layout: PassLayout,
  mapping: ImportMapping,
  split: number,
  onProgress: (progress: PassProgress) => void = () => {},
): PassResult & { overran: boolean } {
  const first = runPassPart(filePath, layout, mapping, { start: 0, end: split }, onProgress);
  if (first.overran)
    return {
      accumulated: importFromPart(first.part),
      contentHash: first.contentHash,
      bytes: first.bytes,
      overran: true,
    };
  let second: PartResult | PartRowErrorData;
  try {
    second = runPassPart(filePath, layout, mapping, { start: split }, onProgress);
  } catch (error) {
    if (!(error instanceof PartRowError)) throw error;
    second = error.toPartData();
  }
  return { ...combineParts(first, second, layout, mapping), overran: false };
}
