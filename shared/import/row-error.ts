import { AppError } from '../api/result';

/**
 * A problem the user must fix at one row of the file ("Row 1204, column C: …"). The row number is
 * kept apart from the words around it: a part of a file read from its middle (see
 * electron/import/split-pass.ts) numbers its rows from 1, and the error is moved to the file's row
 * number once the rows before the part are counted.
 */
export class RowError extends AppError {
  readonly before: string;
  readonly row: number;
  readonly after: string;

  constructor(before: string, row: number, after: string) {
    super('invalid-input', `${before}${row}${after}`);
    this.name = 'RowError';
    this.before = before;
    this.row = row;
    this.after = after;
  }

  /** Plain data, to post from a worker thread. */
  toData(): RowErrorData {
    return { before: this.before, row: this.row, after: this.after };
  }

  static fromData(data: RowErrorData, rowOffset = 0): RowError {
    return new RowError(data.before, data.row + rowOffset, data.after);
  }
}

export interface RowErrorData {
  before: string;
  row: number;
  after: string;
}
