import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UntrustedCandidateError } from '../src/errors';
import { copyUntrustedCandidate } from '../src/untrusted-files';

let base: string;
let from: string;
let to: string;

const model = (paths: unknown = ['weights.bin'], shape = [2, 3]) => ({
  modelTopology: { class_name: 'Sequential' },
  weightsManifest: [{ paths, weights: [{ name: 'w', shape, dtype: 'float32' }] }],
});

async function artifact(files: Record<string, string | Buffer>): Promise<void> {
  await mkdir(from, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(from, name), content);
}

const valid = () => ({
  'model.json': JSON.stringify(model()),
  'weights.bin': Buffer.alloc(24),
  'preprocessor.json': '{}',
  'training.json': JSON.stringify({ lineage: { gitCommit: 'x' } }),
});

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'untrusted-'));
  from = join(base, 'artifact');
  to = join(base, 'candidate');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('copyUntrustedCandidate', () => {
  it('copies the model files and the training record, and nothing else of the artifact', async () => {
    await artifact({ ...valid(), 'report.md': '# forged', 'evaluation.json': '{"passed":true}' });
    await copyUntrustedCandidate(from, to);
    expect((await readFile(join(to, 'weights.bin'))).length).toBe(24);
    expect(existsSync(join(to, 'report.md'))).toBe(false);
    expect(existsSync(join(to, 'evaluation.json'))).toBe(false);
  });

  it('refuses a weights manifest that names any other file', async () => {
    await artifact({ ...valid(), 'model.json': JSON.stringify(model(['../../secret.bin'])) });
    await expect(copyUntrustedCandidate(from, to)).rejects.toThrow(/name weights\.bin only/);
    expect(existsSync(to)).toBe(false);
  });

  it('refuses weights whose size is not what the manifest declares', async () => {
    await artifact({ ...valid(), 'weights.bin': Buffer.alloc(25) });
    await expect(copyUntrustedCandidate(from, to)).rejects.toThrow(
      /25 bytes, but model\.json declares 24/,
    );
  });

  it('refuses a file that is a symbolic link, or missing, or not JSON', async () => {
    await artifact({ ...valid() });
    await rm(join(from, 'preprocessor.json'));
    await symlink('/etc/passwd', join(from, 'preprocessor.json'));
    await expect(copyUntrustedCandidate(from, to)).rejects.toBeInstanceOf(UntrustedCandidateError);
    await rm(join(from, 'preprocessor.json'));
    await expect(copyUntrustedCandidate(from, to)).rejects.toThrow(/preprocessor\.json: missing/);
    await writeFile(join(from, 'preprocessor.json'), 'not json');
    await expect(copyUntrustedCandidate(from, to)).rejects.toThrow(/preprocessor\.json: not JSON/);
  });
});
