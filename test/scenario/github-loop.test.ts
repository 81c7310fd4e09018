import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadReleaseAsset } from '@repo/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubLoop, OWNER, REPO } from './github-loop';

const where = { owner: OWNER, repo: REPO };
const MARKER = '<!-- mlops-report:house-prices -->';

/**
 * The whole GitHub loop, end to end: the workflow files run job by job (the bundled actions as
 * processes, with the runner's environment), against a GitHub REST emulator on loopback whose
 * routes follow GitHub's OpenAPI description, on a real git repository with branches and merges.
 * The steps depend on each other and run in order.
 */
describe('the GitHub loop: pull request, comment, check, merge, release, deploy, rollback', () => {
  let gh: GitHubLoop;

  beforeAll(async () => {
    gh = await GitHubLoop.start({ epochs: 6 });
  });
  afterAll(async () => {
    expect(gh.emulator.state.unknownRoutes).toEqual([]);
    expect(gh.emulator.state.tokenSentToStorage).toEqual([]);
    await gh?.close();
  });

  const comments = async (issue: number) =>
    (
      await gh.client().rest.issues.listComments({ ...where, issue_number: issue, per_page: 100 })
    ).data.filter((c) => c.body?.includes(MARKER));
  const check = async (sha: string) =>
    (
      await gh.client().rest.checks.listForRef({
        ...where,
        ref: sha,
        check_name: 'model/house-prices',
        filter: 'all',
      })
    ).data.check_runs;

  it('1. a pull request gets the "no production yet" report and a passing check', async () => {
    gh.repo.branch('pr-1');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('batchSize: 128', 'batchSize: 64'),
    );
    gh.repo.commit('Smaller batches');
    gh.repo.push('pr-1');
    const run = await gh.pullRequestRun({ number: 1, branch: 'pr-1' });
    expect(run.changes.outputs.matrix).toBe('{"model":["house-prices"]}');
    expect(run.trained[0]?.result, run.trained[0]?.steps.map((s) => s.stderr).join('\n')).toBe(
      'success',
    );
    expect(run.report.result, run.report.steps.map((s) => s.stderr + s.stdout).join('\n')).toBe(
      'success',
    );
    const [comment, ...others] = await comments(1);
    expect(others).toEqual([]);
    expect(comment?.body).toContain('No production model yet');
    const [checkRun] = await check(run.head);
    expect(checkRun).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('2. a new commit updates the same comment instead of adding one', async () => {
    const [before] = await comments(1);
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('learningRate: 0.003', 'learningRate: 0.004'),
    );
    gh.repo.commit('Faster learning');
    gh.repo.push('pr-1');
    const run = await gh.pullRequestRun({ number: 1, branch: 'pr-1' });
    expect(run.report.result).toBe('success');
    const after = await comments(1);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before?.id);
    expect(after[0]?.body).not.toBe(before?.body);
    expect(after[0]?.body).toContain('0.004');
  });

  it('3. a change that fails a gate fails the check, and the comment says why', async () => {
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('{ type: min, metric: r2, value: 0.7 }', '{ type: min, metric: r2, value: 0.99 }'),
    );
    const sha = gh.repo.commit('Demand r2 of 0.99');
    gh.repo.push('pr-1');
    const run = await gh.pullRequestRun({ number: 1, branch: 'pr-1' });
    expect(run.report.result).toBe('failure');
    const [checkRun] = await check(sha);
    expect(checkRun?.conclusion).toBe('failure');
    const [comment] = await comments(1);
    expect(comment?.body).toMatch(/❌.*r2 ≥ 0\.99/);
    expect(comment?.body).toContain('is below the minimum 0.99');
    // Back to a reachable gate before merging.
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('value: 0.99 }', 'value: 0.7 }'),
    );
    gh.repo.commit('Back to r2 ≥ 0.7');
    gh.repo.push('pr-1');
    const back = await gh.pullRequestRun({ number: 1, branch: 'pr-1' });
    expect(back.report.result, back.report.steps.map((s) => s.stdout + s.stderr).join('\n')).toBe(
      'success',
    );
  });

  it('4. the merge publishes release v1.0.0 with every asset, and the checksums verify', async () => {
    const release = await gh.releaseRun(gh.mergePull(1, 'pr-1'));
    expect(
      release.promote.result,
      release.promote.steps.map((s) => s.stderr + s.stdout).join('\n'),
    ).toBe('success');
    expect(release.promoted).toEqual([{ model: 'house-prices', version: '1.0.0' }]);
    // The files the pull request run trained and the review saw are the files released.
    const promoteLog = release.promote.steps.map((step) => step.stdout).join('\n');
    expect(promoteLog).toContain('shipping the candidate reviewed in pull request #1');
    expect(promoteLog).not.toContain('retraining');
    const { data } = await gh
      .client()
      .rest.repos.getReleaseByTag({ ...where, tag: 'house-prices@v1.0.0' });
    expect(data.draft).toBe(false);
    // The lineage names the pull request's head commit, not the test merge a PR run checks out.
    const lineage = JSON.parse(
      (
        await downloadReleaseAsset(
          gh.client(),
          where,
          data.assets.find((a) => a.name === 'training.json') as never,
        )
      ).toString('utf8'),
    ) as { lineage: { gitCommit: string } };
    expect(lineage.lineage.gitCommit).toBe(gh.repo.git('rev-parse', 'pr-1'));
    expect(data.assets.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'model.json',
        'weights.bin',
        'preprocessor.json',
        'metrics.json',
        'profile.json',
        'model-card.md',
        'SHA256SUMS',
      ]),
    );
    // Every asset's bytes, as a user downloads them, match the release's SHA256SUMS.
    const sumsAsset = data.assets.find((a) => a.name === 'SHA256SUMS');
    const sums = (await downloadReleaseAsset(gh.client(), where, sumsAsset as never))
      .toString('utf8')
      .trim()
      .split('\n');
    expect(sums.length).toBeGreaterThanOrEqual(7);
    for (const line of sums) {
      const [sha, name] = line.split(/\s+/);
      const asset = data.assets.find((a) => a.name === name);
      const bytes = await downloadReleaseAsset(gh.client(), where, asset as never);
      expect(createHash('sha256').update(bytes).digest('hex'), String(name)).toBe(sha);
    }
    // The release run attested every released file, with the sha256 the release holds.
    for (const line of sums) {
      const [sha, name] = line.split(/\s+/);
      if (name === 'SHA256SUMS') continue;
      expect(gh.attested.get(`house-prices@v1.0.0/${name}`), String(name)).toBe(sha);
    }
    // The registry verifies them too before it writes anything.
    const dir = mkdtempSync(join(tmpdir(), 'mlops-v1-'));
    await gh.registry().download('house-prices', '1.0.0', dir);
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining(['model.json', 'weights.bin', 'preprocessor.json']),
    );
    expect(data.body).toContain('# house-prices v1.0.0');
  });

  it('5. the release is deployed: a deployment with a success status', async () => {
    const { data: deployments } = await gh
      .client()
      .rest.repos.listDeployments({ ...where, environment: 'production' });
    const deployment = deployments.find((d) => d.ref === 'house-prices@v1.0.0');
    expect(deployment).toBeDefined();
    const { data: statuses } = await gh
      .client()
      .rest.repos.listDeploymentStatuses({ ...where, deployment_id: Number(deployment?.id) });
    expect(statuses.map((s) => s.state)).toEqual(['success', 'in_progress']);
    expect((await gh.registry().resolve('house-prices', 'production'))?.version).toBe('1.0.0');
  });

  it('6. a second pull request is compared with v1.0.0', async () => {
    gh.repo.branch('pr-2');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('hiddenLayers: [64, 32]', 'hiddenLayers: [96, 48]'),
    );
    gh.repo.commit('Wider layers');
    gh.repo.push('pr-2');
    const run = await gh.pullRequestRun({ number: 2, branch: 'pr-2' });
    expect(run.trained[0]?.result).toBe('success');
    const [comment] = await comments(2);
    expect(comment?.body).toContain('vs **production** `v1.0.0`');
    expect(comment?.body).toMatch(/\| `model.hiddenLayers` \| `\[64,32\]` \| `\[96,48\]` \|/);
    expect(comment?.body).toContain('xychart-beta');
  });

  it('7. merging releases v1.1.0; a dispatch rolls production back to v1.0.0', async () => {
    const release = await gh.releaseRun(gh.mergePull(2, 'pr-2'));
    expect(release.promoted).toEqual([{ model: 'house-prices', version: '1.1.0' }]);
    expect((await gh.registry().resolve('house-prices', 'production'))?.version).toBe('1.1.0');
    const [target, deploy] = await gh.deployRun(
      { model: 'house-prices', version: '1.0.0' },
      gh.repo.git('rev-parse', 'main'),
    );
    expect(target?.result).toBe('success');
    expect(deploy?.result).toBe('success');
    expect((await gh.registry().resolve('house-prices', 'production'))?.version).toBe('1.0.0');
  });

  it('a release run compares each model with its last release: nothing changed since, nothing to release', async () => {
    const main = gh.repo.git('rev-parse', 'main');
    const release = await gh.releaseRun({
      before: gh.repo.git('rev-parse', 'main~1'),
      after: main,
    });
    expect(release.changes.outputs.any).toBe('false');
    expect(release.promote.result).toBe('skipped');
  });

  it('re-running the release of the same commit creates nothing new', async () => {
    const main = gh.repo.git('rev-parse', 'main');
    const models = '["house-prices"]';
    const release = await gh.releaseRun(
      { before: gh.repo.git('rev-parse', 'main~1'), after: main },
      { rerunPromote: { models, matrix: `{"model":${models}}`, any: 'true' } },
    );
    expect(release.promote.result).toBe('success');
    expect(release.promoted).toEqual([]);
    expect(release.promote.steps.map((step) => step.stdout).join('\n')).toContain(
      'bit-identical to house-prices@v1.1.0',
    );
    const { data } = await gh.client().rest.repos.listReleases({ ...where, per_page: 100 });
    expect(data.map((r) => r.tag_name).sort()).toEqual([
      'house-prices@v1.0.0',
      'house-prices@v1.1.0',
    ]);
  });

  it('survives a 502 and a secondary rate limit while reporting: retried, and the job succeeds', async () => {
    gh.repo.branch('pr-3');
    gh.repo.edit('models/house-prices/model.yaml', (t) => t.replace('patience: 8', 'patience: 7'));
    gh.repo.commit('Less patience');
    gh.repo.push('pr-3');
    gh.emulator.faults.inject({
      method: 'GET',
      path: /\/issues\/3\/comments/,
      status: 502,
      times: 1,
    });
    gh.emulator.faults.secondaryRateLimit({
      method: 'POST',
      path: /\/check-runs/,
      retryAfter: 1,
      times: 1,
    });
    const run = await gh.pullRequestRun({ number: 3, branch: 'pr-3' });
    expect(run.report.result, run.report.steps.map((s) => s.stdout).join('\n')).toBe('success');
    expect(gh.emulator.faults.pending).toBe(0);
    const failed = gh.emulator.state.requests.filter((r) => r.status === 502 || r.status === 403);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(await comments(3)).toHaveLength(1);
    expect((await check(run.head))[0]?.conclusion).toBe('success');
  });

  it('a pull request from a fork (workflow_run lists none) gets its comment through the recorded number', async () => {
    gh.repo.branch('pr-4');
    gh.repo.edit('models/house-prices/model.yaml', (t) => t.replace('patience: 8', 'patience: 6'));
    gh.repo.commit('From a fork');
    gh.repo.push('pr-4');
    const run = await gh.pullRequestRun({ number: 4, branch: 'pr-4', fork: true });
    expect(run.report.result, run.report.steps.map((s) => s.stdout).join('\n')).toBe('success');
    expect(await comments(4)).toHaveLength(1);
    expect(run.report.summary).toContain(MARKER);
  });

  it('a late report for a commit that is no longer the head does not overwrite the newer comment', async () => {
    gh.repo.branch('pr-5');
    gh.repo.edit('models/house-prices/model.yaml', (t) => t.replace('patience: 8', 'patience: 4'));
    gh.repo.commit('Patience 4');
    gh.repo.push('pr-5');
    const older = await gh.pullRequestRunReportLater({ number: 5, branch: 'pr-5' });
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace(/learningRate: [\d.]+/, 'learningRate: 0.0025'),
    );
    gh.repo.commit('Learning rate 0.0025');
    gh.repo.push('pr-5');
    const newer = await gh.pullRequestRun({ number: 5, branch: 'pr-5' });
    expect(newer.report.result).toBe('success');
    const [before] = await comments(5);
    expect(before?.body).toContain('0.0025');
    const late = await older.reportLater();
    expect(late.result, late.steps.map((s) => s.stdout).join('\n')).toBe('success');
    expect(late.steps.map((s) => s.stdout).join('\n')).toContain('are not commented');
    const after = await comments(5);
    expect(after).toHaveLength(1);
    expect(after[0]?.body).toBe(before?.body);
    // The older commit still gets its own check.
    expect((await check(older.head))[0]?.status).toBe('completed');
  });

  it('every job declares exactly the permissions its calls needed, and fails without one', async () => {
    // Scopes the emulator cannot see: actions/attest-build-provenance (stubbed here) uses them.
    const unseen = new Set(['id-token', 'attestations']);
    const levels = { read: 1, write: 2 } as const;
    const declared = new Map<string, Record<string, 'read' | 'write'>>();
    const used = new Map<string, Record<string, 'read' | 'write'>>();
    for (const run of gh.jobs) {
      const key = `${run.file}#${run.job}`;
      // A fork's runs have read-only tokens; the same jobs' full runs are compared.
      if (Object.values(run.permissions).every((l) => l === 'read') && declared.has(key)) continue;
      declared.set(key, { ...(declared.get(key) ?? {}), ...run.permissions });
      const uses = used.get(key) ?? {};
      for (const use of gh.emulator.state.permissionUses) {
        if (use.token !== run.token || !use.granted || use.scope === undefined) continue;
        const before = uses[use.scope];
        if (before === undefined || levels[use.level] > levels[before]) uses[use.scope] = use.level;
      }
      used.set(key, uses);
    }
    expect(declared.size).toBeGreaterThanOrEqual(8);
    for (const [key, permissions] of declared) {
      const expected = Object.fromEntries(
        Object.entries(permissions).filter(([scope]) => !unseen.has(scope)),
      );
      expect(used.get(key), key).toEqual(expected);
    }
    const denied = gh.emulator.state.permissionUses.filter((u) => !u.granted);
    expect(denied).toEqual([]);

    // Taking one scope away fails the job: the report job without checks: write, the deploy job
    // without deployments: write.
    gh.repo.branch('pr-6');
    gh.repo.edit('models/house-prices/model.yaml', (t) => t.replace('patience: 8', 'patience: 3'));
    gh.repo.commit('Patience 3');
    gh.repo.push('pr-6');
    gh.withhold.set('model-report.yml#report', ['checks']);
    const run = await gh.pullRequestRun({ number: 6, branch: 'pr-6' });
    gh.withhold.clear();
    expect(run.report.result).toBe('failure');
    expect(run.report.steps.map((s) => s.stdout + s.stderr).join('\n')).toMatch(
      /Resource not accessible by integration/,
    );
    gh.withhold.set('deploy.yml#deploy', ['deployments']);
    const [, deploy] = await gh.deployRun(
      { model: 'house-prices', version: '1.1.0' },
      gh.repo.git('rev-parse', 'main'),
    );
    gh.withhold.clear();
    expect(deploy?.result).toBe('failure');
  });
});
