import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, EmulatorSeedError, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`);
  emulator.state.addPullRequest(`${owner}/${repo}`, {
    number: 3,
    title: 'Retrain churn model',
    head: { ref: 'retrain' },
    labels: ['model-change'],
    files: [
      { filename: 'models/churn/params.yaml', additions: 2, deletions: 1 },
      {
        filename: 'data/train.csv.dvc',
        status: 'modified',
        additions: 1,
        deletions: 1,
        patch: '@@ -1 +1 @@',
      },
    ],
  });
});
afterEach(() => emulator.close());

describe('pull requests', () => {
  it('gets a seeded pull request with head, base and totals', async () => {
    const { data } = await clientFor(emulator).rest.pulls.get({ owner, repo, pull_number: 3 });
    expect(data).toMatchObject({
      number: 3,
      title: 'Retrain churn model',
      state: 'open',
      head: { ref: 'retrain', repo: { full_name: 'acme/models' } },
      base: { ref: 'main' },
      additions: 3,
      deletions: 2,
      changed_files: 2,
      labels: [{ name: 'model-change' }],
    });
    expect(data.head.sha).toBe(emulator.state.repo('acme/models').refs.get('refs/heads/retrain'));
  });

  it('lists the changed files across pages', async () => {
    const octokit = clientFor(emulator);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 3,
      per_page: 1,
    });
    expect(files.map((f) => [f.filename, f.changes])).toEqual([
      ['models/churn/params.yaml', 3],
      ['data/train.csv.dvc', 2],
    ]);
    expect(files[1]?.patch).toBe('@@ -1 +1 @@');
  });

  it('lists the labels on the pull request’s issue', async () => {
    const { data } = await clientFor(emulator).rest.issues.listLabelsOnIssue({
      owner,
      repo,
      issue_number: 3,
    });
    expect(data.map((l) => l.name)).toEqual(['model-change']);
  });

  it('refuses to seed the same number twice', () => {
    expect(() => emulator.state.addIssue('acme/models', { number: 3 })).toThrow(EmulatorSeedError);
    expect(() => emulator.state.addRepo('not a name')).toThrow(EmulatorSeedError);
  });
});
