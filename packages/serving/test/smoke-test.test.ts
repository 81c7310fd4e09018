import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChecksumMismatchError } from '@repo/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmokeRecordError } from '../src/errors';
import { PROFILE_FILE, smokeRecord, smokeTest } from '../src/smoke-test';
import {
  cacheDir,
  copyRegistry,
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  removeTemporaryDirs,
} from './release-fixture';

let release: PublishedRelease;

beforeAll(async () => {
  release = await publishHousePrices();
});

afterAll(async () => {
  await removeTemporaryDirs();
});

const profile = {
  rows: 10,
  columns: {
    sqft: {
      kind: 'numeric' as const,
      count: 10,
      missing: 0,
      mean: 1500,
      std: 100,
      min: 800,
      max: 3000,
      deciles: [800, 900, 1000, 1100, 1200, 1400, 1600, 1800, 2000, 2500, 3000],
      histogram: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    },
    city: {
      kind: 'categorical' as const,
      count: 10,
      missing: 0,
      frequencies: { b: 4, a: 4, c: 2 },
    },
  },
};

describe('smokeRecord', () => {
  it('takes the median of numeric inputs and the most frequent level of categorical ones', () => {
    const record = smokeRecord(
      profile,
      [
        { name: 'sqft', type: 'numeric' },
        { name: 'city', type: 'categorical' },
      ],
      'profile.json',
    );
    expect(record).toEqual({ sqft: 1400, city: 'a' });
  });

  it('refuses a profile without an input column, or of another kind, naming the column', () => {
    expect(() => smokeRecord(profile, [{ name: 'rooms', type: 'numeric' }], 'p.json')).toThrow(
      new SmokeRecordError('p.json: no profile of input column "rooms"'),
    );
    expect(() => smokeRecord(profile, [{ name: 'city', type: 'numeric' }], 'p.json')).toThrow(
      /column "city" is profiled as categorical/,
    );
    expect(() => smokeRecord(profile, [{ name: 'sqft', type: 'date' }], 'p.json')).toThrow(
      /unknown type "date"/,
    );
  });
});

describe('smokeTest', () => {
  it('loads a release and predicts one finite value for the record built from its profile', async () => {
    const result = await smokeTest(release.registry, MODEL, release.version, {
      cacheDir: await cacheDir(),
      backend: 'wasm',
    });
    expect(result.tag).toBe(`${MODEL}@v${release.version}`);
    expect(Number.isFinite(result.prediction)).toBe(true);
    expect(Object.keys(result.record).sort()).toEqual(
      release.data.loaded.config.features.map((f) => f.name).sort(),
    );
  });

  it('throws the checksum mismatch of a release whose profile was tampered with', async () => {
    const registry = await copyRegistry(release);
    await writeFile(join(registry.rootDir, MODEL, release.version, PROFILE_FILE), '{}');
    await expect(
      smokeTest(registry, MODEL, release.version, { cacheDir: await cacheDir(), backend: 'wasm' }),
    ).rejects.toBeInstanceOf(ChecksumMismatchError);
  });
});
