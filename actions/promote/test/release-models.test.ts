import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectGitHub, type GitHubConnection } from '@repo/action-common/github';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneTemplate, editFile, git } from '../../../test/helpers/template-repo';
import type { Inputs } from '../src/inputs';
import { type ReleaseLog, releaseModels } from '../src/release-models';

const MODEL = 'house-prices';
const TAG = `${MODEL}@v1.0.0`;
const FULL_NAME = 'acme/models';
/** What the runner sets and the action reads from process.env: the event and the cache service. */
const RUNNER_ENV = [
  'GITHUB_EVENT_PATH',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
] as const;

let gh: Emulator;
let root: string;
let lines: string[];
let savedEnv: Record<string, string | undefined>;

const log: ReleaseLog = {
  info: (line) => lines.push(line),
  warning: (line) => lines.push(`warning: ${line}`),
  error: (line) => lines.push(`error: ${line}`),
  group: (_name, work) => work(),
};

const inputs: Inputs = { models: [MODEL], token: 't', bump: undefined, backend: 'auto' };

const head = () => git(root, 'rev-parse', 'HEAD').trim();

/** The promote job's connection, as connectGitHub builds it, on the emulator and the clone. */
function connection(): GitHubConnection {
  const env = {
    GITHUB_REPOSITORY: FULL_NAME,
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_SHA: head(),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKSPACE: root,
  };
  return connectGitHub('t', env, { enabled: false });
}

/** A push event of the clone's head commit, as the runner writes it to GITHUB_EVENT_PATH. */
function pushEvent(message: string): void {
  const path = `${root}-event.json`;
  writeFileSync(path, JSON.stringify({ after: head(), head_commit: { id: head(), message } }));
  process.env.GITHUB_EVENT_PATH = path;
}

function commit(message: string): void {
  git(root, '-c', 'user.name=dev', '-c', 'user.email=dev@example.com', 'commit', '-qam', message);
}

const repo = () => gh.state.repo(FULL_NAME);
const releases = () => [...repo().releases.values()];
const assetNames = (releaseId: number) =>
  [...repo().assets.values()]
    .filter((asset) => asset.releaseId === releaseId)
    .map((asset) => asset.payload.name)
    .sort();

beforeEach(async () => {
  savedEnv = Object.fromEntries(RUNNER_ENV.map((name) => [name, process.env[name]]));
  for (const name of RUNNER_ENV) delete process.env[name];
  root = cloneTemplate({ epochs: 2 });
  gh = await startEmulator();
  gh.state.addRepo(FULL_NAME, { defaultBranch: 'main', headSha: head() });
  lines = [];
});

