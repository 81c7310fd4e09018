import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`);
});
afterEach(() => emulator.close());

describe('deployments', () => {
  it('creates a deployment of a tag and a status for it', async () => {
    const octokit = clientFor(emulator);
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'model-v1' });
    const deployment = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'model-v1',
      environment: 'staging',
      payload: { model: 'v1' },
      required_contexts: [],
    });
    expect(deployment.status).toBe(201);
    const data = deployment.data as {
      id: number;
      sha: string;
      environment: string;
      payload: unknown;
      task: string;
    };
    expect(data).toMatchObject({
      environment: 'staging',
      task: 'deploy',
      payload: { model: 'v1' },
    });
    expect(data.sha).toBe(emulator.state.repo('acme/models').refs.get('refs/heads/main'));
    const status = await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: data.id,
      state: 'success',
      environment_url: 'https://staging.example',
    });
    expect(status.data).toMatchObject({
      state: 'success',
      environment: 'staging',
      environment_url: 'https://staging.example',
    });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: data.id,
    });
    expect(statuses.data.map((s) => s.state)).toEqual(['success']);
  });

  it('filters the deployment list by environment and sha', async () => {
    const octokit = clientFor(emulator);
    const branchSha = emulator.state.addBranch('acme/models', 'candidate');
    await octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', environment: 'staging' });
    await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'candidate',
      environment: 'staging',
    });
    await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'main',
      environment: 'production',
    });
    const staging = await octokit.rest.repos.listDeployments({
      owner,
      repo,
      environment: 'staging',
    });
    expect(staging.data.map((d) => d.ref)).toEqual(['candidate', 'main']);
    const bySha = await octokit.rest.repos.listDeployments({ owner, repo, sha: branchSha });
    expect(bySha.data.map((d) => d.environment)).toEqual(['staging']);
  });

  it('marks the previous deployment to the same environment inactive on success', async () => {
    const octokit = clientFor(emulator);
    const first = (
      await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: 'main',
        environment: 'staging',
      })
    ).data as { id: number };
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: first.id,
      state: 'success',
    });
    const second = (
      await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: 'main',
        environment: 'staging',
      })
    ).data as { id: number };
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: second.id,
      state: 'success',
    });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: first.id,
    });
    expect(statuses.data.map((s) => s.state)).toEqual(['inactive', 'success']);
  });

  it('answers 409 when a commit status context on the ref is not successful', async () => {
    const octokit = clientFor(emulator);
    const sha = emulator.state.repo('acme/models').refs.get('refs/heads/main') ?? '';
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'failure',
      context: 'eval',
    });
    const error = await octokit.rest.repos
      .createDeployment({ owner, repo, ref: 'main' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      response: { data: { message: 'Conflict: Commit status checks failed for main.' } },
    });
    const skipped = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'main',
      required_contexts: [],
    });
    expect(skipped.status).toBe(201);
  });

  it('answers 422 for a ref that does not exist', async () => {
    const error = await clientFor(emulator)
      .rest.repos.createDeployment({ owner, repo, ref: 'nope' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      response: { data: { message: 'No ref found for: nope' } },
    });
  });
});
