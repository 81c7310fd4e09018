import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, generateExampleWindow } from '@repo/pipeline';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubLoop, OWNER, REPO } from './github-loop';

const where = { owner: OWNER, repo: REPO };
const MODEL = 'house-prices';
const MARKER = `<!-- mlops-drift:${MODEL} -->`;
const LABEL = 'mlops-drift';
const BOT = 'github-actions[bot]';
const WINDOW = 'incoming/house-prices/window.csv';
const BRANCH = 'mlops/retrain/house-prices';
/** The outputs of the drift step (a matrix job has no unambiguous job outputs). */
const driftOutputs = (
  job:
    | { steps: readonly { id: string; name: string; outputs: Readonly<Record<string, string>> }[] }
    | undefined,
) => job?.steps.find((s) => s.id === 'drift')?.outputs ?? {};
const log = (job: { steps: readonly { stdout: string; stderr: string }[] } | undefined) =>
  job?.steps.map((s) => s.stdout + s.stderr).join('\n') ?? '';

/**
 * Continuous training's GitHub half, on a real git repository with the emulator: drift.yml on
 * its schedule against v1.0.0 in production, one drift issue per model kept current across
 * runs, closed when the window is back to the training months and reopened when drift returns.
 * The steps depend on each other and run in order.
 */
