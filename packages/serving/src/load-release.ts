import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FeatureState, parsePreprocessor } from '@repo/features';
import {
  assertModelName,
  type ModelRegistry,
  type ModelVersion,
  sha256File,
  type VersionRef,
} from '@repo/registry';
import { type BackendPreference, initBackend, loadModel } from '@repo/train';
import { ReleaseFormatError, ReleaseNotFoundError } from './errors';
import { createLoadedModel, type LoadedModel } from './loaded-model';
import { type InputField, readReleaseMetadata, TRAINING_RECORD } from './release-metadata';

/** The preprocessing of a version, next to its TF.js files (`model.json`, `weights.bin`). */
export const PREPROCESSOR_FILE = 'preprocessor.json';

export interface LoadReleaseOptions {
  /** Versions are downloaded into `<cacheDir>/<model>/<version>/`. */
  readonly cacheDir: string;
  /** The TF.js backend to predict on (default `auto`; `MLOPS_BACKEND` overrides). */
  readonly backend?: BackendPreference | undefined;
}

/**
 * Loads a registered version for serving: resolves `ref` (`production`, `latest` or a version),
 * downloads its assets into a per-version folder of the cache, verifying every sha256 (a cached
 * folder is reused only when every file still has the recorded sha256, otherwise it is
 * downloaded again), parses the preprocessing, loads the TF.js model and reads the task and
 * input schema from `training.json`. A tampered asset throws the registry's
 * `ChecksumMismatchError`; an unknown ref throws `ReleaseNotFoundError`.
 */
export async function loadRelease(
  registry: ModelRegistry,
  model: string,
  ref: VersionRef,
  options: LoadReleaseOptions,
): Promise<LoadedModel> {
  assertModelName(model);
  const version = await registry.resolve(model, ref);
  if (version === undefined) {
    throw new ReleaseNotFoundError(
      `${model} has no version "${ref}" in the registry${ref === 'production' ? ' (nothing promoted yet?)' : ''}`,
      model,
      ref,
    );
  }
  const dir = join(options.cacheDir, model, version.version);
  if (!(await isCached(version, dir))) await registry.download(model, version.version, dir);

  const preprocessorPath = join(dir, PREPROCESSOR_FILE);
  const preprocessor = parsePreprocessor(await readRequired(preprocessorPath), preprocessorPath);
  const trainingPath = join(dir, TRAINING_RECORD);
  const metadata = await readReleaseMetadata(trainingPath);
  assertSchemaAgrees(metadata.inputSchema, preprocessor.features, trainingPath);

  const backend = await initBackend(options.backend ?? 'auto');
  const network = await loadModel(dir);
  return createLoadedModel({
    model,
    version: version.version,
    tag: version.tag,
    backend: backend.name,
    task: metadata.task,
    inputSchema: metadata.inputSchema,
    dir,
    preprocessor,
    network,
  });
}

/** Every asset of `version` is in `dir` with its recorded sha256. */
async function isCached(version: ModelVersion, dir: string): Promise<boolean> {
  for (const asset of version.assets) {
    const path = join(dir, asset.name);
    if (!existsSync(path) || (await sha256File(path)) !== asset.sha256) return false;
  }
  return version.assets.length > 0;
}

async function readRequired(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new ReleaseFormatError(`${path} cannot be read (missing from the version?)`, path, {
      cause,
    });
  }
}

/** The input schema of `training.json` lists the features the preprocessing encodes, in order, with their kinds. */
function assertSchemaAgrees(
  schema: readonly InputField[],
  features: readonly FeatureState[],
  file: string,
): void {
  const declared = schema.map((field) => `${field.name}: ${field.type}`).join(', ');
  const encoded = features.map((feature) => `${feature.name}: ${feature.kind}`).join(', ');
  if (declared !== encoded) {
    throw new ReleaseFormatError(
      `${file}: inputSchema (${declared}) does not match the features of ${PREPROCESSOR_FILE} (${encoded})`,
      file,
    );
  }
}
