export { categoricalColumn, column, dateColumn, numericColumn } from './columns';
export { csvColumnNames } from './csv-column-names';
export type { CsvReadOptions } from './csv-options';
export {
  ColumnKindError,
  ColumnNotFoundError,
  CsvFormatError,
  type CsvLocation,
  CsvTypeError,
  CsvWorkerError,
  DataValidationError,
  DuplicateColumnError,
  EmptyDataError,
  GeneratorOptionsError,
  JsonLinesError,
  SplitOptionsError,
  type ValidationIssue,
} from './errors';
export { generateHouseSales, type HouseSalesOptions } from './house-sales';
export {
  EXAMPLE_WINDOWS,
  type ExampleWindow,
  generateHouseSalesWindow,
} from './house-sales-window';
export { columnTypesFor, type TableConfig } from './model-config';
export { parseCsv } from './parse-csv';
export { parseDateText } from './parse-date';
export { type CsvReadTuning, readCsv } from './read-csv';
export { parseJsonLines, readJsonLines } from './read-json-lines';
export { createRng, nextGaussian, type Rng } from './rng';
export { filterRows, selectColumns, selectRows } from './select';
export { shuffleIndices } from './shuffle';
export { type Split, type SplitOptions, splitRows } from './split';
export type {
  CategoricalColumn,
  Column,
  ColumnKind,
  DateColumn,
  NumericColumn,
  Table,
} from './types';
export { assertValid, validateTable } from './validate';
export { toCsv, writeCsv } from './write-csv';
