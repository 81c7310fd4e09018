import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectGitHub, type GitHubConnection } from '@repo/action-common/github';
import { type Emulator, fakeSha, startEmulator } from '@repo/github-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inputs } from '../src/inputs';
import { type ReportLog, reportPullRequest } from '../src/report-pull-request';

const HEAD = fakeSha('head');

let gh: Emulator;
let workspace: string;
let lines: string[];

const log: ReportLog = {
  info: (line) => lines.push(line),
  warning: (line) => lines.push(`warning: ${line}`),
  summary: async () => {},
};

/** The report job's connection, as connectGitHub builds it, on the emulator. */
function connection(): GitHubConnection {
  return connectGitHub(
    't',
    { GITHUB_REPOSITORY: 'acme/models', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: gh.apiUrl },
    { enabled: false },
  );
}

const inputs = (over: Partial<Inputs> = {}): Inputs => ({
  token: 't',
  reportPath: 'reports',
  prNumber: 7,
  sha: HEAD,
  candidatePath: undefined,
  headRepository: 'acme/models',
  commentAuthor: 'github-actions[bot]',
  ...over,
});

const checks = async () =>
  Object.fromEntries(
    [...gh.state.repo('acme/models').checkRuns.values()].map((c) => [
      c.name,
      [c.conclusion, c.output.title],
    ]),
  );

beforeEach(async () => {
  gh = await startEmulator();
  gh.state.addRepo('acme/models');
  workspace = await mkdtemp(join(tmpdir(), 'report-run-'));
  for (const model of ['alpha', 'beta']) {
    await mkdir(join(workspace, 'models', model), { recursive: true });
    await writeFile(join(workspace, 'models', model, 'model.yaml'), `name: ${model}\n`);
  }
  lines = [];
});
afterEach(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('reportPullRequest', () => {
  it('gives every model an "unchanged" check when the pull request touches none, with no report', async () => {
    gh.state.addPullRequest('acme/models', {
      number: 7,
      head: { sha: HEAD },
      files: [{ filename: 'README.md' }],
    });
    const outcome = await reportPullRequest(connection(), inputs(), log);
    expect(outcome).toEqual({ commentIds: {}, failures: [] });
    expect(await checks()).toEqual({
      'model/alpha': ['success', 'Unchanged by this pull request'],
      'model/beta': ['success', 'Unchanged by this pull request'],
    });
  });

  it('fails the check of a changed model that has no report, and of a model the pull request adds', async () => {
    gh.state.addPullRequest('acme/models', {
      number: 7,
      head: { sha: HEAD },
      files: [{ filename: 'models/beta/model.yaml' }, { filename: 'models/gamma/model.yaml' }],
    });
    const outcome = await reportPullRequest(connection(), inputs(), log);
    expect(outcome.failures).toEqual([
      'beta (no report: training or evaluation failed)',
      'gamma (no report: training or evaluation failed)',
    ]);
    expect(await checks()).toEqual({
      'model/alpha': ['success', 'Unchanged by this pull request'],
      'model/beta': ['failure', 'No report: training or evaluation failed'],
      'model/gamma': ['failure', 'No report: training or evaluation failed'],
    });
  });

  it('finds the pull request of a run that recorded none from its head commit', async () => {
    gh.state.addPullRequest('acme/models', { number: 9, head: { sha: HEAD }, files: [] });
    await reportPullRequest(connection(), inputs({ prNumber: undefined }), log);
    expect(Object.keys(await checks()).sort()).toEqual(['model/alpha', 'model/beta']);
  });
});
