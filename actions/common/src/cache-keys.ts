/** The cache key of the DVC cache (`.dvc/cache`) holding one data version. */
export function dvcCacheKey(dataMd5: string): string {
  return `mlops-dvc-${dataMd5}`;
}

/** The cache key of a trained candidate: the model and the hash of every training input. */
export function candidateCacheKey(model: string, inputHash: string): string {
  return `mlops-candidate-${model}-${inputHash}`;
}

/** The DVC cache folder, relative to the repository root (cache paths must match between jobs). */
export const DVC_CACHE_PATH = '.dvc/cache';

/** The candidate folder of a model, relative to the repository root. */
export function candidateCachePath(model: string): string {
  return `models/${model}/artifacts/candidate`;
}
