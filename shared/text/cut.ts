/**
 * Cutting user text to a length without breaking a character.
 *
 * Limits in the app count UTF-16 code units (what `String.length` and zod's `.max()` count), so a
 * cut keeps that unit; but a plain `slice(0, n)` can end between the two halves of a surrogate pair
 * (an emoji, many CJK extension characters) and leave a lone half that shows as "�" and is not valid
 * Unicode when stored or sent. These cut on a code point boundary instead: the result is never longer
 * than `max` units and may be one unit shorter.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The first at most `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, Math.floor(max));
  return end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? text.slice(0, end - 1) : text.slice(0, end);
}

/** `text` if it fits in `max` units, else its start and "…", `max` units at most in all. */
export function cutWithEllipsis(text: string, max: number): string {
  return text.length <= max ? text : `${cutText(text, max - 1)}…`;
}
