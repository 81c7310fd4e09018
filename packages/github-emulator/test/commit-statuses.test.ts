import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, fakeSha, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';
const sha = fakeSha('commit');

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`);
});
afterEach(() => emulator.close());

describe('commit statuses', () => {
  it('creates a status and combines the latest status per context', async () => {
    const octokit = clientFor(emulator);
    const created = await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'pending',
      context: 'eval',
    });
    expect(created.data).toMatchObject({
      state: 'pending',
      context: 'eval',
      creator: { login: 'github-actions[bot]' },
    });
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'success',
      context: 'eval',
    });
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'success',
      context: 'lint',
    });
    const combined = await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha });
    expect(combined.data).toMatchObject({
      state: 'success',
      sha,
      total_count: 2,
      repository: { full_name: 'acme/models' },
    });
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'error',
      context: 'lint',
    });
    expect(
      (await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha })).data.state,
    ).toBe('failure');
    const listed = await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha });
    expect(listed.data.map((s) => s.state)).toEqual(['error', 'success', 'success', 'pending']);
  });

  it('reports pending when a commit has no statuses', async () => {
    const { data } = await clientFor(emulator).rest.repos.getCombinedStatusForRef({
      owner,
      repo,
      ref: 'main',
    });
    expect(data).toMatchObject({ state: 'pending', total_count: 0 });
  });

  it('rejects a state GitHub does not know', async () => {
    const error = await clientFor(emulator)
      .request('POST /repos/{owner}/{repo}/statuses/{sha}', {
        owner,
        repo,
        sha,
        state: 'green' as 'success',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
  });
});
