import type { GitHubClient } from './client';
import { DriftIssueError } from './errors';
import type { RepoCoordinates } from './release-assets';
import { GITHUB_TEXT_LIMIT, truncateText } from './text-limit';

/** The label every drift issue carries (listing by it keeps the search to a few issues). */
export const DRIFT_ISSUE_LABEL = 'mlops-drift';

/** The hidden marker that names the model of a drift issue. */
export function driftIssueMarker(model: string): string {
  return `<!-- mlops-drift:${model} -->`;
}

/** The drift check's outcome: `too-few-rows` gives no verdict and leaves the issue as it is. */
export type DriftIssueVerdict = 'drift' | 'no-drift' | 'too-few-rows';

export interface DriftIssueInput extends RepoCoordinates {
  readonly model: string;
  readonly verdict: DriftIssueVerdict;
  /** The Markdown report: the issue's body (the marker is prepended). */
  readonly report: string;
  /** The report's one-line headline, for the closing comment. */
  readonly headline: string;
  /**
   * The login the token acts as (`github-actions[bot]`, or `<app>[bot]`): only its own issues
   * are matched, edited or closed; anyone else's, marker or not, is never touched.
   */
  readonly author: string;
  /** The workflow run, linked from the comments. */
  readonly runUrl?: string | undefined;
}

export interface DriftIssueResult {
  /** The model's one issue, when it has one. */
  readonly number: number | undefined;
  readonly action: 'created' | 'updated' | 'reopened' | 'closed' | 'unchanged' | 'none';
  /** Newer duplicates (of overlapping runs) this call closed. */
  readonly closedDuplicates: readonly number[];
}

/** One of the bot's drift issues. */
export interface DriftIssueSummary {
  readonly number: number;
  readonly state: string;
  readonly body: string;
}

const TRUNCATED_NOTE =
  '\n\n… (truncated: GitHub limits an issue body to 65 536 characters; the full report is in the run’s artifact)';

/** Runs `call`, wrapping its failure in a {@link DriftIssueError} that says what failed. */
async function attempt<T>(
  input: Pick<DriftIssueInput, 'owner' | 'repo' | 'model'>,
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw new DriftIssueError(
      `cannot ${what} the drift issue of ${input.model} in ${input.owner}/${input.repo}`,
      { cause },
    );
  }
}

/**
 * The drift issues of `model` that `author` wrote (label, marker and author all match; pull
 * requests never), oldest first, open or closed.
 */
export async function listDriftIssues(
  client: GitHubClient,
  input: Pick<DriftIssueInput, 'owner' | 'repo' | 'model' | 'author'>,
): Promise<DriftIssueSummary[]> {
  const { owner, repo, model, author } = input;
  const marker = driftIssueMarker(model);
  return attempt(input, 'list', async () => {
    const issues = await client.paginate(client.rest.issues.listForRepo, {
      owner,
      repo,
      labels: DRIFT_ISSUE_LABEL,
      state: 'all',
      per_page: 100,
    });
    return issues
      .filter(
        (i) =>
          i.pull_request === undefined &&
          i.user?.login === author &&
          i.body?.includes(marker) === true,
      )
      .map((i): DriftIssueSummary => ({ number: i.number, state: i.state, body: i.body ?? '' }))
      .sort((a, b) => a.number - b.number);
  });
}

/** The writes of one sync, each failure wrapped in a {@link DriftIssueError}. */
function issueApi(client: GitHubClient, input: DriftIssueInput) {
  const { owner, repo, model } = input;
  const api = <T>(what: string, call: () => Promise<T>) => attempt(input, what, call);
  return {
    list: () => listDriftIssues(client, input),
    create: (body: string) =>
      api('open', async () => {
        const { data } = await client.rest.issues.create({
          owner,
          repo,
          title: `Drift detected: ${model}`,
          body,
          labels: [DRIFT_ISSUE_LABEL],
        });
        return data.number;
      }),
    update: (number: number, change: { body?: string; state?: 'open' | 'closed' }) =>
      api('update', () =>
        client.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          ...change,
          ...(change.state === 'closed' ? { state_reason: 'completed' as const } : {}),
        }),
      ),
    comment: (number: number, body: string) =>
      api('comment on', () =>
        client.rest.issues.createComment({ owner, repo, issue_number: number, body }),
      ),
    closeDuplicate: (number: number, kept: number) =>
      api('close a duplicate of', async () => {
        await client.rest.issues.createComment({
          owner,
          repo,
          issue_number: number,
          body: `Duplicate of #${kept}: ${model} has one drift issue (two drift runs overlapped).`,
        });
        await client.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          state: 'closed',
          state_reason: 'duplicate',
        });
      }),
  };
}

