import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSecondModel, GitHubLoop, OWNER, REPO } from './github-loop';

const where = { owner: OWNER, repo: REPO };
const log = (job: { steps: readonly { stdout: string; stderr: string }[] }) =>
  job.steps.map((s) => s.stdout + s.stderr).join('\n');

/**
 * Each model's release and deployment stand on their own: a model refused by its gates at merge
 * does not stop another's release or deployment, the run still ends red, a re-run changes
 * nothing, and a re-run finishes a deployment an interrupted run left undone.
 */
describe('each model releases and deploys on its own', () => {
  let gh: GitHubLoop;

  beforeAll(async () => {
    gh = await GitHubLoop.start({ epochs: 3 });
    addSecondModel(gh);
  });
  afterAll(async () => {
    expect(gh.emulator.state.unknownRoutes).toEqual([]);
    expect(gh.emulator.state.tokenSentToStorage).toEqual([]);
    expect(gh.emulator.state.unimplementedRoutes).toEqual([]);
    await gh?.close();
  });

  const production = async (model: string) =>
    (await gh.registry().resolve(model, 'production'))?.version;
  const deploymentsOf = async (ref: string) =>
    (await gh.client().rest.repos.listDeployments({ ...where, environment: 'production', ref }))
      .data.length;

  it('one model failing its gates at merge: the other is released and deployed, and the run fails', async () => {
    // The first release of both models, from main as the template made it.
    const first = await gh.releaseRun({
      before: gh.repo.git('rev-parse', 'main~1'),
      after: gh.repo.git('rev-parse', 'main'),
    });
    expect(first.promoted.map((p) => p.model).sort()).toEqual([
      'house-prices',
      'house-prices-small',
    ]);
    expect(first.result.result, log(first.result)).toBe('success');

    gh.repo.branch('both');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('hiddenLayers: [64, 32]', 'hiddenLayers: [48, 24]'),
    );
    gh.repo.edit('models/house-prices-small/model.yaml', (t) =>
      t.replace('{ type: min, metric: r2, value: 0.7 }', '{ type: min, metric: r2, value: 0.999 }'),
    );
    gh.repo.commit('Both models change; the small one demands the impossible');
    gh.repo.push('both');
    const release = await gh.releaseRun(gh.repo.merge('both'));
    expect(release.promote.result, log(release.promote)).toBe('success');
    expect(release.promoted).toEqual([{ model: 'house-prices', version: '1.1.0' }]);
    expect(release.deploys.every((job) => job.result === 'success')).toBe(true);
    expect(await production('house-prices')).toBe('1.1.0');
    expect(await production('house-prices-small')).toBe('1.0.0');
    expect(release.result.result).toBe('failure');
    expect(log(release.result)).toContain('house-prices-small');

    // A re-run of the release changes nothing: no new release, no new deployment.
    const deployments = await deploymentsOf('house-prices@v1.1.0');
    const rerun = await gh.releaseRun(
      { before: gh.repo.git('rev-parse', 'main~1'), after: gh.repo.git('rev-parse', 'main') },
      { rerunPromote: { ...release.changes.outputs } },
    );
    expect(rerun.promoted).toEqual([]);
    expect(await deploymentsOf('house-prices@v1.1.0')).toBe(deployments);
    const { data } = await gh.client().rest.repos.listReleases({ ...where, per_page: 100 });
    expect(data.map((r) => r.tag_name).sort()).toEqual([
      'house-prices-small@v1.0.0',
      'house-prices@v1.0.0',
      'house-prices@v1.1.0',
    ]);
  }, 300_000);

  it('a re-run deploys a release whose run died before its deployment', async () => {
    gh.repo.branch('wider');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t
        .replace('hiddenLayers: [48, 24]', 'hiddenLayers: [96, 48]')
        .replace('metric: rmse, tolerance: 0.02', 'metric: rmse, tolerance: 0.5'),
    );
    gh.repo.commit('Wider, and a looser regression gate while it learns');
    gh.repo.push('wider');
    const push = gh.repo.merge('wider');
    const died = await gh.releaseRun(push, { skipDeploy: true });
    expect(died.promoted, log(died.promote)).toEqual([{ model: 'house-prices', version: '1.2.0' }]);
    expect(await production('house-prices')).toBe('1.1.0');
    const rerun = await gh.releaseRun(push, { rerunPromote: { ...died.changes.outputs } });
    expect(log(rerun.promote)).toContain('bit-identical to house-prices@v1.2.0');
    expect(rerun.promoted).toEqual([{ model: 'house-prices', version: '1.2.0' }]);
    expect(rerun.deploys.every((job) => job.result === 'success')).toBe(true);
    expect(await production('house-prices')).toBe('1.2.0');
  }, 300_000);
});
