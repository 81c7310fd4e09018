import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingInputHash } from '../src/input-hash';

let root: string;

async function put(rel: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, rel)), { recursive: true });
  await writeFile(join(root, rel), text);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'input-hash-'));
  await put('data.dvc', 'outs:\n- md5: abc.dir\n');
  await put('package-lock.json', '{}');
  await put('models/m/model.yaml', 'name: m\n');
  await put('models/other/model.yaml', 'name: other\n');
  await put('packages/train/src/mlp.ts', 'export {};\n');
  await put('packages/train/test/mlp.test.ts', 'test\n');
  await put('README.md', 'readme\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('trainingInputHash', () => {
  it('hashes the sorted path and file sha256 lines of exactly the training inputs', async () => {
    const { hash, files } = await trainingInputHash(root, 'm');
    expect(files).toEqual([
      'data.dvc',
      'models/m/model.yaml',
      'package-lock.json',
      'packages/train/src/mlp.ts',
    ]);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const expected = sha(
      [
        `data.dvc\t${sha('outs:\n- md5: abc.dir\n')}\n`,
        `models/m/model.yaml\t${sha('name: m\n')}\n`,
        `package-lock.json\t${sha('{}')}\n`,
        `packages/train/src/mlp.ts\t${sha('export {};\n')}\n`,
      ].join(''),
    );
    expect(hash).toBe(expected);
  });

  it('changes when the data pointer, the model folder, the lockfile or package sources change', async () => {
    const before = (await trainingInputHash(root, 'm')).hash;
    for (const [rel, text] of [
      ['data.dvc', 'outs:\n- md5: def.dir\n'],
      ['models/m/model.yaml', 'name: m\nseed: 2\n'],
      ['package-lock.json', '{"a":1}'],
      ['packages/train/src/mlp.ts', 'export const a = 1;\n'],
    ] as const) {
      const original = (await trainingInputHash(root, 'm')).hash;
      await put(rel, text);
      expect((await trainingInputHash(root, 'm')).hash, rel).not.toBe(original);
    }
    expect((await trainingInputHash(root, 'm')).hash).not.toBe(before);
  });

  it('ignores artifacts, other models, package tests and files outside the inputs', async () => {
    const before = (await trainingInputHash(root, 'm')).hash;
    await put('models/m/artifacts/candidate/weights.bin', 'weights');
    await put('models/other/model.yaml', 'name: other\nseed: 3\n');
    await put('packages/train/test/mlp.test.ts', 'changed\n');
    await put('README.md', 'changed\n');
    expect((await trainingInputHash(root, 'm')).hash).toBe(before);
  });

  it('counts a renamed file as a change even when its bytes are the same', async () => {
    const before = (await trainingInputHash(root, 'm')).hash;
    await rm(join(root, 'models/m/model.yaml'));
    await put('models/m/model.yml', 'name: m\n');
    expect((await trainingInputHash(root, 'm')).hash).not.toBe(before);
  });
});
