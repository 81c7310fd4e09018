import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecksumMismatchError, NoProductionError } from '../../src/errors';
import type { ModelRegistry } from '../../src/model-registry';
import type { PublishInput } from '../../src/model-version';
import { productionState } from '../../src/promotion-log';

/** A registry under test, empty, with a way to corrupt what it stores. */
export interface ContractSubject {
  readonly registry: ModelRegistry;
  /** Replaces the stored bytes of `asset` of `model@version` (as a disk fault or an attacker would). */
  readonly tamper: (model: string, version: string, asset: string) => Promise<void>;
  readonly cleanup: () => Promise<void>;
}

const MODEL = 'churn';

/**
 * The contract of `ModelRegistry` on what "production" means (see its doc comment), as one
 * suite every implementation runs: `describeRegistryContract('FileRegistry', makeSubject)`.
 */
export function describeRegistryContract(
  name: string,
  makeSubject: () => Promise<ContractSubject>,
): void {
  describe(`${name} keeps the ModelRegistry contract on production`, () => {
    let subject: ContractSubject;
    let registry: ModelRegistry;
    let sources: string;

    beforeEach(async () => {
      subject = await makeSubject();
      registry = subject.registry;
      sources = await mkdtemp(join(tmpdir(), 'registry-contract-'));
    });
    afterEach(async () => {
      await subject.cleanup();
      await rm(sources, { recursive: true, force: true });
    });

    /** Publishes `MODEL@version` with weights unique to the version. */
    async function publish(version: string): Promise<void> {
      await writeFile(join(sources, `${version}.json`), `{"version":"${version}"}`);
      await writeFile(join(sources, `${version}.bin`), `weights of ${version}`);
      const input: PublishInput = {
        model: MODEL,
        version,
        files: [
          { name: 'model.json', path: join(sources, `${version}.json`) },
          { name: 'weights.bin', path: join(sources, `${version}.bin`) },
        ],
        lineage: {
          dataMd5: 'd41d8cd98f00b204e9800998ecf8427e',
          gitCommit: 'a'.repeat(40),
          configHash: 'c0ffee',
          packages: {},
          backend: 'cpu',
          seed: 42,
          trainingMs: 1,
        },
        metrics: { rmse: 0.5 },
      };
      await registry.publish(input);
    }

    async function production(): Promise<string | undefined> {
      return (await registry.resolve(MODEL, 'production'))?.version;
    }

    async function promoteAll(...versions: string[]): Promise<void> {
      for (const version of versions) await publish(version);
      for (const version of versions) await registry.promote(MODEL, version);
    }

    it('has no production when it has no versions, inside the write lock or not', async () => {
      expect(await registry.list(MODEL)).toEqual([]);
      expect(await production()).toBeUndefined();
      expect(await registry.withWriteLock(MODEL, production)).toBeUndefined();
      await expect(registry.rollback(MODEL)).rejects.toBeInstanceOf(NoProductionError);
    });

    it('has no production after a publish until a version is promoted', async () => {
      await publish('1.0.0');
      await publish('1.1.0');
      expect((await registry.resolve(MODEL, 'latest'))?.version).toBe('1.1.0');
      expect(await production()).toBeUndefined();
      await registry.promote(MODEL, '1.0.0', 'first');
      expect(await production()).toBe('1.0.0');
      await registry.promote(MODEL, '1.0.0', 'again');
      expect((await registry.history(MODEL)).map((e) => [e.action, e.version])).toEqual([
        ['promote', '1.0.0'],
      ]);
    });

    it('rolls back to the previous production version', async () => {
      await promoteAll('1.0.0', '1.1.0', '1.2.0');
      expect((await registry.rollback(MODEL, 'bad')).version).toBe('1.1.0');
      expect(await production()).toBe('1.1.0');
      expect((await registry.rollback(MODEL)).version).toBe('1.0.0');
      await expect(registry.rollback(MODEL)).rejects.toBeInstanceOf(NoProductionError);
      expect(await production()).toBe('1.0.0');
    });

    it('rolls back to an earlier production named with to, and refuses one that never was', async () => {
      await promoteAll('1.0.0', '1.1.0', '1.2.0');
      await publish('1.3.0');
      await expect(registry.rollback(MODEL, undefined, { to: '1.3.0' })).rejects.toBeInstanceOf(
        NoProductionError,
      );
      await expect(registry.rollback(MODEL, undefined, { to: '1.2.0' })).rejects.toThrow(
        /production already/,
      );
      expect((await registry.rollback(MODEL, 'skip two', { to: 'v1.0.0' })).version).toBe('1.0.0');
      expect(await production()).toBe('1.0.0');
      await expect(registry.rollback(MODEL)).rejects.toBeInstanceOf(NoProductionError);
    });

    it('keeps rolled-back versions out of production until one is promoted again', async () => {
      await promoteAll('1.0.0', '1.1.0', '1.2.0');
      await registry.rollback(MODEL, undefined, { to: '1.0.0' });
      const rolledBack = productionState(await registry.history(MODEL)).rolledBack;
      expect([...rolledBack.keys()].sort()).toEqual(['1.1.0', '1.2.0']);
      await registry.promote(MODEL, '1.2.0', 'explicitly');
      expect(await production()).toBe('1.2.0');
      expect([...productionState(await registry.history(MODEL)).rolledBack.keys()]).toEqual([
        '1.1.0',
      ]);
    });

    it('refuses to roll back to a version with a tampered asset, naming it, and keeps production', async () => {
      await promoteAll('1.0.0', '1.1.0');
      await subject.tamper(MODEL, '1.0.0', 'weights.bin');
      const error = await registry.rollback(MODEL).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChecksumMismatchError);
      expect((error as ChecksumMismatchError).asset).toBe('weights.bin');
      expect((error as Error).message).toContain('weights.bin');
      expect(await production()).toBe('1.1.0');
      expect(await registry.history(MODEL)).toHaveLength(2);
    });

    it('refuses to promote a version with a tampered asset', async () => {
      await publish('1.0.0');
      await subject.tamper(MODEL, '1.0.0', 'model.json');
      await expect(registry.promote(MODEL, '1.0.0')).rejects.toBeInstanceOf(ChecksumMismatchError);
      expect(await production()).toBeUndefined();
    });

    it('runs a write section in withWriteLock that can publish and promote inside it', async () => {
      const result = await registry.withWriteLock(MODEL, async () => {
        await publish('1.0.0');
        await registry.promote(MODEL, '1.0.0');
        return 'done';
      });
      expect(result).toBe('done');
      expect(await production()).toBe('1.0.0');
    });
  });
}
