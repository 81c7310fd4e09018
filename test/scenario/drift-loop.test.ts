import { createContext, generateExampleWindow } from '@repo/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubLoop, OWNER, REPO } from './github-loop';

const where = { owner: OWNER, repo: REPO };
const MODEL = 'house-prices';
const MARKER = `<!-- mlops-drift:${MODEL} -->`;
const LABEL = 'mlops-drift';
const BOT = 'github-actions[bot]';
const WINDOW = 'incoming/house-prices/window.csv';
/** The outputs of the drift step (a matrix job has no unambiguous job outputs). */
const driftOutputs = (
  job: { steps: readonly { id: string; outputs: Readonly<Record<string, string>> }[] } | undefined,
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
    const run = await gh.driftRun();
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
    const run = await gh.driftRun();
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
    const run = await gh.driftRun();
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
    const run = await gh.driftRun({ model: MODEL });
    expect(run.drift[0]?.result, log(run.drift[0])).toBe('success');
    const [issue, ...others] = await botIssues();
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ number: issueNumber, state: 'open', state_reason: 'reopened' });
    expect((await labelled()).map((i) => i.number).sort()).toEqual([planted, issueNumber].sort());
  });

  it('a dispatch naming no model of the repository fails its models job', async () => {
    const run = await gh.driftRun({ model: 'no-such-model' });
    expect(run.models.result).toBe('failure');
    expect(log(run.models)).toMatch(/no model named "no-such-model"/);
    expect(run.drift).toEqual([]);
  });

  it('the drift jobs declare exactly the permissions their calls needed, and fail without one', async () => {
    const { declared, used } = gh.scopeUse();
    for (const key of ['drift.yml#models', 'drift.yml#drift']) {
      expect(declared.has(key), key).toBe(true);
      expect(used.get(key), key).toEqual(declared.get(key));
    }
    expect(declared.get('drift.yml#drift')).toEqual({
      contents: 'read',
      deployments: 'read',
      issues: 'write',
    });
    expect(gh.emulator.state.permissionUses.filter((u) => !u.granted)).toEqual([]);
    gh.withhold.set('drift.yml#drift', ['issues']);
    const run = await gh.driftRun();
    gh.withhold.clear();
    expect(run.drift[0]?.result).toBe('failure');
    expect(log(run.drift[0])).toMatch(/Resource not accessible by integration/);
  });
});
