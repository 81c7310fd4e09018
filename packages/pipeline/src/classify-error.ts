import { ConfigReadError, ConfigValidationError } from '@repo/config';
import {
  ColumnMismatchError,
  DriftOptionError,
  EmptySampleError,
  InvalidValueError,
  SampleLengthError,
} from '@repo/drift';
import {
  DvcConfigError,
  DvcObjectCorruptError,
  DvcObjectMissingError,
  DvcPointerError,
  DvcRemoteError,
} from '@repo/dvc';
import {
  FeatureColumnError,
  FeatureFitError,
  PreprocessorFormatError,
  TargetTransformError,
} from '@repo/features';
import {
  ChecksumMismatchError,
  InvalidModelNameError,
  InvalidVersionError,
  NoProductionError,
  RegistryCorruptError,
  UnknownVersionError,
  VersionExistsError,
} from '@repo/registry';
import { UnknownGroupError, UnknownMetricDirectionError, UnknownMetricError } from '@repo/report';
import {
  ColumnKindError,
  ColumnNotFoundError,
  CsvFormatError,
  CsvTypeError,
  DataValidationError,
  DuplicateColumnError,
  EmptyDataError,
  GeneratorOptionsError,
  JsonLinesError,
  SplitOptionsError,
} from '@repo/tabular';
import { BackendUnavailableError, ModelFormatError, TrainingDivergedError } from '@repo/train';
import { DriftSourceError, ReferenceDataError, WindowDataError } from './drift-errors';
import {
  DataOutOfDateError,
  MissingCandidateError,
  StaleCandidateError,
  WorkspaceError,
} from './errors';

/**
 * What kind of failure an error is, for exit codes and for what the caller tells the user:
 * - `input`: something the user gave is wrong (config, data, pointer, version, order of steps);
 * - `integrity`: stored content does not match its checksum or format;
 * - `internal`: anything else (a bug, the environment).
 */
export type ErrorKind = 'input' | 'integrity' | 'internal';

const INPUT: readonly (abstract new (...args: never[]) => Error)[] = [
  ConfigReadError,
  ConfigValidationError,
  DvcConfigError,
  DvcPointerError,
  DvcObjectMissingError,
  DvcRemoteError,
  FeatureColumnError,
  FeatureFitError,
  TargetTransformError,
  InvalidModelNameError,
  InvalidVersionError,
  NoProductionError,
  UnknownVersionError,
  VersionExistsError,
  UnknownGroupError,
  UnknownMetricDirectionError,
  UnknownMetricError,
  ColumnKindError,
  ColumnNotFoundError,
  CsvFormatError,
  CsvTypeError,
  DataValidationError,
  DuplicateColumnError,
  EmptyDataError,
  GeneratorOptionsError,
  SplitOptionsError,
  BackendUnavailableError,
  TrainingDivergedError,
  DataOutOfDateError,
  MissingCandidateError,
  StaleCandidateError,
  WorkspaceError,
  // Drift: the window, its source, the reference data version, the statistics' inputs.
  DriftSourceError,
  WindowDataError,
  ReferenceDataError,
  JsonLinesError,
  ColumnMismatchError,
  DriftOptionError,
  EmptySampleError,
  InvalidValueError,
  SampleLengthError,
];

const INTEGRITY: readonly (abstract new (...args: never[]) => Error)[] = [
  DvcObjectCorruptError,
  ChecksumMismatchError,
  RegistryCorruptError,
  ModelFormatError,
  PreprocessorFormatError,
];

export function classifyError(error: unknown): ErrorKind {
  if (INTEGRITY.some((kind) => error instanceof kind)) return 'integrity';
  if (INPUT.some((kind) => error instanceof kind)) return 'input';
  return 'internal';
}
