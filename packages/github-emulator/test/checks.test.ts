import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, fakeSha, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';
const sha = fakeSha('head');

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`);
  emulator.state.addBranch(`${owner}/${repo}`, 'feature', sha);
});
afterEach(() => emulator.close());

describe('check runs', () => {
  it('creates a queued check run owned by the GitHub Actions app', async () => {
    const { status, data } = await clientFor(emulator).rest.checks.create({
      owner,
      repo,
      name: 'model-eval',
      head_sha: sha,
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      name: 'model-eval',
      head_sha: sha,
      status: 'queued',
      conclusion: null,
      completed_at: null,
      app: { slug: 'github-actions' },
    });
    expect(data.check_suite?.id).toEqual(expect.any(Number));
  });

  it('completes a check run on update with a conclusion and output', async () => {
    const octokit = clientFor(emulator);
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'model-eval',
      head_sha: sha,
      status: 'in_progress',
    });
    const updated = await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'RMSE regressed', summary: 'RMSE 0.31 > 0.30' },
    });
    expect(updated.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'RMSE regressed', summary: 'RMSE 0.31 > 0.30' },
    });
    expect(updated.data.completed_at).not.toBeNull();
  });

  it('rejects completing a check run without a conclusion', async () => {
    const error = await clientFor(emulator)
      .rest.checks.create({ owner, repo, name: 'x', head_sha: sha, status: 'completed' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
  });

  it('lists the latest run per name for a branch ref, filtered by check_name', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.checks.create({
      owner,
      repo,
      name: 'eval',
      head_sha: sha,
      conclusion: 'failure',
    });
    const rerun = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'eval',
      head_sha: sha,
      conclusion: 'success',
    });
    await octokit.rest.checks.create({ owner, repo, name: 'lint', head_sha: sha });
    const all = await octokit.rest.checks.listForRef({ owner, repo, ref: 'feature' });
    expect(all.data.total_count).toBe(2);
    const evalOnly = await octokit.rest.checks.listForRef({
      owner,
      repo,
      ref: sha,
      check_name: 'eval',
    });
    expect(evalOnly.data.check_runs.map((r) => r.id)).toEqual([rerun.data.id]);
    const everything = await octokit.rest.checks.listForRef({
      owner,
      repo,
      ref: sha,
      filter: 'all',
    });
    expect(everything.data.total_count).toBe(3);
  });

  it('refuses a check run from a person’s token, and an output over 65,535 characters', async () => {
    const gh = await startEmulator({
      tokens: {
        app: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
        person: { login: 'mallory', id: 666, type: 'User' },
      },
    });
    try {
      gh.state.addRepo(`${owner}/${repo}`);
      const call = (token: string, body: unknown) =>
        fetch(`${gh.apiUrl}/repos/${owner}/${repo}/check-runs`, {
          method: 'POST',
          headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await call('person', { name: 'model/x', head_sha: sha })).status).toBe(403);
      const long = {
        name: 'model/x',
        head_sha: sha,
        output: { title: 't', summary: 'x'.repeat(65_536) },
      };
      expect((await call('app', long)).status).toBe(422);
      expect((await call('app', { ...long, output: { title: 't', summary: 'ok' } })).status).toBe(
        201,
      );
    } finally {
      await gh.close();
    }
  });
});