describe('the drift loop: scheduled drift checks keep one issue per model', () => {
  let gh: GitHubLoop;
  let planted: number;
  let issueNumber: number;
  let retrainPull: number;

  beforeAll(async () => {
    gh = await GitHubLoop.start({ epochs: 3 });
    const release = await gh.releaseRun({
      before: '0'.repeat(40),
      after: gh.repo.git('rev-parse', 'main'),
    });
    expect(release.promoted, log(release.promote)).toEqual([{ model: MODEL, version: '1.0.0' }]);
    expect((await gh.registry().resolve(MODEL, 'production'))?.version).toBe('1.0.0');
  }, 600_000);
  afterAll(async () => {
    expect(gh.emulator.state.unknownRoutes).toEqual([]);
    expect(gh.emulator.state.unimplementedRoutes).toEqual([]);
    await gh?.close();
  });

  /** Writes the example's `fresh` or `training` window to the monitored folder and pushes it. */
  async function pushWindow(window: 'fresh' | 'training'): Promise<void> {
    await generateExampleWindow(createContext({ root: gh.repo.work, progress: null }), { window });
    gh.repo.git('add', WINDOW);
    gh.repo.commit(`The ${window} window`);
    gh.repo.git('push', '-q', 'origin', 'main');
  }

  /** drift.yml on a fresh runner: no data/ folder left by an earlier job in this clone. */
  const driftRun = (options: { model?: string; app?: boolean } = {}) => {
    rmSync(join(gh.repo.work, 'data'), { recursive: true, force: true });
    return gh.driftRun(options);
  };
  /** The open retraining pull requests of the model. */
  const retrainPulls = async () =>
    (await gh.client().rest.pulls.list({ ...where, head: `${OWNER}:${BRANCH}`, state: 'open' }))
      .data;
  const stepOutputs = (job: Parameters<typeof driftOutputs>[0], id: string) =>
    job?.steps.find((s) => s.id === id || s.name === id)?.outputs ?? {};

  /** Every issue with the drift label, by anyone, oldest first. */
  const labelled = async () =>
    (
      await gh
        .client()
        .rest.issues.listForRepo({ ...where, labels: LABEL, state: 'all', per_page: 100 })
    ).data.sort((a, b) => a.number - b.number);
  const botIssues = async () => (await labelled()).filter((i) => i.user?.login === BOT);
  const commentsOf = async (number: number) =>
    (await gh.client().rest.issues.listComments({ ...where, issue_number: number })).data;

  it('1. a scheduled run on a drifted window opens exactly one issue, with the marker and the headline', async () => {
    // A stranger's issue with the same label and marker, planted before the first run.
    const stranger = await gh.strangerClient().rest.issues.create({
      ...where,
      title: 'Drift detected: house-prices',
      body: `${MARKER}\nplanted by a stranger`,
      labels: [LABEL],
    });
    planted = stranger.data.number;
    await pushWindow('fresh');
    const run = await driftRun();
    expect(run.models.outputs.matrix).toBe('{"model":["house-prices"]}');
    const [job] = run.drift;
    expect(job?.result, log(job)).toBe('success');
    expect(driftOutputs(job)).toMatchObject({ verdict: 'drift', retrain: 'true' });
    expect(job?.summary).toMatch(/Drift detected for \d+ of 12 columns/);
    const artifacts = [...gh.emulator.state.repo(`${OWNER}/${REPO}`).artifacts.values()];
    expect(artifacts.map((a) => a.payload.name)).toContain(`drift-report-${MODEL}`);
    const [issue, ...others] = await botIssues();
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      state: 'open',
      user: { login: BOT },
      labels: [{ name: LABEL }],
      title: 'Drift detected: house-prices',
    });
    expect(issue?.body?.startsWith(MARKER)).toBe(true);
    expect(issue?.body).toMatch(/Drift detected for \d+ of 12 columns/);
    expect(driftOutputs(job)['issue-number']).toBe(String(issue?.number));
    issueNumber = issue?.number as number;

    // The policy calls for retraining: one pull request from mlops/retrain/house-prices.
    const retrain = stepOutputs(job, 'Retraining pull request');
    expect(retrain, log(job)).toMatchObject({ action: 'created', dispatched: 'true' });
    const [pull, ...more] = await retrainPulls();
    expect(more).toEqual([]);
    expect(pull).toMatchObject({
      number: Number(retrain['pull-request']),
      user: { login: BOT },
      base: { ref: 'main' },
    });
    expect(pull?.body).toContain(`Drift issue: #${issueNumber}.`);
    expect(pull?.body).toMatch(/Drift detected for \d+ of 12 columns/);
    retrainPull = pull?.number as number;
    // The branch holds data.dvc and the new objects of the committed DVC remote, on top of main.
    const changed = gh.repo
      .git('diff', '--name-only', `main...refs/remotes/origin/${BRANCH}`)
      .split('\n');
    expect(changed).toContain('data.dvc');
    expect(changed.some((f) => f.startsWith('.dvc/storage/'))).toBe(true);
    // A push with GITHUB_TOKEN starts no workflow: model-pr is dispatched on the branch, and the
    // run summary says so.
    expect(gh.emulator.state.dispatches).toEqual([
      {
        repo: `${OWNER}/${REPO}`,
        workflow: 'model-pr.yml',
        ref: BRANCH,
        inputs: { 'pull-request': String(retrainPull) },
        actor: BOT,
      },
    ]);
    expect(job?.summary).toMatch(/model-pr will not start by itself/);
  });

  it('1b. the dispatched model-pr run trains the retraining branch and records its pull request for the report', async () => {
    const [dispatch] = gh.emulator.state.dispatches;
    expect(dispatch).toBeDefined();
    const run = await gh.dispatchedPullRequestRun(
      dispatch as (typeof gh.emulator.state.dispatches)[number],
    );
    expect(run.head).toBe(gh.repo.git('rev-parse', `refs/remotes/origin/${BRANCH}`));
    expect(run.changes.outputs.matrix, log(run.changes)).toBe('{"model":["house-prices"]}');
    const [trained] = run.trained;
    expect(trained?.result, log(trained)).toBe('success');
    const report = [...gh.emulator.state.repo(`${OWNER}/${REPO}`).artifacts.values()].find(
      (a) => a.payload.name === `model-report-${MODEL}` && a.payload.workflow_run?.id === run.runId,
    );
    expect(report).toBeDefined();
    const files = unzipSync(new Uint8Array(report?.zip ?? []));
    expect(new TextDecoder().decode(files['pull-request-number']).trim()).toBe(String(retrainPull));
    // Its report reaches the pull request: the bot's comment and the model's check on its head.
    expect(run.report.result, log(run.report)).not.toBe('skipped');
    const { data: comments } = await gh
      .client()
      .rest.issues.listComments({ ...where, issue_number: retrainPull, per_page: 100 });
    expect(
      comments.some(
        (c) =>
          c.user?.login === 'github-actions[bot]' &&
          c.body?.includes(`<!-- mlops-report:${MODEL} -->`),
      ),
    ).toBe(true);
    const { data: checks } = await gh
      .client()
      .rest.checks.listForRef({ ...where, ref: run.head, check_name: `model/${MODEL}` });
    expect(checks.check_runs[0]?.status).toBe('completed');
  });

  it('2. the next scheduled run updates the same issue, through a 502 and a secondary rate limit', async () => {
    const [before] = await botIssues();
    gh.emulator.faults.inject({ method: 'PATCH', path: /\/issues\/\d+$/, status: 502, times: 1 });
    gh.emulator.faults.secondaryRateLimit({
      method: 'PATCH',
      path: /\/issues\/\d+$/,
      retryAfter: 1,
      times: 1,
    });
    const run = await driftRun();
    expect(run.drift[0]?.result, log(run.drift[0])).toBe('success');
    expect(gh.emulator.faults.pending).toBe(0);
    const refused = gh.emulator.state.requests.filter(
      (r) => r.method === 'PATCH' && (r.status === 502 || r.status === 403),
    );
    expect(refused.length).toBeGreaterThanOrEqual(2);
    const [after, ...others] = await botIssues();
    expect(others).toEqual([]);
    expect(after?.number).toBe(issueNumber);
    expect(after?.body).not.toBe(before?.body);
    expect(after?.body).toContain(`/actions/runs/${run.runId}`);
    // The same retraining pull request, its body updated; the branch already held this data.
    expect(stepOutputs(run.drift[0], 'Retraining pull request')).toMatchObject({
      'pull-request': String(retrainPull),
      action: 'updated',
      dispatched: 'false',
    });
    const pulls = await retrainPulls();
    expect(pulls.map((p) => p.number)).toEqual([retrainPull]);
    expect(pulls[0]?.body).toContain(`/actions/runs/${run.runId}`);
    expect(gh.emulator.state.dispatches).toHaveLength(1);
  });

  it('3. the stranger’s issue with the same marker and label is never touched', async () => {
    const { data } = await gh.client().rest.issues.get({ ...where, issue_number: planted });
    expect(data).toMatchObject({
      state: 'open',
      body: `${MARKER}\nplanted by a stranger`,
      user: { login: 'mallory' },
    });
    expect(await commentsOf(planted)).toEqual([]);
  });

  it('4. a window from the training months closes the issue, with a comment', async () => {
    await pushWindow('training');
    const run = await driftRun();
    expect(run.drift[0]?.result, log(run.drift[0])).toBe('success');
    expect(driftOutputs(run.drift[0])).toMatchObject({ verdict: 'no-drift', retrain: 'false' });
    const [issue, ...others] = await botIssues();
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      number: issueNumber,
      state: 'closed',
      state_reason: 'completed',
    });
    expect((await commentsOf(issueNumber)).map((c) => c.body)).toEqual([
      expect.stringMatching(/^The drift is gone: No drift/),
    ]);
  });

  it('5. drift again reopens the same issue', async () => {
    await pushWindow('fresh');
    const run = await driftRun({ model: MODEL });
    expect(run.drift[0]?.result, log(run.drift[0])).toBe('success');
    const [issue, ...others] = await botIssues();
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ number: issueNumber, state: 'open', state_reason: 'reopened' });
    expect((await labelled()).map((i) => i.number).sort()).toEqual([planted, issueNumber].sort());
  });

  it('a dispatch naming no model of the repository fails its models job', async () => {
    const run = await driftRun({ model: 'no-such-model' });
    expect(run.models.result).toBe('failure');
    expect(log(run.models)).toMatch(/no model named "no-such-model"/);
    expect(run.drift).toEqual([]);
  });

  it('the drift jobs declare exactly the permissions their calls needed, and fail without one', async () => {
    const { declared, used } = gh.scopeUse();
    expect(used.get('drift.yml#models')).toEqual(declared.get('drift.yml#models'));
    // contents: write is for the git push of the retraining branch, which goes to the origin with
    // git, past the REST API: the emulator sees the job read contents (the release) only.
    expect(used.get('drift.yml#drift')).toEqual({
      ...declared.get('drift.yml#drift'),
      contents: 'read',
    });
    expect(declared.get('drift.yml#drift')).toEqual({
      actions: 'write',
      contents: 'write',
      deployments: 'read',
      issues: 'write',
      'pull-requests': 'write',
    });
    expect(gh.emulator.state.permissionUses.filter((u) => !u.granted)).toEqual([]);
    gh.withhold.set('drift.yml#drift', ['issues']);
    const run = await driftRun();
    gh.withhold.clear();
    expect(run.drift[0]?.result).toBe('failure');
    expect(log(run.drift[0])).toMatch(/Resource not accessible by integration/);
  });
});