afterEach(async () => {
  for (const name of RUNNER_ENV) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}-event.json`, { force: true });
});

describe('releaseModels', () => {
  it('retrains a pushed model that has no reviewed candidate and publishes its first release with the ONNX model, the checksums and the model card', async () => {
    pushEvent('Use the template');
    const outcome = await releaseModels(connection(), inputs, log);

    expect(outcome.failed).toEqual([]);
    expect(outcome.releases).toEqual([
      { model: MODEL, status: 'promoted', version: '1.0.0', tag: TAG, bump: 'major' },
    ]);
    expect(outcome.deploy).toEqual([{ model: MODEL, version: '1.0.0' }]);
    expect(lines).toContain(`${MODEL}: no candidate to ship for these inputs: retraining`);

    const [release, ...others] = releases();
    expect(others).toEqual([]);
    expect(release?.tag_name).toBe(TAG);
    expect(release?.draft).toBe(false);
    const names = assetNames(release?.id ?? -1);
    expect(names).toEqual(expect.arrayContaining(['model.onnx', 'SHA256SUMS', 'model-card.md']));
    // The release's tag is recorded at the pushed commit (through an annotated tag object).
    expect(repo().refs.has(`refs/tags/${TAG}`)).toBe(true);

    // One sha256sum line per published asset but SHA256SUMS itself, naming `<tag>/<asset>`.
    const sums = outcome.checksums.trimEnd().split('\n');
    for (const line of sums) expect(line).toMatch(new RegExp(`^[0-9a-f]{64}  ${TAG}/[\\w.-]+$`));
    expect(sums.map((line) => line.slice(66 + TAG.length + 1)).sort()).toEqual(
      names.filter((name) => name !== 'SHA256SUMS' && name !== 'version.json'),
    );
    expect(outcome.checksums).toContain(`  ${TAG}/model.onnx\n`);
    expect(outcome.checksums).toContain(`  ${TAG}/model-card.md\n`);
  });

  it('publishes nothing new when run again on the same commit: the retrained candidate is bit-identical to the release', async () => {
    pushEvent('Use the template');
    const first = await releaseModels(connection(), inputs, log);
    expect(first.releases[0]?.status).toBe('promoted');
    const before = releases().map((r) => ({ id: r.id, tag: r.tag_name, assets: assetNames(r.id) }));

    lines = [];
    const again = await releaseModels(connection(), inputs, log);
    expect(again.failed).toEqual([]);
    expect(again.releases).toEqual([
      { model: MODEL, status: 'unchanged', version: '1.0.0', tag: TAG, bump: null },
    ]);
    expect(again.checksums).toBe('');
    // Never deployed yet (no production event): the re-run still asks for its deployment.
    expect(again.deploy).toEqual([{ model: MODEL, version: '1.0.0' }]);
    expect(lines.some((line) => line.includes(`bit-identical to ${TAG}`))).toBe(true);
    expect(
      releases().map((r) => ({ id: r.id, tag: r.tag_name, assets: assetNames(r.id) })),
    ).toEqual(before);
  });

  it('reports a model whose quality gates fail as failed and leaves no release, draft or tag behind', async () => {
    editFile(join(root, 'models', MODEL, 'model.yaml'), (text) =>
      text.replace(
        '{ type: min, metric: r2, value: 0.7 }',
        '{ type: min, metric: r2, value: 0.999 }',
      ),
    );
    commit('Demand the impossible');
    repo().refs.set('refs/heads/main', head());
    pushEvent('Demand the impossible');

    const outcome = await releaseModels(connection(), inputs, log);

    expect(outcome.releases).toEqual([
      { model: MODEL, status: 'gates-failed', version: null, tag: null, bump: null },
    ]);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed[0]?.model).toBe(MODEL);
    expect(outcome.failed[0]?.reason).toMatch(/quality gate\(s\) failed/);
    expect(outcome.failed[0]?.reason).toContain('below the minimum 0.999');
    expect(lines).toContain(`error: ${outcome.failed[0]?.reason}`);
    expect(outcome.deploy).toEqual([]);
    expect(outcome.checksums).toBe('');
    expect(releases()).toEqual([]);
    expect(repo().assets.size).toBe(0);
    expect([...repo().refs.keys()].filter((ref) => ref.startsWith('refs/tags/'))).toEqual([]);
  });

  it('reports a model whose release upload fails as failed, deletes the draft it created, and a re-run publishes the release', async () => {
    pushEvent('Use the template');
    gh.faults.inject({ method: 'POST', path: /\/releases\/\d+\/assets$/, status: 422 });

    const outcome = await releaseModels(connection(), inputs, log);

    expect(outcome.releases).toEqual([]);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed[0]?.model).toBe(MODEL);
    expect(outcome.failed[0]?.reason).toContain('the draft release was deleted');
    expect(outcome.deploy).toEqual([]);
    expect(outcome.checksums).toBe('');
    expect(releases()).toEqual([]);
    expect(repo().assets.size).toBe(0);

    const rerun = await releaseModels(connection(), inputs, log);
    expect(rerun.failed).toEqual([]);
    expect(rerun.releases.map((r) => [r.status, r.tag])).toEqual([['promoted', TAG]]);
    const [release, ...others] = releases();
    expect(others).toEqual([]);
    expect(release?.draft).toBe(false);
    expect(assetNames(release?.id ?? -1)).toEqual(
      expect.arrayContaining(['model.onnx', 'SHA256SUMS', 'model-card.md']),
    );
  });
});
