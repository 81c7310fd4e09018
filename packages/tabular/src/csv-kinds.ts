/** Kind codes of the CSV reader's columns (`SKIP`: not kept). */
export const SKIP = -1;
export const NUMERIC = 0;
export const DATE = 1;
export const CATEGORICAL = 2;
