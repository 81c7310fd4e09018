import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { candidateCacheKey, candidateCachePath, errorMessage } from '@repo/action-common';
import {
  downloadArtifact,
  findArtifact,
  type GitHubClient,
  type RepoCoordinates,
} from '@repo/github';
import { artifactDigest, type TrainingRecord } from '@repo/pipeline';

/**
 * The candidate a pull request run trained from the same inputs (model-pr.yml uploads it as the
 * artifact `mlops-candidate-<model>-<input hash>`), extracted into the model's candidate folder and
 * checked against its own recorded digest. Caches saved by pull request runs are not readable from
 * the default branch, so the artifact is how the reviewed files reach the release. Any failure is a
 * warning: the caller retrains (bit-identical with the same inputs and backend).
 */
export async function restoreReviewedCandidate(
  client: GitHubClient,
  where: RepoCoordinates,
  root: string,
  model: string,
  inputHash: string,
): Promise<{ runId: number | undefined; headSha: string | undefined } | undefined> {
  const name = candidateCacheKey(model, inputHash);
  const dir = join(root, candidateCachePath(model));
  try {
    const found = await findArtifact(client, where, name);
    if (found === undefined) {
      core.info(`${model}: no artifact ${name} from a pull request run`);
      return undefined;
    }
    await downloadArtifact(client, where, found.id, dir);
    const record = JSON.parse(await readFile(join(dir, 'training.json'), 'utf8')) as TrainingRecord;
    const digest = await artifactDigest(dir);
    if (digest !== record.lineage.artifactDigest) {
      core.warning(`${model}: artifact ${name} does not match its recorded digest; retraining`);
      await rm(dir, { recursive: true, force: true });
      return undefined;
    }
    return { runId: found.runId, headSha: found.headSha };
  } catch (error) {
    core.warning(
      `${model}: the reviewed candidate ${name} could not be used (${errorMessage(error)}); retraining`,
    );
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
}
