import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSecondModel, GitHubLoop, OWNER, REPO } from './github-loop';

const where = { owner: OWNER, repo: REPO };
const MODELS = ['house-prices', 'house-prices-small'];

/**
 * Branch protection requires `model/<name>` for every model. Each pull request run must end
 * with a conclusive check for each of them, whatever the pull request touches: a pull request
 * that touches no model, one that touches one of two, and one whose training crashes.
 */
describe('every required model check ends conclusive', () => {
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

  const checks = async (sha: string) => {
    const { data } = await gh.client().rest.checks.listForRef({ ...where, ref: sha });
    return Object.fromEntries(
      data.check_runs
        .filter((c) => c.name.startsWith('model/'))
        .map((c) => [
          c.name,
          { status: c.status, conclusion: c.conclusion, title: c.output.title },
        ]),
    );
  };

  it('a pull request that touches no model gets "unchanged" for every model', async () => {
    gh.repo.branch('docs');
    writeFileSync(join(gh.repo.work, 'NOTES.md'), 'Just words.\n');
    gh.repo.git('add', 'NOTES.md');
    gh.repo.commit('Notes');
    gh.repo.push('docs');
    const run = await gh.pullRequestRun({ number: 1, branch: 'docs' });
    expect(run.changes.outputs.any).toBe('false');
    expect(run.trained).toEqual([]);
    expect(run.report.result, run.report.steps.map((s) => s.stdout + s.stderr).join('\n')).toBe(
      'success',
    );
    const byName = await checks(run.head);
    expect(Object.keys(byName).sort()).toEqual(MODELS.map((m) => `model/${m}`));
    for (const check of Object.values(byName)) {
      expect(check).toEqual({
        status: 'completed',
        conclusion: 'success',
        title: 'Unchanged by this pull request',
      });
    }
  });

  it('a pull request that touches one of two models gets its verdict and "unchanged" for the other', async () => {
    gh.repo.branch('small');
    gh.repo.edit('models/house-prices-small/model.yaml', (t) => t.replace('[16, 8]', '[24, 12]'));
    gh.repo.commit('Wider small model');
    gh.repo.push('small');
    const run = await gh.pullRequestRun({ number: 2, branch: 'small' });
    expect(run.changes.outputs.matrix).toBe('{"model":["house-prices-small"]}');
    const byName = await checks(run.head);
    expect(byName['model/house-prices']).toMatchObject({
      conclusion: 'success',
      title: 'Unchanged by this pull request',
    });
    expect(byName['model/house-prices-small']?.status).toBe('completed');
    expect(byName['model/house-prices-small']?.title).not.toBe('Unchanged by this pull request');
    expect(['success', 'failure']).toContain(byName['model/house-prices-small']?.conclusion);
  });

  it('a pull request whose training crashes gets a failing check, not silence', async () => {
    gh.repo.branch('broken');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('{ name: sqft_living,', '{ name: no_such_column,'),
    );
    gh.repo.commit('Read a column that does not exist');
    gh.repo.push('broken');
    const run = await gh.pullRequestRun({ number: 3, branch: 'broken' });
    expect(run.trained[0]?.result).toBe('failure');
    expect(run.report.result).toBe('failure');
    const byName = await checks(run.head);
    expect(byName['model/house-prices']).toEqual({
      status: 'completed',
      conclusion: 'failure',
      title: 'No report: training or evaluation failed',
    });
    expect(byName['model/house-prices-small']).toMatchObject({ conclusion: 'success' });
  });
});