/**
 * The issue body: the marker, the report (cut to GitHub's limit without breaking a block) and,
 * when known, the run that checked last.
 */
export function driftIssueBody(model: string, report: string, runUrl?: string): string {
  const footer =
    runUrl === undefined ? '' : `\n\n---\nLast checked by [this drift run](${runUrl}).`;
  return `${truncateText(`${driftIssueMarker(model)}\n${report}`, TRUNCATED_NOTE, GITHUB_TEXT_LIMIT - footer.length)}${footer}`;
}

/**
 * Keeps ONE issue per model in step with its drift checks. Issues are matched by the label
 * {@link DRIFT_ISSUE_LABEL}, the model's hidden marker AND the author `input.author`.
 *
 * - drift: the issue is created on the first drift, its body updated (reopened when it was
 *   closed, same number) on every later one;
 * - no drift: an open issue gets the report, a comment that the drift is gone, and is closed
 *   (`state_reason: completed`); without an open issue nothing happens;
 * - too few rows: no verdict, the issue is left as it is.
 *
 * After creating, it lists again: when an overlapping run created one too, the oldest is kept
 * (given this report) and every newer open duplicate is closed with a comment naming it (issues
 * cannot be deleted through REST).
 */
export async function syncDriftIssue(
  client: GitHubClient,
  input: DriftIssueInput,
): Promise<DriftIssueResult> {
  const api = issueApi(client, input);
  const body = driftIssueBody(input.model, input.report, input.runUrl);
  const [existing, ...others] = await api.list();
  const duplicatesOf = async (kept: number, issues: readonly DriftIssueSummary[]) => {
    const open = issues.filter((i) => i.number !== kept && i.state === 'open');
    for (const issue of open) await api.closeDuplicate(issue.number, kept);
    return open.map((i) => i.number);
  };
  if (input.verdict === 'too-few-rows') {
    return { number: existing?.number, action: 'none', closedDuplicates: [] };
  }
  if (input.verdict === 'no-drift') {
    if (existing === undefined || existing.state !== 'open') {
      return { number: existing?.number, action: 'none', closedDuplicates: [] };
    }
    const run = input.runUrl === undefined ? '' : ` ([drift run](${input.runUrl}))`;
    await api.comment(existing.number, `The drift is gone: ${input.headline}${run}. Closing.`);
    await api.update(existing.number, { body, state: 'closed' });
    return {
      number: existing.number,
      action: 'closed',
      closedDuplicates: await duplicatesOf(existing.number, others),
    };
  }
  if (existing !== undefined) {
    const reopen = existing.state !== 'open';
    if (reopen || existing.body !== body) {
      await api.update(existing.number, reopen ? { body, state: 'open' } : { body });
    }
    return {
      number: existing.number,
      action: reopen ? 'reopened' : existing.body === body ? 'unchanged' : 'updated',
      closedDuplicates: await duplicatesOf(existing.number, others),
    };
  }
  const created = await api.create(body);
  const [kept, ...rest] = await api.list();
  if (kept === undefined || kept.number === created) {
    return {
      number: created,
      action: 'created',
      closedDuplicates: await duplicatesOf(created, rest),
    };
  }
  await api.update(kept.number, kept.state === 'open' ? { body } : { body, state: 'open' });
  const closedDuplicates = await duplicatesOf(kept.number, [
    ...rest,
    ...(rest.some((i) => i.number === created) ? [] : [{ number: created, state: 'open', body }]),
  ]);
  return { number: kept.number, action: 'updated', closedDuplicates };
}
