import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeCache } from '@repo/action-common/cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../test/helpers/template-repo';
import { trainCandidate } from '../src/train-candidate';

const MODEL = 'house-prices';
const HEAD = 'b'.repeat(40);

let root: string;
let lines: string[] = [];
const log = {
  info: (line: string) => lines.push(line),
  group: <T>(_name: string, work: () => Promise<T>) => work(),
};

/** An in-memory cache: a key restores once it was saved (the files stay where they are). */
function memoryCache(): SafeCache & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    restore: async (_paths, key) => (saved.includes(key) ? key : undefined),
    save: async (_paths, key) => {
      saved.push(key);
      return true;
    },
  };
}

const cache = memoryCache();

beforeAll(() => {
  root = cloneTemplate({ epochs: 1 });
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('trainCandidate', () => {
  it('trains the candidate on a cache miss, records the pull request head and saves the caches', async () => {
    const outcome = await trainCandidate(root, { model: MODEL, backend: 'wasm' }, log, {
      cache,
      event: { pull_request: { head: { sha: HEAD } } },
    });
    expect(outcome.cacheHit).toBe(false);
    expect(outcome.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.artifactPath).toBe(join(root, 'models', MODEL, 'artifacts', 'candidate'));
    const training = JSON.parse(readFileSync(join(outcome.artifactPath, 'training.json'), 'utf8'));
    expect(training.lineage.gitCommit).toBe(HEAD);
    expect(cache.saved).toContain(`mlops-candidate-${MODEL}-${outcome.inputHash}`);
    expect(lines.some((line) => line.startsWith(`${MODEL}: trained on `))).toBe(true);
  }, 120_000);

  it('does not retrain when the cache holds the candidate of the same inputs', async () => {
    lines = [];
    const outcome = await trainCandidate(root, { model: MODEL, backend: 'wasm' }, log, {
      cache,
      event: {},
    });
    expect(outcome.cacheHit).toBe(true);
    expect(existsSync(join(outcome.artifactPath, 'training.json'))).toBe(true);
    expect(lines.some((line) => line.includes('candidate restored from the cache'))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${MODEL}: trained on `))).toBe(false);
  }, 120_000);
});
