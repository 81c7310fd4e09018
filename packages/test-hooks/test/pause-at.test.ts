import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseAt } from '../src/index';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('pauseAt', () => {
  it('does nothing unless MLOPS_TEST_PAUSE_AT names the step', async () => {
    vi.stubEnv('MLOPS_TEST_PAUSE_AT', 'registry:promote');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await pauseAt('registry:publish-staged');
    expect(write).not.toHaveBeenCalled();
  });

  it('announces the step, writes the marker file and waits MLOPS_TEST_PAUSE_MS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registry-pause-'));
    vi.stubEnv('MLOPS_TEST_PAUSE_AT', 'pull:download, registry:promote');
    vi.stubEnv('MLOPS_TEST_PAUSE_MARKER', join(dir, 'marker'));
    vi.stubEnv('MLOPS_TEST_PAUSE_MS', '50');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const started = Date.now();
    await pauseAt('registry:promote');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(write).toHaveBeenCalledWith(`mlops: paused at registry:promote (pid ${process.pid})\n`);
    expect(await readFile(join(dir, 'marker'), 'utf8')).toBe(`${process.pid} registry:promote\n`);
    await rm(dir, { recursive: true, force: true });
  });
});
