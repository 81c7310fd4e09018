import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import type { GitHubClient, RepoCoordinates } from '@repo/github';
import type { VersionBump } from '@repo/registry';
import { bumpFromLabels, pullNumberFromMessage } from './release-label';

/**
 * The bump set by a `release:*` label on the pull request the pushed commit `sha` merged. The
 * pull request is found with "list pull requests associated with a commit", else by the number
 * the commit message names; when neither works, a warning and `undefined` (the schema rule).
 */
export async function pullRequestBump(
  client: GitHubClient,
  where: RepoCoordinates,
  sha: string | undefined,
  commitMessage: string | undefined,
): Promise<VersionBump | undefined> {
  let labels: string[] | undefined;
  let source = '';
  if (sha !== undefined) {
    try {
      const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
        ...where,
        commit_sha: sha,
      });
      const pull = data.find((p) => p.merge_commit_sha === sha) ?? data[0];
      if (pull !== undefined) {
        labels = pull.labels.map((l) => l.name);
        source = `pull request #${pull.number}`;
      }
    } catch (error) {
      core.warning(
        `cannot list the pull requests of ${sha.slice(0, 12)} (${errorMessage(error)}); looking for the number in the commit message`,
      );
    }
  }
  if (labels === undefined && commitMessage !== undefined) {
    const number = pullNumberFromMessage(commitMessage);
    if (number !== undefined) {
      try {
        const { data } = await client.rest.issues.listLabelsOnIssue({
          ...where,
          issue_number: number,
          per_page: 100,
        });
        labels = data.map((l) => l.name);
        source = `pull request #${number}`;
      } catch (error) {
        core.warning(`cannot read the labels of pull request #${number}: ${errorMessage(error)}`);
      }
    }
  }
  if (labels === undefined) {
    core.warning(
      'no pull request found for this commit: the version bump follows the schema rule (major when the input schema changed, else minor)',
    );
    return undefined;
  }
  const bump = bumpFromLabels(labels);
  core.info(
    bump === undefined
      ? `${source} has no release:* label: the schema rule decides the bump`
      : `${source} is labelled release:${bump}`,
  );
  return bump;
}
