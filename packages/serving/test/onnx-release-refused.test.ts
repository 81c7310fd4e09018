import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OnnxMismatchError } from '@repo/onnx';
import { candidateDir, ONNX_FILE, promoteModel } from '@repo/pipeline';
import type { FileRegistry } from '@repo/registry';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluateHousePrices, MODEL, removeTemporaryDirs } from './release-fixture';

// ONNX Runtime, made to disagree with TF.js by 0.5 on every row: the release must not be written.
vi.mock('onnxruntime-node', async (importOriginal) => {
  const ort = await importOriginal<typeof import('onnxruntime-node')>();
  const create = async (...args: Parameters<typeof ort.InferenceSession.create>) => {
    const session = await ort.InferenceSession.create(...args);
    return {
      run: async (feeds: Record<string, unknown>) => {
        const { output } = (await session.run(feeds as never)) as Record<
          string,
          InstanceType<typeof ort.Tensor>
        >;
        const shifted = Float32Array.from(output?.data as Float32Array, (v) => v + 0.5);
        return { output: new ort.Tensor('float32', shifted, output?.dims as number[]) };
      },
      release: () => session.release(),
    };
  };
  return { ...ort, default: undefined, InferenceSession: { create } };
});

afterAll(async () => {
  await removeTemporaryDirs();
});

describe('promoteModel with a model.onnx that ONNX Runtime does not predict as TF.js', () => {
  it('throws OnnxMismatchError naming the version and writes no release, not even in part', async () => {
    const { ctx } = await evaluateHousePrices();
    const error = await promoteModel(ctx, MODEL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnnxMismatchError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${MODEL}@v1\\.0\\.0: model\\.onnx predicts .* for sample row \\d+ `),
    );
    expect(await ctx.registry.list(MODEL)).toEqual([]);
    // Nothing under the registry: no version folder, no staging folder of a publish.
    const root = (ctx.registry as FileRegistry).rootDir;
    expect(existsSync(join(root, MODEL))).toBe(false);
    expect(await readdir(candidateDir(ctx.paths, MODEL))).not.toContain(ONNX_FILE);
  });
});
