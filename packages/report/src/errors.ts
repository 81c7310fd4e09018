/** The errors `@repo/report` throws, one class per kind of failure. */

/** A gate refers to a metric the candidate does not have. */
export class UnknownMetricError extends Error {
  override readonly name = 'UnknownMetricError';
  readonly exitCode = 3;
}

/** A `max-group-gap` gate refers to a group column the candidate was not evaluated on. */
export class UnknownGroupError extends Error {
  override readonly name = 'UnknownGroupError';
  readonly exitCode = 3;
}

/** A `no-regression` gate uses a metric whose better direction is not known. */
export class UnknownMetricDirectionError extends Error {
  override readonly name = 'UnknownMetricDirectionError';
  readonly exitCode = 3;
}
