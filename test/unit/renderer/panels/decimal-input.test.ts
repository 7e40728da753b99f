import { describe, expect, it } from 'vitest';
import { parseDecimalInput, parseWholeInput } from '../../../../renderer/src/panels/decimal-input';

describe('number fields read decimal notation only', () => {
  it('accepts what people type for a decimal number', () => {
    expect(parseDecimalInput('45')).toBe(45);
    expect(parseDecimalInput(' -50 ')).toBe(-50);
    expect(parseDecimalInput('−50')).toBe(-50); // typographic minus, as the app writes it
    expect(parseDecimalInput('+7.5')).toBe(7.5);
    expect(parseDecimalInput('7,5')).toBe(7.5);
    expect(parseDecimalInput('7,25')).toBe(7.25);
    expect(parseDecimalInput('0,125')).toBe(0.125);
    expect(parseDecimalInput('.5')).toBe(0.5);
    expect(parseDecimalInput('80.')).toBe(80);
  });

  it('refuses hex, binary, octal, exponents, words and blanks that Number() would take', () => {
    for (const text of [
      '0x10',
      '0X1F',
      '0b11',
      '0o17',
      '1e3',
      '1E-2',
      'Infinity',
      '-Infinity',
      '',
      ' ',
      '1 000',
      '1,000.5',
      '1,000', // a thousands separator to some, a decimal comma to others: neither 1000 nor 1 is safe
      '-12,500',
      '12%',
      'abc',
      '--1',
      '.',
      '1..2',
    ])
      expect(parseDecimalInput(text), text).toBeNull();
  });

  it('reads whole numbers in decimal digits only', () => {
    expect(parseWholeInput('30')).toBe(30);
    expect(parseWholeInput(' 007 ')).toBe(7);
    for (const text of ['0x10', '1e3', '-5', '2.5', '', '1e309', '99999999999999999999', 'abc'])
      expect(parseWholeInput(text), text).toBeNull();
  });
});
