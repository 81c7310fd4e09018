import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { workerBundle } from '../scripts/build-worker.mjs';
import { CSV_WORKER_SOURCE } from '../src/csv-worker-source';

describe('the inline CSV worker source', () => {
  it('is the bundle of the current sources (run npm run build:worker -w @repo/tabular)', async () => {
    expect(CSV_WORKER_SOURCE).toBe(await workerBundle());
  });
});
