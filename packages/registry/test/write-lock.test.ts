import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryLockedError } from '../src/errors';
import { FileRegistry } from '../src/file-registry';
import { thisHost } from '../src/process-alive';
import { nextVersion } from '../src/semver';
import { withWriteLock } from '../src/write-lock';

let work: string;
let lock: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'registry-lock-'));
  lock = join(work, 'registry', '.lock');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

async function leaveLock(owner: { pid: number; hostname?: string; acquiredAt?: string }) {
  await mkdir(join(work, 'registry'), { recursive: true });
  await writeFile(
    lock,
    JSON.stringify({
      hostname: thisHost(),
      acquiredAt: new Date().toISOString(),
      ...owner,
    }),
  );
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('withWriteLock', () => {
  it('runs two sections on the same lock one after the other', async () => {
    const steps: string[] = [];
    const section = (name: string) =>
      withWriteLock(lock, {}, async () => {
        steps.push(`${name} in`);
        await tick();
        steps.push(`${name} out`);
      });
    await Promise.all([section('a'), section('b')]);
    expect(steps).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('records pid, hostname and time in the lock file and removes it afterwards, also on failure', async () => {
    const seen = await withWriteLock(lock, {}, async () =>
      JSON.parse(await readFile(lock, 'utf8')),
    );
    expect(seen).toMatchObject({ pid: process.pid, hostname: thisHost() });
    expect(Date.parse(seen.acquiredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(existsSync(lock)).toBe(false);
    await expect(
      withWriteLock(lock, {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(join(work, 'registry'))).toBe(false);
  });

  it('lets a section take the lock again inside itself without waiting', async () => {
    const inner = await withWriteLock(lock, { timeoutMs: 200 }, () =>
      withWriteLock(lock, { timeoutMs: 200 }, async () => 'nested'),
    );
    expect(inner).toBe('nested');
  });

  it('takes over a lock whose process is dead', async () => {
    await leaveLock({ pid: deadPid() });
    const result = await withWriteLock(lock, { timeoutMs: 1_000 }, async () => 'taken');
    expect(result).toBe('taken');
  });

  it('takes over a lock older than the stale bound even when its process lives', async () => {
    await leaveLock({
      pid: process.pid,
      acquiredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const result = await withWriteLock(
      lock,
      { staleMs: 60_000, timeoutMs: 1_000 },
      async () => 'taken',
    );
    expect(result).toBe('taken');
  });

  it('waits for a live writer and gives up with RegistryLockedError naming the lock file and holder', async () => {
    await leaveLock({ pid: process.pid });
    const error = await withWriteLock(lock, { timeoutMs: 150 }, async () => 'never').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistryLockedError);
    expect((error as Error).message).toContain(lock);
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid);
  });

  it('keeps a live lock of another host until it is stale', async () => {
    await leaveLock({ pid: deadPid(), hostname: 'elsewhere.example' });
    await expect(withWriteLock(lock, { timeoutMs: 150 }, async () => 1)).rejects.toBeInstanceOf(
      RegistryLockedError,
    );
  });
});

describe('FileRegistry.withWriteLock', () => {
  it('gives two concurrent writers of different candidates different versions', async () => {
    const root = join(work, 'registry');
    const writer = async (name: string) => {
      const registry = new FileRegistry(root);
      const source = join(work, `${name}.bin`);
      await writeFile(source, `weights of ${name}`);
      return registry.withWriteLock('churn', async () => {
        const [latest] = await registry.list('churn');
        await tick();
        const version = nextVersion(latest?.version, latest === undefined ? 'major' : 'minor');
        await registry.publish({
          model: 'churn',
          version,
          files: [{ name: 'weights.bin', path: source }],
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
        });
        await registry.promote('churn', version);
        return version;
      });
    };
    const versions = await Promise.all([writer('a'), writer('b')]);
    expect(versions.sort()).toEqual(['1.0.0', '1.1.0']);
    const registry = new FileRegistry(root);
    expect((await registry.history('churn')).map((e) => e.version)).toEqual(['1.0.0', '1.1.0']);
    expect((await registry.resolve('churn', 'production'))?.version).toBe('1.1.0');
  });
});
