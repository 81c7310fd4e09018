import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend';
import { predict } from '../src/predict';
import type { MlpArchitecture, Task } from '../src/specs';
import { type TrainInput, trainMlp } from '../src/train-mlp';
import { linearData, quickTraining } from './fixtures';

const saved = process.env.MLOPS_TRAIN_THREADS;
afterAll(() => {
  if (saved === undefined) delete process.env.MLOPS_TRAIN_THREADS;
  else process.env.MLOPS_TRAIN_THREADS = saved;
});

const data = linearData(300, 5, 11);
const labels = data.y.map((v) => (v > 0.2 ? 1 : 0));

function input(activation: MlpArchitecture['activation'], task: Task): TrainInput {
  return {
    x: data.x,
    y: task === 'classification' ? labels : data.y,
    nFeatures: 5,
    architecture: { type: 'mlp', hiddenLayers: [7, 6], activation },
    training: { ...quickTraining, epochs: 1, batchSize: 300, optimizer: 'sgd', learningRate: 1 },
    task,
    seed: 5,
  };
}

async function weightsOn(backend: 'fused' | 'wasm', job: TrainInput) {
  await initBackend(backend);
  const result = await trainMlp(job);
  const weights = result.model.getWeights().map((w) => w.dataSync() as Float32Array);
  const loss = result.history.loss[0] as number;
  const predictions = predict(result.model, data.x, 5);
  result.model.dispose();
  return { weights, loss, predictions };
}

function maxAbsDiff(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let worst = 0;
  a.forEach((values, i) => {
    values.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(v - ((b[i] as Float32Array)[j] as number)));
    });
  });
  return worst;
}

describe('the fused backend', () => {
  for (const activation of ['relu', 'tanh', 'elu'] as const) {
    for (const task of ['regression', 'classification'] as const) {
      it(`takes the same gradient step as TF.js ops for ${activation} ${task}`, async () => {
        // One full-batch SGD step with lr 1: the weight change is the gradient itself.
        const fused = await weightsOn('fused', input(activation, task));
        const tfjs = await weightsOn('wasm', input(activation, task));
        expect(maxAbsDiff(fused.weights, tfjs.weights)).toBeLessThan(1e-5);
        expect(fused.loss).toBeCloseTo(tfjs.loss, 5);
        expect(maxAbsDiff([fused.predictions], [tfjs.predictions])).toBeLessThan(1e-5);
      });
    }
  }

  it('follows the learning curve of TF.js ops to within float noise over many Adam steps', async () => {
    const job: TrainInput = {
      ...input('relu', 'regression'),
      training: { ...quickTraining, epochs: 15, batchSize: 32 },
    };
    await initBackend('fused');
    const fused = await trainMlp(job);
    await initBackend('wasm');
    const tfjs = await trainMlp(job);
    fused.history.loss.forEach((loss, i) => {
      const reference = tfjs.history.loss[i] as number;
      expect(Math.abs(loss - reference) / reference).toBeLessThan(0.02);
    });
    fused.model.dispose();
    tfjs.model.dispose();
  });

  describe('across thread counts', () => {
    beforeAll(async () => {
      await initBackend('fused');
    });

    async function hashWith(threads: number | undefined, env?: string): Promise<string> {
      if (env === undefined) delete process.env.MLOPS_TRAIN_THREADS;
      else process.env.MLOPS_TRAIN_THREADS = env;
      const result = await trainMlp({
        ...input('tanh', 'regression'),
        training: { ...quickTraining, epochs: 3, batchSize: 37 },
        ...(threads === undefined ? {} : { threads }),
      });
      const hash = createHash('sha256');
      for (const w of result.model.getWeights()) hash.update(w.dataSync() as Float32Array);
      result.model.dispose();
      return hash.digest('hex');
    }

    it('gives bit-identical weights on 1, 2, 3 and 4 threads', async () => {
      const one = await hashWith(1);
      expect(await hashWith(2)).toBe(one);
      expect(await hashWith(3)).toBe(one);
      expect(await hashWith(4)).toBe(one);
      expect(await hashWith(undefined, '2')).toBe(one);
    });

    it('reports the threads that trained, and none missing', async () => {
      delete process.env.MLOPS_TRAIN_THREADS;
      const result = await trainMlp({ ...input('relu', 'regression'), threads: 2 });
      expect(result.threads).toBe(2);
      expect(result.threadFallback).toBeNull();
      result.model.dispose();
      await initBackend('wasm');
      const tfjs = await trainMlp({ ...input('relu', 'regression'), threads: 2 });
      expect(tfjs.threads).toBe(1);
      tfjs.model.dispose();
      await initBackend('fused');
    });

    it('rejects an MLOPS_TRAIN_THREADS that is not a positive integer', async () => {
      await expect(hashWith(undefined, 'two')).rejects.toThrow(
        /MLOPS_TRAIN_THREADS must be a positive integer, got two/,
      );
    });
  });
});
