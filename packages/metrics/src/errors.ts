/** Two arrays that must pair up element by element have different lengths. */
export class MetricLengthError extends Error {
  override readonly name = 'MetricLengthError';
  readonly exitCode = 70;
}

/** A metric was asked of zero values. */
export class EmptyInputError extends Error {
  override readonly name = 'EmptyInputError';
  readonly exitCode = 70;
}

/** A binary label is not 0 or 1. */
export class BinaryLabelError extends Error {
  override readonly name = 'BinaryLabelError';
  readonly exitCode = 70;
}

/** A score or value is NaN where a number is required. */
export class MissingValueError extends Error {
  override readonly name = 'MissingValueError';
  readonly exitCode = 70;
}

/** A group code is neither -1 (missing) nor an index into the levels. */
export class GroupCodeError extends Error {
  override readonly name = 'GroupCodeError';
  readonly exitCode = 70;
}

/** A metric name is absent from the per-group results. */
export class UnknownMetricError extends Error {
  override readonly name = 'UnknownMetricError';
  readonly exitCode = 70;
}

/** No group has enough rows (and a finite metric value) to compare. */
export class NoEligibleGroupsError extends Error {
  override readonly name = 'NoEligibleGroupsError';
  readonly exitCode = 70;
}

/** A percentile outside [0, 100], or a latency option that is not a positive integer. */
export class MetricArgumentError extends Error {
  override readonly name = 'MetricArgumentError';
  readonly exitCode = 70;
}
