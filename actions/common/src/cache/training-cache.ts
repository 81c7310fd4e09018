import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { readPointer } from '@repo/dvc';
import { DATA_POINTER, trainingInputHash } from '@repo/pipeline';
import { candidateCacheKey, candidateCachePath, DVC_CACHE_PATH, dvcCacheKey } from '../cache-keys';
import type { SafeCache } from './safe-cache';

export interface RestoredCaches {
  readonly inputHash: string;
  readonly dvcKey: string | undefined;
  readonly dvcHit: boolean;
  readonly candidateKey: string;
  readonly candidateHit: boolean;
}

/** md5 of the DVC-tracked data as `data.dvc` records it; `undefined` without a pointer. */
async function dataMd5(root: string): Promise<string | undefined> {
  const file = join(root, DATA_POINTER);
  if (!existsSync(file)) return undefined;
  const pointer = await readPointer(file);
  return pointer.outs.map((out) => out.md5).join('+');
}

/** Restores the DVC cache of the data version and the candidate trained from these inputs. */
export async function restoreTrainingCaches(
  cache: SafeCache,
  root: string,
  model: string,
  backend: string,
): Promise<RestoredCaches> {
  const { hash, files } = await trainingInputHash(root, model, { backend });
  core.info(`${model}: input hash ${hash} over ${files.length} files`);
  const md5 = await dataMd5(root);
  const dvcKey = md5 === undefined ? undefined : dvcCacheKey(md5);
  const dvcHit = dvcKey !== undefined && (await cache.restore([DVC_CACHE_PATH], dvcKey)) === dvcKey;
  const candidateKey = candidateCacheKey(model, hash);
  const candidateHit =
    (await cache.restore([candidateCachePath(model)], candidateKey)) === candidateKey &&
    existsSync(join(root, candidateCachePath(model), 'training.json'));
  return { inputHash: hash, dvcKey, dvcHit, candidateKey, candidateHit };
}

/** Saves what was not restored: the DVC cache (once the data was pulled) and the new candidate. */
export async function saveTrainingCaches(
  cache: SafeCache,
  root: string,
  model: string,
  restored: RestoredCaches,
): Promise<void> {
  if (restored.dvcKey !== undefined && !restored.dvcHit && existsSync(join(root, DVC_CACHE_PATH))) {
    await cache.save([DVC_CACHE_PATH], restored.dvcKey);
  }
  if (!restored.candidateHit && existsSync(join(root, candidateCachePath(model)))) {
    await cache.save([candidateCachePath(model)], restored.candidateKey);
  }
}
