import type { GitHubClient } from './client';
import { InvalidStickyMarkerError, StickyCommentError } from './errors';
import { hasStatus, type RepoCoordinates } from './release-assets';
import { truncateText } from './text-limit';

export interface StickyCommentInput extends RepoCoordinates {
  /** The pull request (or issue) number. */
  readonly issueNumber: number;
  /** Text that identifies the comment, e.g. the hidden `<!-- mlops-report:house-prices -->`. */
  readonly marker: string;
  /** The comment's markdown; the marker is prepended when the body does not contain it. */
  readonly body: string;
  /**
   * The login the token acts as (`github-actions[bot]` for `GITHUB_TOKEN`, `<app>[bot]` for a
   * GitHub App): only its own comments are ever matched, edited or deleted.
   */
  readonly author: string;
}

export interface StickyCommentResult {
  /** Id of the one comment carrying the marker. */
  readonly id: number;
  readonly action: 'created' | 'updated';
}

const TRUNCATED_NOTE = '\n\n… (truncated: GitHub limits a comment to 65 535 characters)';

interface MarkedComment {
  readonly id: number;
  readonly body: string;
}

/**
 * Creates or updates THE comment of `issueNumber` whose body contains `marker`, so a PR carries
 * one comment per marker however often (and however concurrently) it is reported.
 *
 * 1. Lists every comment (all pages); when some carry the marker, the oldest (lowest id) is
 *    updated with `body` (skipped when already equal) and any others carrying it are deleted.
 * 2. Otherwise creates the comment, then lists again: a concurrent caller may have created one
 *    too. The oldest is kept, given `body` when it is not the one just created, and the others
 *    are deleted (a 404 on delete means another caller already deleted it).
 *
 * Two concurrent calls therefore end with exactly one comment, carrying the body of the call
 * that wrote last. Comments are matched by marker AND author: a comment anyone else wrote, with
 * or without the marker, is never edited or deleted.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  input: StickyCommentInput,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = input;
  if (marker.trim() === '') {
    throw new InvalidStickyMarkerError(
      `the sticky comment marker for ${owner}/${repo}#${issueNumber} is empty`,
    );
  }
  const body = truncateText(
    input.body.includes(marker) ? input.body : `${marker}\n${input.body}`,
    TRUNCATED_NOTE,
  );
  const where = `${owner}/${repo}#${issueNumber}`;
  const api = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (cause) {
      throw new StickyCommentError(`cannot ${what} the comment marked ${marker} on ${where}`, {
        cause,
      });
    }
  };
  const listMarked = (): Promise<MarkedComment[]> =>
    api('list', async () => {
      const comments = await client.paginate(client.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return comments
        .filter((c) => c.body?.includes(marker) === true && c.user?.login === input.author)
        .map((c) => ({ id: c.id, body: c.body ?? '' }))
        .sort((a, b) => a.id - b.id);
    });
  const update = (id: number) =>
    api('update', () => client.rest.issues.updateComment({ owner, repo, comment_id: id, body }));
  const deleteAll = async (comments: readonly MarkedComment[]) => {
    for (const comment of comments) {
      await api('delete a duplicate of', async () => {
        try {
          await client.rest.issues.deleteComment({ owner, repo, comment_id: comment.id });
        } catch (error) {
          if (!hasStatus(error, 404)) throw error;
        }
      });
    }
  };

  const [existing, ...duplicates] = await listMarked();
  if (existing !== undefined) {
    if (existing.body !== body) await update(existing.id);
    await deleteAll(duplicates);
    return { id: existing.id, action: 'updated' };
  }

  const created = await api('create', () =>
    client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
  );
  const [kept, ...others] = await listMarked();
  if (kept === undefined) return { id: created.data.id, action: 'created' };
  if (kept.id !== created.data.id) await update(kept.id);
  await deleteAll(others);
  return { id: kept.id, action: kept.id === created.data.id ? 'created' : 'updated' };
}

/** The head commit of pull request `number` now. */
export async function pullRequestHead(
  client: GitHubClient,
  where: RepoCoordinates,
  number: number,
): Promise<string> {
  try {
    const { data } = await client.rest.pulls.get({ ...where, pull_number: number });
    return data.head.sha;
  } catch (cause) {
    throw new StickyCommentError(
      `cannot read pull request ${where.owner}/${where.repo}#${number}`,
      { cause },
    );
  }
}
