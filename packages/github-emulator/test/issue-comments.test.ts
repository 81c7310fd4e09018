import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`);
  emulator.state.addPullRequest(`${owner}/${repo}`, { number: 12 });
});
afterEach(() => emulator.close());

describe('issue comments', () => {
  it('creates a comment on a pull request with GitHub’s payload shape', async () => {
    const { status, data } = await clientFor(emulator).rest.issues.createComment({
      owner,
      repo,
      issue_number: 12,
      body: '## Metrics',
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      body: '## Metrics',
      issue_url: `${emulator.apiUrl}/repos/acme/models/issues/12`,
      html_url: `${emulator.webUrl}/acme/models/pull/12#issuecomment-${data.id}`,
      url: `${emulator.apiUrl}/repos/acme/models/issues/comments/${data.id}`,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
    });
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('updates a comment in place (the sticky-comment pattern)', async () => {
    const octokit = clientFor(emulator);
    const created = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: 12,
      body: 'old',
    });
    const updated = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: created.data.id,
      body: 'new',
    });
    expect(updated.data).toMatchObject({ id: created.data.id, body: 'new' });
    const fetched = await octokit.rest.issues.getComment({
      owner,
      repo,
      comment_id: created.data.id,
    });
    expect(fetched.data.body).toBe('new');
  });

  it('lists comments oldest first across pages and deletes one', async () => {
    const octokit = clientFor(emulator);
    for (let i = 0; i < 5; i++)
      await octokit.rest.issues.createComment({ owner, repo, issue_number: 12, body: `c${i}` });
    const firstPage = await octokit.rest.issues.listComments({
      owner,
      repo,
      issue_number: 12,
      per_page: 2,
    });
    expect(firstPage.data.map((c) => c.body)).toEqual(['c0', 'c1']);
    expect(firstPage.headers.link).toContain('rel="last"');
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: 12,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: all[0]?.id ?? 0 });
    const after = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: 12,
    });
    expect(after).toHaveLength(4);
  });

  it('answers 404 for an issue that does not exist', async () => {
    const error = await clientFor(emulator)
      .rest.issues.createComment({ owner, repo, issue_number: 99, body: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
  });
});
