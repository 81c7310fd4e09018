/** Columnar tables: one typed array per column, no row objects. */

/** A numeric column. Missing values are NaN. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

/** A dictionary-encoded column. `codes[i]` indexes `levels`; -1 is missing. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/** A date column as milliseconds since the Unix epoch (UTC). Missing values are NaN. */
export interface DateColumn {
  readonly kind: 'date';
  readonly name: string;
  readonly values: Float64Array;
}

export type Column = NumericColumn | CategoricalColumn | DateColumn;
export type ColumnKind = Column['kind'];

export interface Table {
  readonly rowCount: number;
  /** Columns in file order. */
  readonly columns: ReadonlyMap<string, Column>;
  /** The file the table was read from, for error messages. */
  readonly source: string;
}