/**
 * With a GitHub App's secrets (MLOPS_APP_ID, MLOPS_APP_PRIVATE_KEY), drift.yml pushes and opens the
 * retraining pull request with the App's installation token: GitHub starts model-pr for it as for
 * anyone's pull request, so nothing is dispatched, and the report job comments on it.
 */
describe('the drift loop with a GitHub App token: the retraining pull request runs model-pr by itself', () => {
  let gh: GitHubLoop;

  beforeAll(async () => {
    gh = await GitHubLoop.start({ epochs: 3 });
    await gh.releaseRun({ before: '0'.repeat(40), after: gh.repo.git('rev-parse', 'main') });
    await generateExampleWindow(createContext({ root: gh.repo.work, progress: null }), {
      window: 'fresh',
    });
    gh.repo.git('add', WINDOW);
    gh.repo.commit('The fresh window');
    gh.repo.git('push', '-q', 'origin', 'main');
  }, 600_000);
  afterAll(async () => {
    expect(gh.emulator.state.unknownRoutes).toEqual([]);
    expect(gh.emulator.state.unimplementedRoutes).toEqual([]);
    await gh?.close();
  });

  it('opens the pull request as the App, dispatches nothing, and model-pr → model-report report on it', async () => {
    const run = await gh.driftRun({ app: true });
    const [job] = run.drift;
    expect(job?.result, log(job)).toBe('success');
    expect(gh.appTokens).toHaveLength(1);
    expect(gh.emulator.state.tokenPermissions(gh.appTokens[0] as string)).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      deployments: 'read',
    });
    const retrain = job?.steps.find((s) => s.name === 'Retraining pull request')?.outputs ?? {};
    expect(retrain).toMatchObject({ action: 'created', dispatched: 'false' });
    expect(gh.emulator.state.dispatches).toEqual([]);
    expect(job?.summary).not.toMatch(/will not start by itself/);
    const number = Number(retrain['pull-request']);
    const { data: pull } = await gh.client().rest.pulls.get({ ...where, pull_number: number });
    expect(pull).toMatchObject({ user: { login: 'mlops-app[bot]' }, head: { ref: BRANCH } });
    // The drift issue stays the workflow's own (GITHUB_TOKEN).
    const issues = await gh.client().rest.issues.listForRepo({ ...where, labels: LABEL });
    expect(issues.data.map((i) => i.user?.login)).toEqual([BOT]);

    const pr = await gh.pullRequestRun({ number, branch: BRANCH });
    expect(pr.trained[0]?.result, log(pr.trained[0])).toBe('success');
    expect(pr.report.result, log(pr.report)).toBe('success');
    const comments = await gh.client().rest.issues.listComments({ ...where, issue_number: number });
    expect(comments.data.map((c) => c.body ?? '').join('\n')).toContain(
      '<!-- mlops-report:house-prices -->',
    );
  });
});
