import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryCorruptError } from '../src/errors';
import { FileRegistry } from '../src/file-registry';
import type { PublishInput } from '../src/model-version';
import { thisHost } from '../src/process-alive';

let work: string;
let root: string;
let registry: FileRegistry;
const MODEL = 'house-prices';

async function input(version: string): Promise<PublishInput> {
  const path = join(work, `${version}.bin`);
  await writeFile(path, `weights of ${version}`);
  return {
    model: MODEL,
    version,
    files: [{ name: 'weights.bin', path }],
    lineage: {
      dataMd5: 'x',
      gitCommit: 'y',
      configHash: 'z',
      packages: {},
      backend: 'cpu',
      seed: 1,
      trainingMs: 1,
    },
    metrics: {},
  };
}

const modelFile = (...parts: string[]) => join(root, MODEL, ...parts);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'registry-integrity-'));
  root = join(work, 'registry');
  registry = new FileRegistry(root);
  for (const version of ['1.0.0', '1.1.0']) await registry.publish(await input(version));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an inconsistent FileRegistry is reported, naming the file, never read as "no production"', () => {
  it('reports a version folder without version.json in list and get', async () => {
    await unlink(modelFile('1.0.0', 'version.json'));
    const error = await registry.list(MODEL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryCorruptError);
    expect((error as Error).message).toContain(modelFile('1.0.0', 'version.json'));
    await expect(registry.get(MODEL, '1.0.0')).rejects.toBeInstanceOf(RegistryCorruptError);
  });

  it('reports a version.json that describes another version', async () => {
    const path = modelFile('1.1.0', 'version.json');
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll('1.1.0', '1.0.0'));
    await expect(registry.get(MODEL, '1.1.0')).rejects.toThrow(
      `${path} describes house-prices@v1.0.0, not house-prices@v1.1.0`,
    );
  });

  it('reports production.json naming a version that is not in the registry', async () => {
    await registry.promote(MODEL, '1.0.0');
    await writeFile(
      modelFile('production.json'),
      JSON.stringify({ model: MODEL, version: '9.9.9' }),
    );
    const error = await registry.resolve(MODEL, 'production').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryCorruptError);
    expect((error as Error).message).toContain(modelFile('production.json'));
    expect((error as Error).message).toContain('house-prices@v9.9.9');
  });

  it('reports production.json that disagrees with promotions.jsonl', async () => {
    await registry.promote(MODEL, '1.0.0');
    await writeFile(
      modelFile('production.json'),
      JSON.stringify({ model: MODEL, version: '1.1.0' }),
    );
    await expect(registry.resolve(MODEL, 'production')).rejects.toThrow(
      /production\.json names house-prices@v1\.1\.0 as production, but .*promotions\.jsonl records house-prices@v1\.0\.0/,
    );
    await expect(registry.promote(MODEL, '1.1.0')).rejects.toBeInstanceOf(RegistryCorruptError);
  });

  it('reports a promotion log whose production.json is missing', async () => {
    await registry.promote(MODEL, '1.0.0');
    await registry.promote(MODEL, '1.1.0');
    await unlink(modelFile('production.json'));
    await expect(registry.resolve(MODEL, 'production')).rejects.toThrow(
      `${modelFile('production.json')} is missing`,
    );
  });

  it('takes the log as the record when production.json is one event behind it, and moves the pointer on the next write', async () => {
    await registry.promote(MODEL, '1.0.0');
    const pointer = await readFile(modelFile('production.json'), 'utf8');
    await registry.promote(MODEL, '1.1.0');
    await writeFile(modelFile('production.json'), pointer);
    expect((await registry.resolve(MODEL, 'production'))?.version).toBe('1.1.0');
    await registry.withWriteLock(MODEL, async () => {});
    expect(JSON.parse(await readFile(modelFile('production.json'), 'utf8')).version).toBe('1.1.0');
    expect(await registry.history(MODEL)).toHaveLength(2);
  });

  it('refuses to roll back to a version whose stored file is missing, naming it', async () => {
    await registry.promote(MODEL, '1.0.0');
    await registry.promote(MODEL, '1.1.0');
    await unlink(modelFile('1.0.0', 'weights.bin'));
    await expect(registry.rollback(MODEL)).rejects.toThrow(
      `house-prices@v1.0.0: ${modelFile('1.0.0', 'weights.bin')} is missing`,
    );
    expect((await registry.resolve(MODEL, 'production'))?.version).toBe('1.1.0');
  });

  it('writes the version a rollback took out of production into production.json', async () => {
    await registry.promote(MODEL, '1.0.0');
    await registry.promote(MODEL, '1.1.0');
    await registry.rollback(MODEL, 'worse');
    expect(JSON.parse(await readFile(modelFile('production.json'), 'utf8'))).toMatchObject({
      version: '1.0.0',
      rolledBackFrom: '1.1.0',
      reason: 'worse',
    });
  });
});

describe('FileRegistry cleans up after interrupted publishes', () => {
  function deadPid(): number {
    return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
  }

  async function staging(name: string, ageMs = 0): Promise<string> {
    const dir = modelFile(name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'weights.bin'), 'half');
    const when = new Date(Date.now() - ageMs);
    await utimes(dir, when, when);
    return dir;
  }

  it('removes the staging folder of a dead process on the next publish', async () => {
    const dir = await staging(`.publish-${thisHost()}-${deadPid()}-abc123`);
    await registry.publish(await input('1.2.0'));
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the staging folder of a live writer', async () => {
    const dir = await staging(`.publish-${thisHost()}-${process.pid}-abc123`);
    await registry.publish(await input('1.2.0'));
    expect(existsSync(dir)).toBe(true);
  });

  it('removes a staging folder older than the stale bound whoever wrote it', async () => {
    const fresh = await staging('.publish-xYz123');
    const old = await staging('.publish-other.host-1-abc123', 2 * 3_600_000);
    await new FileRegistry(root, { lock: { staleMs: 3_600_000 } }).publish(await input('1.2.0'));
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
