import type { GitHubClient } from './client';
import { RetrainPullRequestError } from './errors';
import type { RepoCoordinates } from './release-assets';
import { hasStatus } from './release-assets';
import { GITHUB_TEXT_LIMIT, truncateText } from './text-limit';

export interface RetrainPullRequestInput extends RepoCoordinates {
  readonly model: string;
  /** The head branch (`mlops/retrain/<model>`), a branch of this repository. */
  readonly branch: string;
  /** The branch it merges into (the default branch). */
  readonly base: string;
  /** The drift report (Markdown): the pull request's body. */
  readonly report: string;
  /** The model's drift issue, linked from the body. */
  readonly driftIssue?: number | undefined;
  readonly runUrl?: string | undefined;
}

export interface RetrainPullRequestResult {
  readonly number: number;
  readonly action: 'created' | 'updated' | 'unchanged';
}

const TRUNCATED_NOTE =
  '\n\n… (truncated: GitHub limits a pull request body to 65 536 characters; the full report is in the drift run’s artifact)';

/** The hidden marker of a model's retraining pull request. */
export function retrainPullRequestMarker(model: string): string {
  return `<!-- mlops-retrain:${model} -->`;
}

/** The body: the marker, what the pull request is, the drift issue, then the report. */
export function retrainPullRequestBody(input: RetrainPullRequestInput): string {
  const issue = input.driftIssue === undefined ? '' : ` Drift issue: #${input.driftIssue}.`;
  const run = input.runUrl === undefined ? '' : ` Opened by [this drift run](${input.runUrl}).`;
  const head = [
    retrainPullRequestMarker(input.model),
    `Retrains **${input.model}** on the production data version with the drifted window appended (\`data.dvc\` and its objects in \`.dvc/storage\`); model-pr trains and evaluates it against production.${issue}${run}`,
    '',
    '',
  ].join('\n');
  return `${head}${truncateText(input.report, TRUNCATED_NOTE, GITHUB_TEXT_LIMIT - head.length)}`;
}

/**
 * Opens THE retraining pull request of `input.model` from `input.branch`, or, when one is open
 * from that branch, updates its body (skipped when equal): a model has one retraining pull
 * request however often drift runs. GitHub refuses a second pull request from the same head
 * (422), so when an overlapping run opened it first, this run updates that one.
 */
export async function upsertRetrainPullRequest(
  client: GitHubClient,
  input: RetrainPullRequestInput,
): Promise<RetrainPullRequestResult> {
  const { owner, repo, branch } = input;
  const body = retrainPullRequestBody(input);
  const api = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (cause) {
      throw new RetrainPullRequestError(
        `cannot ${what} the retraining pull request of ${input.model} (${owner}/${repo}:${branch})`,
        { cause },
      );
    }
  };
  const find = () =>
    api('list', async () => {
      const { data } = await client.rest.pulls.list({
        owner,
        repo,
        head: `${owner}:${branch}`,
        state: 'open',
        per_page: 100,
      });
      return data.sort((a, b) => a.number - b.number)[0];
    });
  const update = async (open: { number: number; body: string | null }) => {
    if (open.body === body) return { number: open.number, action: 'unchanged' as const };
    await api('update', () =>
      client.rest.pulls.update({ owner, repo, pull_number: open.number, body }),
    );
    return { number: open.number, action: 'updated' as const };
  };
  const open = await find();
  if (open !== undefined) return update(open);
  try {
    const { data } = await client.rest.pulls.create({
      owner,
      repo,
      head: branch,
      base: input.base,
      title: `Retrain ${input.model} on the drifted data`,
      body,
    });
    return { number: data.number, action: 'created' };
  } catch (error) {
    const raced = hasStatus(error, 422) ? await find() : undefined;
    if (raced !== undefined) return update(raced);
    throw new RetrainPullRequestError(`cannot open the retraining pull request of ${input.model}`, {
      cause: error,
    });
  }
}
