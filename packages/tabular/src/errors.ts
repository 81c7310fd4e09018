/** Errors thrown by `@repo/tabular`. Messages name the file, the column and the row. */

/** Where in a CSV file a problem is: 1-based data row (the header is row 0) and 1-based line. */
export interface CsvLocation {
  readonly file: string;
  readonly column?: string;
  readonly row?: number;
  readonly line?: number;
}

/** A row whose field count differs from the header, or broken quoting. */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  readonly exitCode = 3;
  readonly file: string;
  readonly column: string | undefined;
  readonly row: number | undefined;
  readonly line: number | undefined;
  constructor(message: string, location: CsvLocation, options?: ErrorOptions) {
    super(message, options);
    this.file = location.file;
    this.column = location.column;
    this.row = location.row;
    this.line = location.line;
  }
}

/** A value that does not parse as the kind declared for its column (text in a numeric column). */
export class CsvTypeError extends Error {
  override readonly name = 'CsvTypeError';
  readonly exitCode = 3;
  readonly file: string;
  readonly column: string;
  readonly row: number;
  readonly line: number;
  constructor(
    message: string,
    location: Required<Omit<CsvLocation, 'column'>> & { column: string },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.file = location.file;
    this.column = location.column;
    this.row = location.row;
    this.line = location.line;
  }
}

/** A CSV worker thread crashed or could not start (not a problem of the file's contents). */
export class CsvWorkerError extends Error {
  override readonly name = 'CsvWorkerError';
  readonly exitCode = 3;
}

/** An empty file, or a file with a header and no data rows. */
export class EmptyDataError extends Error {
  override readonly name = 'EmptyDataError';
  readonly exitCode = 3;
  readonly file: string;
  constructor(message: string, file: string, options?: ErrorOptions) {
    super(message, options);
    this.file = file;
  }
}

/** The same column name appears twice in a header. */
export class DuplicateColumnError extends Error {
  override readonly name = 'DuplicateColumnError';
  readonly exitCode = 3;
  readonly file: string;
  readonly column: string;
  constructor(message: string, file: string, column: string, options?: ErrorOptions) {
    super(message, options);
    this.file = file;
    this.column = column;
  }
}

/** A column that was asked for (in a read option or by an accessor) is not there. */
export class ColumnNotFoundError extends Error {
  override readonly name = 'ColumnNotFoundError';
  readonly exitCode = 3;
  readonly file: string;
  readonly column: string;
  constructor(message: string, file: string, column: string, options?: ErrorOptions) {
    super(message, options);
    this.file = file;
    this.column = column;
  }
}

/** A column exists but holds another kind than the one asked for (categorical where numeric is needed). */
export class ColumnKindError extends Error {
  override readonly name = 'ColumnKindError';
  readonly exitCode = 3;
  readonly file: string;
  readonly column: string;
  constructor(message: string, file: string, column: string, options?: ErrorOptions) {
    super(message, options);
    this.file = file;
    this.column = column;
  }
}

/** One problem found by `validateTable`. `row` is the 1-based data row of the first offending value. */
export interface ValidationIssue {
  readonly file: string;
  readonly column: string;
  readonly row?: number;
  readonly message: string;
}

/** A table does not satisfy its model configuration; `issues` lists every problem found. */
export class DataValidationError extends Error {
  override readonly name = 'DataValidationError';
  readonly exitCode = 3;
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[], options?: ErrorOptions) {
    const lines = issues.map((issue) => `  - ${issue.message}`);
    super(
      `${issues.length} data validation issue${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
      options,
    );
    this.issues = issues;
  }
}

/** Split options that cannot be satisfied (fractions out of range, unusable time column). */
export class SplitOptionsError extends Error {
  override readonly name = 'SplitOptionsError';
  readonly exitCode = 3;
}

/** Generator options out of range (no rows, fewer than one month, unparseable start date). */
export class GeneratorOptionsError extends Error {
  override readonly name = 'GeneratorOptionsError';
  readonly exitCode = 3;
}

/** A JSON Lines line that is not a JSON object, or a value that does not fit its column's kind. */
export class JsonLinesError extends Error {
  override readonly name = 'JsonLinesError';
  readonly exitCode = 3;
  readonly file: string;
  /** 1-based line of the file. */
  readonly line: number;
  readonly column: string | undefined;
  constructor(
    message: string,
    location: { file: string; line: number; column?: string },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
  }
}
