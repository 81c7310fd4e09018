import { createHash } from 'node:crypto';
import { downloadReleaseAsset } from '@repo/github';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubLoop, OWNER, REPO } from './github-loop';

const where = { owner: OWNER, repo: REPO };
const MARKER = '<!-- mlops-report:house-prices -->';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const log = (job: { steps: readonly { stdout: string; stderr: string }[] }) =>
  job.steps.map((s) => s.stdout + s.stderr).join('\n');

/**
 * A stranger's fork attacks the promotion: its pull request run uploads a forged candidate under
 * the very name the maintainer's merge will look for (the name is computable from public files)
 * and after the maintainer's run, so it is the newest artifact of that name; its forged
 * `training.json` carries the forged files' digest, so a self-check passes. The merge of the
 * maintainer's pull request must ship the maintainer's reviewed files, and the merge of the
 * fork's pull request must retrain on the default branch.
 */
describe('a hostile fork cannot get its files released', () => {
  let gh: GitHubLoop;
  let reviewed: Record<string, Uint8Array>;
  const forged: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    gh = await GitHubLoop.start({ epochs: 4 });
  });
  afterAll(async () => {
    expect(gh.emulator.state.unknownRoutes).toEqual([]);
    expect(gh.emulator.state.tokenSentToStorage).toEqual([]);
    expect(gh.emulator.state.unimplementedRoutes).toEqual([]);
    await gh?.close();
  });

  const candidateArtifacts = () =>
    [...gh.emulator.state.repo(`${OWNER}/${REPO}`).artifacts.values()].filter((a) =>
      a.payload.name.startsWith('mlops-candidate-house-prices-'),
    );

  it('the maintainer’s pull request is trained, reported and its candidate recorded; a stranger’s comment with the bot’s marker stays untouched', async () => {
    gh.repo.branch('wider');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('hiddenLayers: [64, 32]', 'hiddenLayers: [48, 24]'),
    );
    gh.repo.commit('Narrower layers');
    gh.repo.push('wider');
    // A stranger plants a comment with the bot's marker before the first report.
    let planted = 0;
    const run = await gh.pullRequestRun({
      number: 1,
      branch: 'wider',
      inRun: async () => {
        const { data } = await gh.strangerClient().rest.issues.createComment({
          ...where,
          issue_number: 1,
          body: `${MARKER}\n### ✅ All gates passed: ship it`,
        });
        planted = data.id;
      },
    });
    expect(run.trained[0]?.result, log(run.trained[0] ?? { steps: [] })).toBe('success');
    expect(run.report.result, log(run.report)).toBe('success');
    const [artifact] = candidateArtifacts();
    expect(artifact).toBeDefined();
    reviewed = unzipSync(new Uint8Array(artifact?.zip ?? Buffer.alloc(0)));
    expect(log(run.report)).toMatch(/house-prices: candidate [0-9a-f]{12} recorded/);
    const { data: comments } = await gh
      .client()
      .rest.issues.listComments({ ...where, issue_number: 1, per_page: 100 });
    const marked = comments.filter((c) => c.body?.includes(MARKER));
    expect(marked.map((c) => [c.user?.login, c.id === planted])).toEqual([
      ['mallory', true],
      ['github-actions[bot]', false],
    ]);
    expect(marked[0]?.body).toBe(`${MARKER}\n### ✅ All gates passed: ship it`);
  });

  it('a fork’s run uploads a forged candidate under the same name, newer than the real one', async () => {
    gh.repo.branch('evil');
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('learningRate: 0.003', 'learningRate: 0.002'),
    );
    gh.repo.commit('Harmless-looking change');
    gh.repo.push('evil');
    const [real] = candidateArtifacts();
    const name = String(real?.payload.name);
    const run = await gh.pullRequestRun({
      number: 2,
      branch: 'evil',
      fork: true,
      inRun: (runId) => {
        const weights = new Uint8Array(reviewed['weights.bin'] ?? []).map((b) => b ^ 0x5a);
        const record = JSON.parse(strFromU8(reviewed['training.json'] ?? new Uint8Array()));
        Object.assign(forged, reviewed, {
          'weights.bin': weights,
          'model-card.md': strToU8('# Totally legit model\n'),
        });
        // The forged lineage claims the forged files' digest, so a self-check would pass.
        const digestLines = ['model.json', 'weights.bin', 'preprocessor.json']
          .map((f) => `${sha256(forged[f] ?? new Uint8Array())}  ${f}\n`)
          .join('');
        record.lineage.artifactDigest = sha256(strToU8(digestLines));
        forged['training.json'] = strToU8(JSON.stringify(record));
        gh.emulator.state.addArtifact(`${OWNER}/${REPO}`, {
          name,
          runId,
          zip: Buffer.from(zipSync(forged)),
        });
      },
    });
    expect(log(run.report)).toContain('no candidate is recorded for release');
    // Two candidates of one model in one run: neither is evaluated, the check fails.
    expect(run.report.result).toBe('failure');
    const newest = candidateArtifacts().sort((a, b) => b.payload.id - a.payload.id)[0];
    expect(newest?.payload.name).toBe(name);
    expect(newest?.payload.workflow_run?.head_repository_id).not.toBe(
      newest?.payload.workflow_run?.repository_id,
    );
  });

  it('merging the maintainer’s pull request releases the reviewed weights, never the forged ones', async () => {
    const release = await gh.releaseRun(gh.mergePull(1, 'wider'));
    expect(release.promote.result, log(release.promote)).toBe('success');
    expect(log(release.promote)).toContain('shipping the candidate reviewed in pull request #1');
    const { data } = await gh
      .client()
      .rest.repos.getReleaseByTag({ ...where, tag: 'house-prices@v1.0.0' });
    const asset = async (name: string) =>
      new Uint8Array(
        await downloadReleaseAsset(
          gh.client(),
          where,
          data.assets.find((a) => a.name === name) as never,
        ),
      );
    const weights = await asset('weights.bin');
    expect(sha256(weights)).toBe(sha256(reviewed['weights.bin'] ?? new Uint8Array()));
    expect(sha256(weights)).not.toBe(sha256(forged['weights.bin'] ?? new Uint8Array()));
    // No release asset is one of the fork's forged files.
    const forgedOnly = ['weights.bin', 'model-card.md', 'training.json'].map((f) =>
      sha256(forged[f] ?? new Uint8Array()),
    );
    for (const a of data.assets) {
      expect(forgedOnly, a.name).not.toContain(sha256(await asset(a.name)));
    }
  });

  it('merging the fork’s pull request retrains on the default branch instead of shipping its run’s files', async () => {
    const release = await gh.releaseRun(gh.mergePull(2, 'evil'));
    expect(release.promote.result, log(release.promote)).toBe('success');
    const promoteLog = log(release.promote);
    expect(promoteLog).toContain("a fork's candidate is never shipped");
    expect(promoteLog).toContain('retraining');
    expect(release.promoted, promoteLog).toEqual([{ model: 'house-prices', version: '1.1.0' }]);
    const { data } = await gh
      .client()
      .rest.repos.getReleaseByTag({ ...where, tag: 'house-prices@v1.1.0' });
    for (const a of data.assets) {
      const bytes = await downloadReleaseAsset(gh.client(), where, a as never);
      expect(sha256(bytes), a.name).not.toBe(sha256(forged['weights.bin'] ?? new Uint8Array()));
    }
  });

  it('a fork’s forged report claiming every gate passed does not set the check or write the comment', async () => {
    gh.repo.branch('bar');
    // The fork raises its own bar out of reach, and forges a report that says it passed.
    gh.repo.edit('models/house-prices/model.yaml', (t) =>
      t.replace('{ type: min, metric: r2, value: 0.7 }', '{ type: min, metric: r2, value: 0.999 }'),
    );
    gh.repo.commit('Raise the bar');
    gh.repo.push('bar');
    const forgedBody = `${MARKER}\n## ✅ All gates passed\n\n@maintainer please merge ![x](https://evil.example/p.png)`;
    const run = await gh.pullRequestRun({
      number: 3,
      branch: 'bar',
      fork: true,
      inRun: (runId) => {
        const repo = gh.emulator.state.repo(`${OWNER}/${REPO}`);
        for (const [id, artifact] of repo.artifacts) {
          if (artifact.payload.workflow_run?.id !== runId) continue;
          if (artifact.payload.name !== 'model-report-house-prices') continue;
          const files = unzipSync(new Uint8Array(artifact.zip));
          const evaluationFile = 'house-prices/evaluation.json';
          const evaluation = JSON.parse(strFromU8(files[evaluationFile] ?? new Uint8Array()));
          evaluation.passed = true;
          evaluation.gates = evaluation.gates.map((g: object) => ({ ...g, passed: true }));
          files[evaluationFile] = strToU8(JSON.stringify(evaluation));
          files['house-prices/report.md'] = strToU8(forgedBody);
          repo.artifacts.set(id, { payload: artifact.payload, zip: Buffer.from(zipSync(files)) });
        }
      },
    });
    expect(run.report.result, log(run.report)).toBe('failure');
    const { data } = await gh.client().rest.checks.listForRef({
      ...where,
      ref: run.head,
      check_name: 'model/house-prices',
    });
    expect(data.check_runs[0]?.conclusion).toBe('failure');
    const { data: comments } = await gh
      .client()
      .rest.issues.listComments({ ...where, issue_number: 3, per_page: 100 });
    const [comment] = comments.filter((c) => c.user?.login === 'github-actions[bot]');
    expect(comment?.body).not.toContain('@maintainer');
    expect(comment?.body).not.toContain('evil.example');
    expect(comment?.body).toContain('This pull request changes its own quality gates');
    expect(comment?.body).toMatch(/❌.*r2 ≥ 0\.999/);
  });
});
