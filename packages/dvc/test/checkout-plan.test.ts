import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presentPaths } from '../src/checkout-plan';
import type { TrackedOutput } from '../src/tracked-outputs';
import { scratch } from './helpers';

function output(abs: string, isDir: boolean): TrackedOutput {
  return { out: { isDir }, abs } as unknown as TrackedOutput;
}

describe('presentPaths', () => {
  it('lists every non-folder entry under directory outputs and each file output, nothing for a missing folder', async () => {
    const root = await scratch();
    await mkdir(join(root, 'data', 'nested', 'deep'), { recursive: true });
    await writeFile(join(root, 'data', 'a.csv'), 'a');
    await writeFile(join(root, 'data', 'nested', 'deep', 'b.bin'), 'b');
    await symlink(join(root, 'data', 'a.csv'), join(root, 'data', 'link.csv'));
    const present = await presentPaths([
      output(join(root, 'data'), true),
      output(join(root, 'missing'), true),
      output(join(root, 'model.bin'), false),
    ]);
    expect([...present].sort()).toEqual(
      [
        join(root, 'data', 'a.csv'),
        join(root, 'data', 'link.csv'),
        join(root, 'data', 'nested', 'deep', 'b.bin'),
        join(root, 'model.bin'),
      ].sort(),
    );
  });
});
