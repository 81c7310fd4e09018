import { assertModelName } from '@repo/registry';
import type { GitHubClient } from './client';
import { ModelCheckError } from './errors';
import type { RepoCoordinates } from './release-assets';
import { truncateText } from './text-limit';

export interface ModelCheckInput extends RepoCoordinates {
  /** The 40-hex commit the check belongs to (the PR head). */
  readonly sha: string;
  readonly model: string;
  /** Conclusion `success` when true, `failure` when false. */
  readonly passed: boolean;
  readonly title: string;
  /** Markdown shown at the top of the check (cut to GitHub's 65 535 characters). */
  readonly summary: string;
  /** Markdown shown below the summary (cut to 65 535 characters). */
  readonly text?: string;
  /** Link shown as "Details", e.g. the workflow run. */
  readonly detailsUrl?: string;
  /** The check run's `external_id`: set only by its creator (see `formatCandidateRecord`). */
  readonly externalId?: string;
}

/** The name of the check run of `model`. */
export function modelCheckName(model: string): string {
  return `model/${model}`;
}

const TRUNCATED_NOTE = '\n\n… (truncated: GitHub limits this field to 65 535 characters)';

/**
 * Sets the completed check run `model/<model>` on `sha` (conclusion `success` or `failure`, with
 * title, summary and text). When `sha` already has a check run of that name (the newest one,
 * any status) it is updated instead of adding a second one, so re-runs replace the result.
 */
export async function setModelCheck(
  client: GitHubClient,
  input: ModelCheckInput,
): Promise<{ id: number }> {
  const { owner, repo, sha, model } = input;
  assertModelName(model);
  const name = modelCheckName(model);
  const fields = {
    owner,
    repo,
    status: 'completed' as const,
    conclusion: input.passed ? ('success' as const) : ('failure' as const),
    completed_at: new Date().toISOString(),
    ...(input.detailsUrl === undefined ? {} : { details_url: input.detailsUrl }),
    ...(input.externalId === undefined ? {} : { external_id: input.externalId }),
    output: {
      title: input.title,
      summary: truncateText(input.summary, TRUNCATED_NOTE),
      ...(input.text === undefined ? {} : { text: truncateText(input.text, TRUNCATED_NOTE) }),
    },
  };
  let existing: number | undefined;
  try {
    const { data } = await client.rest.checks.listForRef({
      owner,
      repo,
      ref: sha,
      check_name: name,
      filter: 'latest',
      per_page: 1,
    });
    existing = data.check_runs[0]?.id;
  } catch (cause) {
    throw new ModelCheckError(`cannot list the check runs of ${owner}/${repo}@${sha}`, { cause });
  }
  try {
    if (existing !== undefined) {
      await client.rest.checks.update({ ...fields, check_run_id: existing });
      return { id: existing };
    }
    const { data } = await client.rest.checks.create({ ...fields, name, head_sha: sha });
    return { id: data.id };
  } catch (cause) {
    throw new ModelCheckError(
      `cannot ${existing === undefined ? 'create' : `update (id ${existing})`} the check run ${name} on ${owner}/${repo}@${sha}`,
      { cause },
    );
  }
}
