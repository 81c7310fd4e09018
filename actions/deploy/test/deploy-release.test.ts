import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connectGitHub, type GitHubConnection } from '@repo/action-common/github';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import { ChecksumMismatchError } from '@repo/registry';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  removeTemporaryDirs,
} from '../../../packages/serving/test/release-fixture';
import { deployRelease } from '../src/deploy-release';
import type { Inputs } from '../src/inputs';

let trained: PublishedRelease;
let gh: Emulator;
let lines: string[];

const log = { info: (line: string) => lines.push(line) };

/** The deploy job's connection, as connectGitHub builds it, on the emulator. */
function connection(): GitHubConnection {
  return connectGitHub(
    't',
    { GITHUB_REPOSITORY: 'acme/models', GITHUB_API_URL: gh.apiUrl },
    { enabled: false },
  );
}

const inputs = (version: string): Inputs => ({
  token: 't',
  model: MODEL,
  version,
  environment: 'production',
  backend: 'wasm',
});

/** Publishes the trained fixture's files as release `MODEL@v<version>` on the emulator. */
async function publish(version: string): Promise<void> {
  const stored = await trained.registry.resolve(MODEL, trained.version);
  if (stored === undefined) throw new Error('the fixture has no version');
  const dir = join(trained.registry.rootDir, MODEL, trained.version);
  const names = new Set(stored.assets.map((a) => a.name));
  const files = (await readdir(dir))
    .filter((name) => names.has(name))
    .map((name) => ({ name, path: join(dir, name) }));
  await connection().registry.publish({
    model: MODEL,
    version,
    files,
    lineage: stored.lineage,
    metrics: stored.metrics,
  });
}

/** Replaces the bytes of every asset of `MODEL@v<version>` on the emulator. */
function tamper(version: string): void {
  const repo = gh.state.repo('acme/models');
  const release = [...repo.releases.values()].find((r) => r.tag_name === `${MODEL}@v${version}`);
  for (const [id, asset] of repo.assets) {
    if (asset.releaseId === release?.id && asset.payload.name === 'weights.bin') {
      repo.assets.set(id, { ...asset, bytes: Buffer.from('tampered') });
    }
  }
}

const statuses = (deploymentId: number) =>
  (gh.state.repo('acme/models').deploymentStatuses.get(deploymentId) ?? []).map(
    (s) => (s as { state: string }).state,
  );

const production = async () => (await connection().registry.resolve(MODEL, 'production'))?.version;

beforeAll(async () => {
  trained = await publishHousePrices();
});
afterAll(async () => {
  await removeTemporaryDirs();
});
beforeEach(async () => {
  gh = await startEmulator();
  gh.state.addRepo('acme/models', { defaultBranch: 'main' });
  lines = [];
});
afterEach(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
});

describe('deployRelease', () => {
  it('smoke-tests the release and finishes its deployment with success, making it production', async () => {
    await publish('1.0.0');
    const outcome = await deployRelease(connection(), inputs('1.0.0'), log);
    expect(outcome.tag).toBe(`${MODEL}@v1.0.0`);
    expect(Number.isFinite(outcome.prediction)).toBe(true);
    expect(statuses(outcome.deploymentId)).toEqual(['in_progress', 'success']);
    expect(await production()).toBe('1.0.0');
    expect(lines.at(-1)).toBe(`deployment ${outcome.deploymentId} of ${MODEL}@v1.0.0: success`);
  });

  it('finishes the deployment of a release whose files do not verify with failure, leaving production as it was', async () => {
    await publish('1.0.0');
    await deployRelease(connection(), inputs('1.0.0'), log);
    await publish('1.1.0');
    tamper('1.1.0');
    const ids: number[] = [];
    await expect(
      deployRelease(connection(), inputs('1.1.0'), log, {
        progress: { tag: () => {}, deploymentId: (id) => ids.push(id) },
      }),
    ).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(ids).toHaveLength(1);
    expect(statuses(ids[0] as number)).toEqual(['in_progress', 'failure']);
    expect(await production()).toBe('1.0.0');
  });
});
