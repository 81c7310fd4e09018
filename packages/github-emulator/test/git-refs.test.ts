import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, fakeSha, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`, { defaultBranch: 'main', headSha: fakeSha('main') });
});
afterEach(() => emulator.close());

describe('git refs', () => {
  it('gets the seeded default branch', async () => {
    const { data } = await clientFor(emulator).rest.git.getRef({ owner, repo, ref: 'heads/main' });
    expect(data).toMatchObject({
      ref: 'refs/heads/main',
      url: `${emulator.apiUrl}/repos/acme/models/git/refs/heads/main`,
      object: { type: 'commit', sha: fakeSha('main') },
    });
  });

  it('creates a tag ref and then answers 422 "Reference already exists"', async () => {
    const octokit = clientFor(emulator);
    const sha = fakeSha('model');
    const created = await octokit.rest.git.createRef({
      owner,
      repo,
      ref: 'refs/tags/model-v1',
      sha,
    });
    expect(created.status).toBe(201);
    expect(
      (await octokit.rest.git.getRef({ owner, repo, ref: 'tags/model-v1' })).data.object.sha,
    ).toBe(sha);
    const error = await octokit.rest.git
      .createRef({ owner, repo, ref: 'refs/tags/model-v1', sha })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Reference already exists',
          documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference',
        },
      },
    });
  });

  it('answers 404 for a ref that does not exist', async () => {
    const error = await clientFor(emulator)
      .rest.git.getRef({ owner, repo, ref: 'tags/none' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
  });

  it('rejects a ref name without the refs/ prefix', async () => {
    const error = await clientFor(emulator)
      .rest.git.createRef({ owner, repo, ref: 'tags/x', sha: fakeSha('x') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
  });
});
