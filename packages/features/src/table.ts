/**
 * The columnar table shapes this package reads, structurally identical to `@repo/tabular`'s
 * `Table` (declared here so this package does not depend on the CSV reader).
 */

/** A numeric column. Missing values are NaN. */
export interface NumericColumnLike {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

/** A dictionary-encoded column. `codes[i]` indexes `levels`; -1 is missing. */
export interface CategoricalColumnLike {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** A date column (milliseconds since the epoch); never a valid feature here. */
export interface DateColumnLike {
  readonly kind: 'date';
  readonly name: string;
  readonly values: Float64Array;
}

export type ColumnLike = NumericColumnLike | CategoricalColumnLike | DateColumnLike;

export interface TableLike {
  readonly rowCount: number;
  readonly columns: ReadonlyMap<string, ColumnLike>;
  /** The file the table was read from, for error messages. */
  readonly source: string;
}
