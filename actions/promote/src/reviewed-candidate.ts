import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { candidateCachePath, errorMessage } from '@repo/action-common';
import {
  downloadReviewedCandidate,
  findReviewedCandidate,
  type GitHubClient,
  type RepoCoordinates,
  type ReviewedCandidate,
} from '@repo/github';
import { artifactDigest } from '@repo/pipeline';

/**
 * The candidate the merged pull request's model-pr run trained from the same inputs, extracted
 * into the model's candidate folder and checked against the digest the trusted report job
 * recorded (see `findReviewedCandidate`). Caches saved by pull request runs are not readable
 * from the default branch, so the artifact is how the reviewed files reach the release. Any
 * failure is a warning: the caller retrains (bit-identical with the same inputs and backend).
 */
export async function restoreReviewedCandidate(
  client: GitHubClient,
  where: RepoCoordinates,
  root: string,
  model: string,
  inputHash: string,
  mergeSha: string | undefined,
): Promise<ReviewedCandidate | undefined> {
  const dir = join(root, candidateCachePath(model));
  if (mergeSha === undefined) {
    core.info(`${model}: no pushed commit (GITHUB_SHA) to find a reviewed candidate for`);
    return undefined;
  }
  try {
    const result = await findReviewedCandidate(client, where, { mergeSha, model, inputHash });
    if (!result.found) {
      core.info(`${model}: no reviewed candidate to ship: ${result.reason}`);
      return undefined;
    }
    const verified = await downloadReviewedCandidate(
      client,
      where,
      result.candidate,
      dir,
      artifactDigest,
    );
    if (!verified.verified) {
      core.warning(`${model}: the reviewed candidate does not verify (${verified.reason})`);
      return undefined;
    }
    return result.candidate;
  } catch (error) {
    core.warning(`${model}: the reviewed candidate could not be used (${errorMessage(error)})`);
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
}
