import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectGitHub, type GitHubConnection } from '@repo/action-common/github';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import { createContext, generateExampleWindow, runPipeline } from '@repo/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInputs, type Inputs } from '../src/inputs';
import { openRetrainPullRequest, type RetrainLog } from '../src/open-retrain-pull-request';

const where = { owner: 'acme', repo: 'models' };
const MODEL = 'house-prices';
const BRANCH = `mlops/retrain/${MODEL}`;
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const TEMPLATE = [
  `models/${MODEL}/model.yaml`,
  `models/${MODEL}/package.json`,
  'data.dvc',
  '.dvc/config',
  '.dvc/.gitignore',
  '.dvc/storage',
];

let gh: Emulator;
let base: string;
let workspace: string;
let origin: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function connection(): GitHubConnection {
  return connectGitHub(
    't',
    {
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: gh.webUrl,
      GITHUB_RUN_ID: '5',
      GITHUB_API_URL: gh.apiUrl,
    },
    { enabled: false },
  );
}

const inputs = (values: Record<string, string> = {}): Inputs =>
  getInputs(
    (name) =>
      ({
        model: MODEL,
        token: 't',
        'report-path': join(base, 'report'),
        'drift-issue': '3',
        'dispatch-model-pr': 'true',
        ...values,
      })[name] ?? '',
  );

async function run(values: Record<string, string> = {}) {
  const summaries: string[] = [];
  const log: RetrainLog = { info: () => {}, summary: async (m) => void summaries.push(m) };
  // A fresh runner: the checkout of main, no data/ folder.
  git(workspace, 'checkout', '-q', '-f', 'main');
  rmSync(join(workspace, 'data'), { recursive: true, force: true });
  const outcome = await openRetrainPullRequest(connection(), inputs(values), log);
  return { outcome, summaries };
}

beforeAll(async () => {
  gh = await startEmulator();
  gh.state.addRepo('acme/models');
  base = mkdtempSync(join(tmpdir(), 'action-retrain-'));
  workspace = join(base, 'work');
  origin = join(base, 'origin.git');
  gh.state.branchResolver = (_repo, branch) => {
    try {
      return git(origin, 'rev-parse', '--verify', '-q', `refs/heads/${branch}`);
    } catch {
      return undefined;
    }
  };
  for (const path of TEMPLATE) {
    cpSync(join(projectRoot, path), join(workspace, path), { recursive: true });
  }
  const yaml = join(workspace, `models/${MODEL}/model.yaml`);
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/epochs: \d+/, 'epochs: 2'));
  writeFileSync(join(workspace, '.gitignore'), '/data\n.mlops/\nmodels/*/artifacts/\n');
  git(base, 'init', '-q', '--bare', '-b', 'main', origin);
  git(workspace, 'init', '-q', '-b', 'main');
  const ctx = createContext({ root: workspace, registry: connection().registry, progress: null });
  await runPipeline(ctx);
  await generateExampleWindow(ctx, { window: 'fresh' });
  git(workspace, 'add', '-A');
  git(workspace, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'template');
  git(workspace, 'remote', 'add', 'origin', origin);
  git(workspace, 'push', '-q', 'origin', 'main');
  mkdirSync(join(base, 'report'));
  writeFileSync(join(base, 'report', 'drift.md'), '# Drift detected for 7 of 12 columns (58%)\n');
}, 300_000);
afterAll(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
  rmSync(base, { recursive: true, force: true });
});

describe('openRetrainPullRequest (the retrain action)', () => {
  it('pushes the next data version on mlops/retrain/<model>, opens one pull request and dispatches model-pr', async () => {
    const { outcome, summaries } = await run();
    expect(outcome).toMatchObject({ action: 'created', dispatched: true });
    const changed = git(
      workspace,
      'diff',
      '--name-only',
      `main...${git(origin, 'rev-parse', BRANCH)}`,
    );
    expect(changed).toMatch(/^data\.dvc$/m);
    expect(changed).toMatch(/^\.dvc\/storage\//m);
    expect(git(origin, 'log', '-1', '--format=%an', BRANCH)).toBe('github-actions[bot]');
    const { data } = await connection().client.rest.pulls.get({
      ...where,
      pull_number: outcome.pullRequest as number,
    });
    expect(data).toMatchObject({ head: { ref: BRANCH }, base: { ref: 'main' } });
    expect(data.body).toContain('Drift issue: #3.');
    expect(data.body).toContain('# Drift detected for 7 of 12 columns');
    expect(gh.state.dispatches).toEqual([
      expect.objectContaining({
        workflow: 'model-pr.yml',
        ref: BRANCH,
        inputs: { 'pull-request': String(outcome.pullRequest) },
      }),
    ]);
    expect(summaries.join('\n')).toMatch(/model-pr will not start by itself/);
  });

  it('a second run with the same data pushes nothing, keeps the one pull request and dispatches nothing', async () => {
    const pushed = git(origin, 'rev-parse', BRANCH);
    const { outcome } = await run();
    expect(outcome).toMatchObject({ action: 'unchanged', dispatched: false });
    expect(git(origin, 'rev-parse', BRANCH)).toBe(pushed);
    const { data } = await connection().client.rest.pulls.list({
      ...where,
      head: `acme:${BRANCH}`,
    });
    expect(data.map((p) => p.number)).toEqual([outcome.pullRequest]);
    expect(gh.state.dispatches).toHaveLength(1);
  });

  it('opens nothing when the retraining policy is not met', async () => {
    git(workspace, 'checkout', '-q', '-f', 'main');
    await generateExampleWindow(createContext({ root: workspace, progress: null }), {
      window: 'training',
    });
    git(workspace, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'training');
    const { outcome } = await run();
    expect(outcome).toEqual({ pullRequest: undefined, action: 'none', dispatched: false });
  });

  it('refuses a committer that is not "Name <email>"', () => {
    expect(() => inputs({ committer: 'nobody' })).toThrow(/Name <email>/);
  });
});
