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
  await put('actions/train/dist/index.js', 'bundle\n');
  await put('actions/train/test/main.test.ts', 'test\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('trainingInputHash', () => {
  it('hashes the sorted path and file sha256 lines of exactly the training inputs', async () => {
    const { hash, files } = await trainingInputHash(root, 'm');
    expect(files).toEqual([
      'actions/train/dist/index.js',
      'data.dvc',
      'models/m/model.yaml',
      'package-lock.json',
      'packages/train/src/mlp.ts',
    ]);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const expected = sha(
      [
        `actions/train/dist/index.js\t${sha('bundle\n')}\n`,
        `data.dvc\t${sha('outs:\n- md5: abc.dir\n')}\n`,
        `models/m/model.yaml\t${sha('name: m\n')}\n`,
        `package-lock.json\t${sha('{}')}\n`,
        `packages/train/src/mlp.ts\t${sha('export {};\n')}\n`,
        'backend\tauto\n',
      ].join(''),
    );
    expect(hash).toBe(expected);
  });

  it('changes with the training backend', async () => {
    const auto = (await trainingInputHash(root, 'm')).hash;
    expect((await trainingInputHash(root, 'm', { backend: 'auto' })).hash).toBe(auto);
    expect((await trainingInputHash(root, 'm', { backend: 'cpu' })).hash).not.toBe(auto);
  });

  it('changes when the data pointer, the model folder, the lockfile, package sources or an action change', async () => {
    const before = (await trainingInputHash(root, 'm')).hash;
    for (const [rel, text] of [
      ['data.dvc', 'outs:\n- md5: def.dir\n'],
      ['models/m/model.yaml', 'name: m\nseed: 2\n'],
      ['package-lock.json', '{"a":1}'],
      ['packages/train/src/mlp.ts', 'export const a = 1;\n'],
      ['actions/train/dist/index.js', 'new bundle\n'],
      ['actions/promote/action.yml', 'name: promote\n'],
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
    await put('actions/train/test/main.test.ts', 'changed\n');
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
