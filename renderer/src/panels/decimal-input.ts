/**
 * What a person types into a number field, read strictly as a decimal number.
 *
 * `Number()` accepts far more than a person means: "0x10" is 16, "1e3" is 1000, "0b11" is 3, and
 * " " is 0. A field that saved those would store a value the user never typed. These accept plain
 * decimal notation only: an optional sign (a typographic minus "−" too), digits, and one decimal
 * point or comma ("7.5", "7,5", ".5"). Anything else is not a number and the field says so.
 * A comma before exactly three digits ("1,000", "12,500") is refused too: it reads as a thousands
 * separator to many people and as a decimal comma to others (not after a lone 0: "0,125"), and
 * taking it as 1 or 12.5 would save a value a thousand times off the one meant.
 */

const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const THOUSANDS = /^[+-]?[1-9]\d{0,2},\d{3}$/;
const WHOLE = /^\+?\d+$/;

/** The decimal number the text spells, or null when it is not one. */
export function parseDecimalInput(text: string): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (!DECIMAL.test(trimmed) || THOUSANDS.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** The whole non-negative number the text spells in decimal digits, or null when it is not one. */
export function parseWholeInput(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}
