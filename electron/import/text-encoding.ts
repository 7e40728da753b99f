import chardet from 'chardet';
import { AppError } from '../../shared/api/result';

/**
 * Which text encoding a file is in, from its first bytes: a byte-order mark when there is one;
 * UTF-16 without a BOM from the pattern of zero bytes (Excel's "Unicode text"); UTF-8 when the bytes
 * are valid UTF-8; otherwise chardet's statistical guess (Windows-1252 for Western European
 * spreadsheets). Decoding is TextDecoder's. A file that looks binary is refused here.
 */

export interface DetectedEncoding {
  /** A TextDecoder label. */
  encoding: string;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** How it was decided, for the preview ("UTF-8 with BOM"). */
  label: string;
}

const SUPPORTED_FALLBACKS = new Set([
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-15',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
  'koi8-r',
]);

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Share of bytes that only binary files have (NUL and C0 controls other than tab, CR, LF, FF). */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls += 1;
  }
  return controls / n;
}

export function detectEncoding(head: Uint8Array, fileName = 'The file'): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, label: 'UTF-8 (with BOM)' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', bomLength: 2, label: 'UTF-16 LE (with BOM)' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', bomLength: 2, label: 'UTF-16 BE (with BOM)' };
  const utf16 = utf16Guess(head);
  if (utf16)
    return { encoding: utf16, bomLength: 0, label: utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE' };
  if (controlShare(head) > 0.01) {
    throw new AppError(
      'invalid-input',
      `${fileName} is not a text file (it holds binary data, like a spreadsheet workbook or an image). ` +
        'Save it as CSV (comma- or semicolon-separated) or tab-separated text and import that.',
    );
  }
  if (isValidUtf8(head)) return { encoding: 'utf-8', bomLength: 0, label: 'UTF-8' };
  const guess = (chardet.detect(head) ?? '').toLowerCase();
  const encoding = SUPPORTED_FALLBACKS.has(guess)
    ? guess === 'iso-8859-1'
      ? 'windows-1252'
      : guess
    : 'windows-1252';
  return {
    encoding,
    bomLength: 0,
    label: encoding === 'windows-1252' ? 'Windows-1252' : guess.toUpperCase(),
  };
}
