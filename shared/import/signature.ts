/**
 * A header signature: the same source (a survey's export, a team's spreadsheet) produces the same
 * header row every time, so its column mapping is remembered under this key. Case and spacing of
 * header names do not matter; order and count do.
 */
export function headerSignature(headers: readonly string[]): string {
  const text = headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
  // FNV-1a, 2 × 32 bits: short, stable, no crypto needed (this is a lookup key, not a secret).
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `h${headers.length}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
