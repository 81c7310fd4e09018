import { ConfigReadError, ConfigValidationError } from '@repo/config';
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
  SplitOptionsError,
} from '@repo/tabular';
import { BackendUnavailableError, ModelFormatError, TrainingDivergedError } from '@repo/train';
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
