export { type AddOptions, type AddResult, add } from './add';
export { isDirObjectId, objectKey, objectPath } from './cache-layout';
export {
  type DirEntry,
  type DirectoryHash,
  dirObjectId,
  hashDirectory,
  parseDirObject,
  serializeDirEntries,
} from './directory-object';
export {
  type CacheLinkType,
  type DvcConfig,
  type RemoteConfig,
  readDvcConfig,
} from './dvc-config';
export {
  DvcConfigError,
  DvcObjectCorruptError,
  DvcObjectMissingError,
  DvcOverlappingOutputError,
  DvcPointerError,
  DvcRemoteError,
  DvcWorkspaceConflictError,
} from './errors';
export { type FileHash, type HashAlgorithm, hashBytes, hashFile } from './hash-file';
export { HttpRemote } from './http-remote';
export { LocalRemote } from './local-remote';
export {
  formatPointer,
  LEGACY_EXPLANATION,
  type Pointer,
  type PointerOutput,
  type PointerOutputInput,
  parsePointer,
  readPointer,
  writePointer,
} from './pointer-file';
export {
  etaSeconds,
  type ProgressListener,
  type TransferPhase,
  type TransferProgress,
  transferRate,
} from './progress';
export { type PullOptions, type PullResult, pull } from './pull';
export { type PushOptions, type PushResult, push } from './push';
export { openRemote, type Remote, remoteFromUrl } from './remote';
export { parseS3Url, type S3Location, type S3Settings } from './s3-options';
export { S3Remote } from './s3-remote';
export {
  type ChangeState,
  type OutputStatus,
  type StatusChange,
  type StatusObject,
  type StatusOptions,
  type StatusReport,
  status,
  type WorkspaceState,
} from './status';
export { findPointerFiles } from './tracked-outputs';
