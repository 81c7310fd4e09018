import { RequestError } from 'octokit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';

beforeEach(async () => {
  // A fixed clock: releases created in the same second are ordered by id, as on GitHub.
  emulator = await startEmulator({ now: () => new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 500)) });
  emulator.state.addRepo(`${owner}/${repo}`, { defaultBranch: 'main' });
});
afterEach(() => emulator.close());

async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RequestError))
    throw new Error(`expected a RequestError, got ${String(error)}`);
  return error;
}

describe('releases', () => {
  it('creates a release whose payload has GitHub’s shape and an upload_url URI template', async () => {
    const octokit = clientFor(emulator);
    const { status, data } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'model-v1',
      name: 'Model v1',
      body: 'metrics',
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      tag_name: 'model-v1',
      name: 'Model v1',
      body: 'metrics',
      draft: false,
      prerelease: false,
      target_commitish: 'main',
      assets: [],
      url: `${emulator.apiUrl}/repos/acme/models/releases/${data.id}`,
      html_url: `${emulator.webUrl}/acme/models/releases/tag/model-v1`,
      author: { login: 'github-actions[bot]', type: 'Bot' },
      created_at: '2026-01-01T12:00:00Z',
    });
    expect(data.node_id).toMatch(/^RE_/);
    expect(data.upload_url).toBe(
      `${emulator.uploadsUrl}/repos/acme/models/releases/${data.id}/assets{?name,label}`,
    );
  });

  it('rejects a second release for the same tag with GitHub’s 422 already_exists body', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    const error = await rejection(
      octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' }),
    );
    expect(error.status).toBe(422);
    expect(error.response?.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      documentation_url: 'https://docs.github.com/rest/releases/releases#create-a-release',
      status: '422',
    });
  });

  it('creates the tag ref at the target branch when a release is published', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'model/v2' });
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: 'tags/model/v2' });
    expect(data.object.sha).toBe(emulator.state.repo('acme/models').refs.get('refs/heads/main'));
  });

  it('paginates the release list newest first across three pages with a Link header', async () => {
    const octokit = clientFor(emulator);
    for (let i = 1; i <= 7; i++)
      await octokit.rest.repos.createRelease({ owner, repo, tag_name: `v${i}` });
    const first = await octokit.rest.repos.listReleases({ owner, repo, per_page: 3 });
    const base = `${emulator.apiUrl}/repos/acme/models/releases?per_page=3`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    expect(first.data.map((r) => r.tag_name)).toEqual(['v7', 'v6', 'v5']);
    const all = await octokit.paginate(octokit.rest.repos.listReleases, {
      owner,
      repo,
      per_page: 3,
    });
    expect(all.map((r) => r.tag_name)).toEqual(['v7', 'v6', 'v5', 'v4', 'v3', 'v2', 'v1']);
    const pages = emulator.state.requests.filter(
      (r) => r.method === 'GET' && r.path === '/repos/acme/models/releases',
    );
    expect(pages.map((r) => new URLSearchParams(r.query).get('page'))).toEqual([
      null,
      null,
      '2',
      '3',
    ]);
  });

  it('gets a release by id, by tag and as latest, skipping drafts and prereleases', async () => {
    const octokit = clientFor(emulator);
    const stable = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v2-rc', prerelease: true });
    const draft = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'v3',
      draft: true,
    });
    expect(draft.data.published_at).toBeNull();
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(
      stable.data.id,
    );
    expect(
      (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v2-rc' })).data.prerelease,
    ).toBe(true);
    expect(
      (await octokit.rest.repos.getRelease({ owner, repo, release_id: draft.data.id })).data.draft,
    ).toBe(true);
    expect(
      (await rejection(octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v3' }))).status,
    ).toBe(404);
  });

  it('publishes a draft on update, which makes it latest and creates its tag', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    const draft = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'v2',
      draft: true,
    });
    await expect(octokit.rest.git.getRef({ owner, repo, ref: 'tags/v2' })).rejects.toMatchObject({
      status: 404,
    });
    const updated = await octokit.rest.repos.updateRelease({
      owner,
      repo,
      release_id: draft.data.id,
      draft: false,
      name: 'Two',
    });
    expect(updated.data).toMatchObject({
      draft: false,
      name: 'Two',
      html_url: `${emulator.webUrl}/acme/models/releases/tag/v2`,
    });
    expect(updated.data.published_at).not.toBeNull();
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name).toBe('v2');
    expect((await octokit.rest.git.getRef({ owner, repo, ref: 'tags/v2' })).status).toBe(200);
  });

  it('keeps the latest release when a new one is created with make_latest false', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v2', make_latest: 'false' });
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name).toBe('v1');
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v3', make_latest: 'legacy' });
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v4', make_latest: 'false' });
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name).toBe('v3');
  });

  it('deletes a release and answers 404 for it afterwards', async () => {
    const octokit = clientFor(emulator);
    const { data } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    expect(
      (await octokit.rest.repos.deleteRelease({ owner, repo, release_id: data.id })).status,
    ).toBe(204);
    expect(
      (await rejection(octokit.rest.repos.getRelease({ owner, repo, release_id: data.id }))).status,
    ).toBe(404);
    expect((await rejection(octokit.rest.repos.getLatestRelease({ owner, repo }))).status).toBe(
      404,
    );
  });

  it('answers 404 for a repository that was not seeded', async () => {
    const error = await rejection(
      clientFor(emulator).rest.repos.listReleases({ owner, repo: 'nope' }),
    );
    expect(error.status).toBe(404);
    expect(error.response?.data).toMatchObject({ message: 'Not Found' });
  });

  it('answers 422 when tag_name is missing', async () => {
    const octokit = clientFor(emulator);
    const error = await rejection(
      octokit.request('POST /repos/{owner}/{repo}/releases', { owner, repo, name: 'x' } as never),
    );
    expect(error.status).toBe(422);
    expect(error.message).toContain('"tag_name" wasn\'t supplied');
  });
});
