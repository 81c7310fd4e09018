/** The columnar tables this package reads: `@repo/tabular`'s types (one definition). */
export type {
  CategoricalColumn as CategoricalColumnLike,
  Column as ColumnLike,
  DateColumn as DateColumnLike,
  NumericColumn as NumericColumnLike,
  Table as TableLike,
} from '@repo/tabular';
