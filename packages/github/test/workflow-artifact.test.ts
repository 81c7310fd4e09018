import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactDownloadError, createGitHubClient, downloadArtifact } from '../src/index';

const where = { owner: 'acme', repo: 'models' };

describe('workflow run artifacts', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startEmulator();
    gh.state.addRepo('acme/models');
  });
  afterEach(async () => {
    expect(gh.state.unknownRoutes).toEqual([]);
    await gh.close();
  });
  const client = () =>
    createGitHubClient({ token: 't', baseUrl: gh.apiUrl, throttle: { enabled: false } });

  it('extracts an artifact into a folder', async () => {
    const artifact = gh.state.addArtifact('acme/models', {
      name: 'c',
      runId: 2,
      headSha: 'b'.repeat(40),
      zip: Buffer.from(
        zipSync({ 'a.txt': Buffer.from('new'), 'sub/b.bin': Uint8Array.of(1, 2, 3) }),
      ),
    });
    const dir = join(mkdtempSync(join(tmpdir(), 'artifact-')), 'candidate');
    expect(await downloadArtifact(client(), where, artifact.id, dir)).toEqual([
      'a.txt',
      'sub/b.bin',
    ]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new');
    expect([...readFileSync(join(dir, 'sub/b.bin'))]).toEqual([1, 2, 3]);
  });

  it('refuses an archive that is not a zip, or whose entries escape the folder, writing nothing', async () => {
    const broken = gh.state.addArtifact('acme/models', {
      name: 'x',
      runId: 1,
      zip: Buffer.from('not a zip'),
    });
    const dir = join(mkdtempSync(join(tmpdir(), 'artifact-')), 'candidate');
    await expect(downloadArtifact(client(), where, broken.id, dir)).rejects.toThrow(
      ArtifactDownloadError,
    );
    const escaping = gh.state.addArtifact('acme/models', {
      name: 'y',
      runId: 1,
      zip: Buffer.from(zipSync({ '../evil.txt': Buffer.from('x') })),
    });
    await expect(downloadArtifact(client(), where, escaping.id, dir)).rejects.toThrow(
      /outside the folder/,
    );
  });
});
