import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AssetReadError,
  ChecksumMismatchError,
  InvalidAssetNameError,
  InvalidVersionError,
  NoProductionError,
  UnknownVersionError,
  VersionExistsError,
} from '../src/errors';
import { FileRegistry } from '../src/file-registry';
import type { Lineage, PublishInput } from '../src/model-version';
import { sha256File } from '../src/sha256-file';
import { parseSha256Sums } from '../src/sha256-sums';

const lineage: Lineage = {
  dataMd5: 'd41d8cd98f00b204e9800998ecf8427e',
  gitCommit: '0123456789abcdef0123456789abcdef01234567',
  configHash: 'cfg-1',
  packages: { '@tensorflow/tfjs': '4.22.0' },
  backend: 'cpu',
  seed: 42,
  trainingMs: 1234,
  datasetName: 'housing',
};

let work: string;
let root: string;
let tick: number;
let registry: FileRegistry;

/** Writes model files with the given contents and returns the publish input for them. */
async function input(version: string, weights = `weights of ${version}`): Promise<PublishInput> {
  const dir = join(work, `src-${version}-${weights.length}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.json'), `{"version":"${version}"}`);
  await writeFile(join(dir, 'weights.bin'), weights);
  return {
    model: 'house-prices',
    version,
    files: [
      { name: 'weights.bin', path: join(dir, 'weights.bin') },
      { name: 'model.json', path: join(dir, 'model.json') },
    ],
    lineage,
    metrics: { rmse: 0.5, r2: 0.8 },
  };
}

/** Every path under `dir`, relative, sorted: a fingerprint of a directory tree. */
async function tree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'file-registry-'));
  root = join(work, '.mlops', 'registry');
  tick = 0;
  registry = new FileRegistry(root, {
    now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, tick++)),
  });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('FileRegistry.publish', () => {
  it('stores the assets with their sizes and sha256, a SHA256SUMS and a version.json', async () => {
    const published = await registry.publish(await input('1.0.0'));
    expect(published.tag).toBe('house-prices@v1.0.0');
    expect(published.createdAt).toBe('2025-01-01T00:00:00.000Z');
    expect(published.assets.map((a) => a.name)).toEqual(['model.json', 'weights.bin']);
    const dir = join(root, 'house-prices', '1.0.0');
    const weights = published.assets.find((a) => a.name === 'weights.bin');
    expect(weights?.size).toBe('weights of 1.0.0'.length);
    expect(weights?.sha256).toBe(await sha256File(join(dir, 'weights.bin')));
    expect(await tree(dir)).toEqual(['SHA256SUMS', 'model.json', 'version.json', 'weights.bin']);
    const sums = parseSha256Sums(await readFile(join(dir, 'SHA256SUMS'), 'utf8'));
    expect(sums).toEqual(published.assets.map(({ name, sha256 }) => ({ name, sha256 })));
    expect(JSON.parse(await readFile(join(dir, 'version.json'), 'utf8'))).toEqual(published);
  });

  it('writes a SHA256SUMS that the sha256sum tool verifies', async (context) => {
    try {
      execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    } catch {
      context.skip();
    }
    await registry.publish(await input('1.0.0'));
    const output = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {
      cwd: join(root, 'house-prices', '1.0.0'),
      encoding: 'utf8',
    });
    expect(output).toContain('model.json: OK');
    expect(output).toContain('weights.bin: OK');
  });

  it('keeps the lineage including extra fields, the metrics and the notes', async () => {
    await registry.publish({ ...(await input('1.0.0')), notes: 'first model' });
    const stored = await registry.get('house-prices', '1.0.0');
    expect(stored?.lineage).toEqual(lineage);
    expect(stored?.lineage.datasetName).toBe('housing');
    expect(stored?.metrics).toEqual({ rmse: 0.5, r2: 0.8 });
    expect(stored?.notes).toBe('first model');
  });

  it('returns the stored version when the same files are published again', async () => {
    const first = await registry.publish(await input('1.0.0'));
    const again = await registry.publish(await input('1.0.0'));
    expect(again).toEqual(first);
    expect(await registry.list('house-prices')).toHaveLength(1);
  });

  it('refuses to overwrite a version with different files', async () => {
    await registry.publish(await input('1.0.0'));
    const before = await tree(root);
    await expect(registry.publish(await input('1.0.0', 'other weights'))).rejects.toThrow(
      VersionExistsError,
    );
    expect(await tree(root)).toEqual(before);
  });

  it('rejects a version that is not semver', async () => {
    await expect(registry.publish(await input('1.0'))).rejects.toThrow(InvalidVersionError);
    expect(await tree(root)).toEqual([]);
  });

  it('rejects asset names that are paths, reserved or duplicated', async () => {
    const base = await input('1.0.0');
    const path = base.files[0]?.path ?? '';
    for (const name of ['../evil', 'a/b', 'SHA256SUMS', 'version.json', '.hidden']) {
      await expect(registry.publish({ ...base, files: [{ name, path }] }), name).rejects.toThrow(
        InvalidAssetNameError,
      );
    }
    await expect(
      registry.publish({
        ...base,
        files: [
          { name: 'x', path },
          { name: 'x', path },
        ],
      }),
    ).rejects.toThrow(InvalidAssetNameError);
  });

  it('leaves the registry unchanged when a file in the middle of the list is missing', async () => {
    await registry.publish(await input('1.0.0'));
    const before = await tree(root);
    const broken = await input('1.1.0');
    const [first, second] = broken.files;
    if (first === undefined || second === undefined) throw new Error('fixture has two files');
    const failing = registry.publish({
      ...broken,
      files: [first, { name: 'missing.bin', path: join(work, 'does-not-exist.bin') }, second],
    });
    await expect(failing).rejects.toThrow(AssetReadError);
    await expect(failing).rejects.toThrow(/missing\.bin/);
    expect(await tree(root)).toEqual(before);
    expect((await registry.list('house-prices')).map((v) => v.version)).toEqual(['1.0.0']);
  });

  it('leaves no model directory behind when the first publish of a model fails', async () => {
    const broken = await input('1.0.0');
    await expect(
      registry.publish({
        ...broken,
        files: [{ name: 'missing.bin', path: join(work, 'nope') }],
      }),
    ).rejects.toThrow(AssetReadError);
    expect(existsSync(root)).toBe(false);
  });
});

describe('FileRegistry.list, get and resolve', () => {
  it('lists versions newest semver first, 1.10.0 before 1.9.0', async () => {
    for (const version of ['1.9.0', '1.10.0', '1.2.0', '0.9.1']) {
      await registry.publish(await input(version));
    }
    const versions = (await registry.list('house-prices')).map((v) => v.version);
    expect(versions).toEqual(['1.10.0', '1.9.0', '1.2.0', '0.9.1']);
  });

  it('returns nothing for an unknown model or version', async () => {
    expect(await registry.list('unknown')).toEqual([]);
    expect(await registry.get('unknown', '1.0.0')).toBeUndefined();
    expect(await registry.resolve('unknown', 'latest')).toBeUndefined();
    expect(await registry.resolve('unknown', 'production')).toBeUndefined();
  });

  it('resolves latest to the highest semver and production to the promoted version', async () => {
    await registry.publish(await input('1.9.0'));
    await registry.publish(await input('1.10.0'));
    expect((await registry.resolve('house-prices', 'latest'))?.version).toBe('1.10.0');
    expect(await registry.resolve('house-prices', 'production')).toBeUndefined();
    await registry.promote('house-prices', '1.9.0');
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.9.0');
  });

  it('resolves an explicit version with or without a leading v', async () => {
    await registry.publish(await input('1.2.3'));
    expect((await registry.resolve('house-prices', '1.2.3'))?.tag).toBe('house-prices@v1.2.3');
    expect((await registry.resolve('house-prices', 'v1.2.3'))?.version).toBe('1.2.3');
    expect(await registry.resolve('house-prices', '1.2.4')).toBeUndefined();
    await expect(registry.resolve('house-prices', 'staging')).rejects.toThrow(InvalidVersionError);
  });

  it('ignores leftover temporary directories when listing', async () => {
    await registry.publish(await input('1.0.0'));
    await mkdir(join(root, 'house-prices', '.publish-abc'), { recursive: true });
    expect((await registry.list('house-prices')).map((v) => v.version)).toEqual(['1.0.0']);
  });
});

describe('FileRegistry.download', () => {
  it('copies every asset into the destination and reports their verified checksums', async () => {
    const published = await registry.publish(await input('1.0.0'));
    const dest = join(work, 'out');
    const downloaded = await registry.download('house-prices', '1.0.0', dest);
    expect(downloaded.version).toEqual(published);
    expect(await tree(dest)).toEqual(['model.json', 'weights.bin']);
    for (const asset of downloaded.assets) {
      expect(await sha256File(asset.path)).toBe(asset.sha256);
    }
    expect(await readFile(join(dest, 'weights.bin'), 'utf8')).toBe('weights of 1.0.0');
  });

  it('refuses a tampered asset, names it, and removes what it wrote', async () => {
    await registry.publish(await input('1.0.0'));
    await writeFile(join(root, 'house-prices', '1.0.0', 'weights.bin'), 'tampered');
    const dest = join(work, 'out', 'model');
    const attempt = registry.download('house-prices', '1.0.0', dest);
    await expect(attempt).rejects.toThrow(ChecksumMismatchError);
    await expect(attempt).rejects.toMatchObject({ asset: 'weights.bin' });
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('keeps files already in the destination when a download is refused', async () => {
    await registry.publish(await input('1.0.0'));
    await writeFile(join(root, 'house-prices', '1.0.0', 'model.json'), '{}');
    const dest = join(work, 'existing');
    await mkdir(dest);
    await writeFile(join(dest, 'keep.txt'), 'mine');
    await expect(registry.download('house-prices', '1.0.0', dest)).rejects.toThrow(
      /asset "model.json"/,
    );
    expect(await tree(dest)).toEqual(['keep.txt']);
  });

  it('refuses a version whose SHA256SUMS disagrees with its manifest', async () => {
    await registry.publish(await input('1.0.0'));
    const sumsPath = join(root, 'house-prices', '1.0.0', 'SHA256SUMS');
    const sums = await readFile(sumsPath, 'utf8');
    await writeFile(sumsPath, sums.replace(/^[0-9a-f]{64}(?= {2}model\.json)/m, 'f'.repeat(64)));
    await expect(registry.download('house-prices', '1.0.0', join(work, 'o'))).rejects.toMatchObject(
      { name: 'ChecksumMismatchError', asset: 'model.json' },
    );
  });

  it('throws UnknownVersionError for a version that was never published', async () => {
    await expect(registry.download('house-prices', '9.9.9', join(work, 'o'))).rejects.toThrow(
      UnknownVersionError,
    );
  });
});

describe('FileRegistry promotion', () => {
  beforeEach(async () => {
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) {
      await registry.publish(await input(version));
    }
  });

  it('records each promotion in the history with the previous production version', async () => {
    await registry.promote('house-prices', '1.0.0', 'first');
    await registry.promote('house-prices', '1.1.0', 'better rmse');
    const history = await registry.history('house-prices');
    expect(history.map((e) => [e.action, e.version, e.previousVersion, e.reason])).toEqual([
      ['promote', '1.0.0', null, 'first'],
      ['promote', '1.1.0', '1.0.0', 'better rmse'],
    ]);
    const pointer = JSON.parse(
      await readFile(join(root, 'house-prices', 'production.json'), 'utf8'),
    );
    expect(pointer).toMatchObject({
      model: 'house-prices',
      version: '1.1.0',
      reason: 'better rmse',
    });
  });

  it('does not record promoting the version that is already production', async () => {
    await registry.promote('house-prices', '1.0.0');
    await registry.promote('house-prices', '1.0.0');
    expect(await registry.history('house-prices')).toHaveLength(1);
  });

  it('refuses to promote a version that does not exist', async () => {
    await expect(registry.promote('house-prices', '3.0.0')).rejects.toThrow(UnknownVersionError);
    expect(await registry.history('house-prices')).toEqual([]);
  });

  it('rolls back to the previous production, step by step', async () => {
    await registry.promote('house-prices', '1.0.0');
    await registry.promote('house-prices', '1.1.0');
    await registry.promote('house-prices', '1.2.0');
    expect((await registry.rollback('house-prices')).version).toBe('1.1.0');
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.1.0');
    expect((await registry.rollback('house-prices')).version).toBe('1.0.0');
    expect((await registry.resolve('house-prices', 'production'))?.version).toBe('1.0.0');
    await expect(registry.rollback('house-prices')).rejects.toThrow(NoProductionError);
    const history = await registry.history('house-prices');
    expect(history.slice(3).map((e) => [e.action, e.version, e.previousVersion])).toEqual([
      ['rollback', '1.1.0', '1.2.0'],
      ['rollback', '1.0.0', '1.1.0'],
    ]);
  });

  it('rolls back past a promotion made after an earlier rollback', async () => {
    await registry.promote('house-prices', '1.0.0');
    await registry.promote('house-prices', '1.1.0');
    await registry.rollback('house-prices');
    await registry.promote('house-prices', '1.2.0');
    expect((await registry.rollback('house-prices')).version).toBe('1.0.0');
  });

  it('throws NoProductionError when nothing was ever promoted', async () => {
    await expect(registry.rollback('house-prices')).rejects.toThrow(NoProductionError);
    await expect(registry.rollback('house-prices')).rejects.toThrow(/no version has been promoted/);
  });

  it('stamps events with the injected clock', async () => {
    await registry.promote('house-prices', '1.0.0');
    const [event] = await registry.history('house-prices');
    expect(event?.at).toMatch(/^2025-01-01T00:00:\d\d\.000Z$/);
  });
});
