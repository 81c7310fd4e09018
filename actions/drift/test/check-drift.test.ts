import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectGitHub, type GitHubConnection } from '@repo/action-common/github';
import { DRIFT_ISSUE_LABEL } from '@repo/github';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import { createContext, generateExampleWindow, runPipeline } from '@repo/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift, type DriftLog } from '../src/check-drift';
import { getInputs, type Inputs } from '../src/inputs';

const where = { owner: 'acme', repo: 'models' };
const MODEL = 'house-prices';
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
let workspace: string;
let temp: string;

function connection(): GitHubConnection {
  return connectGitHub(
    't',
    {
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: gh.webUrl,
      GITHUB_RUN_ID: '77',
      GITHUB_API_URL: gh.apiUrl,
    },
    { enabled: false },
  );
}

const inputs = (values: Record<string, string> = {}): Inputs =>
  getInputs(workspace, (name) => ({ model: MODEL, token: 't', ...values })[name] ?? '');

async function run(values: Record<string, string> = {}) {
  const lines: string[] = [];
  const summaries: string[] = [];
  const log: DriftLog = {
    info: (line) => lines.push(line),
    summary: async (markdown) => {
      summaries.push(markdown);
    },
  };
  const outcome = await checkDrift(connection(), inputs(values), log, { RUNNER_TEMP: temp });
  return { outcome, lines, summaries };
}

async function driftIssues() {
  const { data } = await connection().client.rest.issues.listForRepo({
    ...where,
    labels: DRIFT_ISSUE_LABEL,
    state: 'all',
  });
  return data;
}

beforeAll(async () => {
  gh = await startEmulator();
  gh.state.addRepo('acme/models');
  workspace = mkdtempSync(join(tmpdir(), 'action-drift-'));
  temp = mkdtempSync(join(tmpdir(), 'action-drift-temp-'));
  for (const path of TEMPLATE) {
    cpSync(join(projectRoot, path), join(workspace, path), { recursive: true });
  }
  const yaml = join(workspace, `models/${MODEL}/model.yaml`);
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/epochs: \d+/, 'epochs: 2'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: workspace });
  // v1.0.0 released and deployed on the emulator's releases: production.
  const ctx = createContext({
    root: workspace,
    registry: connection().registry,
    backend: 'auto',
    progress: null,
  });
  await runPipeline(ctx);
  await generateExampleWindow(ctx, { window: 'fresh' });
}, 300_000);
afterAll(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
  rmSync(workspace, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

describe('checkDrift (the drift action)', () => {
  it('reports drift of the monitored window against production, writes the reports and opens the issue', async () => {
    const { outcome, summaries } = await run();
    expect(outcome).toMatchObject({ verdict: 'drift', retrain: true });
    expect(outcome.reportPath).toBe(join(temp, 'mlops-drift', MODEL));
    for (const file of ['drift.md', 'drift.html', 'drift.json']) {
      expect(existsSync(join(outcome.reportPath, file)), file).toBe(true);
    }
    expect(summaries[0]).toMatch(/Drift detected for \d+ of 12 columns/);
    const [issue, ...others] = await driftIssues();
    expect(others).toEqual([]);
    expect(issue?.number).toBe(outcome.issueNumber);
    expect(issue?.body).toContain(`<!-- mlops-drift:${MODEL} -->`);
    expect(issue?.body).toContain(summaries[0]?.split('\n')[0]);
  });

  it('closes the issue when the `current` input names a window from the training months', async () => {
    await generateExampleWindow(createContext({ root: workspace, progress: null }), {
      window: 'training',
      out: join(workspace, 'training-window.csv'),
    });
    const { outcome } = await run({ current: 'training-window.csv', 'report-dir': 'reports' });
    expect(outcome).toMatchObject({ verdict: 'no-drift', retrain: false });
    expect(outcome.reportPath).toBe(join(workspace, 'reports'));
    const [issue] = await driftIssues();
    expect(issue).toMatchObject({
      number: outcome.issueNumber,
      state: 'closed',
      state_reason: 'completed',
    });
  });

  it('refuses a `current` that is neither a path nor an http(s) URL', () => {
    expect(() => inputs({ current: 'file:///etc/passwd' })).toThrow(/only http\(s\) URLs/);
    expect(() => inputs({ model: '../x' })).toThrow(/model/);
  });
});
