import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend';
import { TrainingDivergedError, TrainingInputError } from '../src/errors';
import { saveModel } from '../src/model-files';
import { predict } from '../src/predict';
import { type TrainInput, trainMlp } from '../src/train-mlp';
import { linearData, quickTraining, smallArchitecture } from './fixtures';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'train-mlp-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const data = linearData(600, 4, 1);
const base: TrainInput = {
  ...data,
  nFeatures: 4,
  architecture: smallArchitecture,
  training: quickTraining,
  task: 'regression',
  seed: 42,
};

async function weightsHash(input: TrainInput, name: string): Promise<string> {
  const { model } = await trainMlp(input);
  await saveModel(model, join(dir, name));
  model.dispose();
  const bytes = await readFile(join(dir, name, 'weights.bin'));
  return createHash('sha256').update(bytes).digest('hex');
}

function mse(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  return sum / a.length;
}

describe.each(['fused', 'wasm'] as const)('trainMlp on the %s backend', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it('produces bit-identical weights for the same input and seed', async () => {
    const first = await weightsHash(base, 'run-a');
    const second = await weightsHash(base, 'run-b');
    expect(second).toBe(first);
    const modelA = await readFile(join(dir, 'run-a', 'model.json'));
    const modelB = await readFile(join(dir, 'run-b', 'model.json'));
    expect(modelB.equals(modelA)).toBe(true);
  });

  it('produces different weights for a different seed', async () => {
    const first = await weightsHash(base, 'seed-42');
    const other = await weightsHash({ ...base, seed: 43 }, 'seed-43');
    expect(other).not.toBe(first);
  });

  it('learns a linear regression to a low loss and reports every epoch', async () => {
    const epochs: number[] = [];
    const val = linearData(200, 4, 2);
    const result = await trainMlp({
      ...base,
      xVal: val.x,
      yVal: val.y,
      training: { ...quickTraining, epochs: 30 },
      onEpoch: (e) => epochs.push(e.epoch),
    });
    expect(epochs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(result.epochsRun).toBe(30);
    expect(result.history.loss).toHaveLength(30);
    expect(result.history.valLoss).toHaveLength(30);
    expect(result.history.loss.at(-1)).toBeLessThan(0.002);
    expect(result.history.loss.at(-1)).toBeLessThan((result.history.loss[0] as number) / 10);
    expect(mse(predict(result.model, val.x, 4), val.y)).toBeCloseTo(
      result.history.valLoss.at(-1) as number,
      5,
    );
    expect(result.backend).toBe(backend);
    expect(result.stoppedEarly).toBe(false);
    expect(result.bestEpoch).toBe(30);
    result.model.dispose();
  });

  it('learns a binary classification with SGD', async () => {
    const labels = data.y.map((v) => (v > 0.2 ? 1 : 0));
    const result = await trainMlp({
      ...base,
      y: labels,
      task: 'classification',
      training: { ...quickTraining, epochs: 30, optimizer: 'sgd', learningRate: 0.5 },
    });
    const probabilities = predict(result.model, data.x, 4);
    let correct = 0;
    probabilities.forEach((p, i) => {
      if ((p > 0.5 ? 1 : 0) === labels[i]) correct++;
    });
    expect(correct / labels.length).toBeGreaterThan(0.95);
    expect(result.history.loss.at(-1)).toBeLessThan(Math.log(2) / 2);
    result.model.dispose();
  });

  it('stops early on a rising validation loss and restores the best weights', async () => {
    // The validation targets are the negated training targets: fitting the training data makes
    // the validation loss worse, so the best epoch is the first one.
    const val = linearData(200, 4, 3);
    const yVal = val.y.map((v) => -v);
    const result = await trainMlp({
      ...base,
      xVal: val.x,
      yVal,
      training: { ...quickTraining, epochs: 50, earlyStopping: { patience: 3, minDelta: 0 } },
    });
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochsRun).toBe(result.bestEpoch + 3);
    expect(result.epochsRun).toBeLessThan(50);
    const bestValLoss = Math.min(...result.history.valLoss);
    expect(result.history.valLoss[result.bestEpoch - 1]).toBe(bestValLoss);
    // The returned model holds the best epoch's weights, not the last epoch's.
    expect(mse(predict(result.model, val.x, 4), yVal)).toBeCloseTo(bestValLoss, 5);
    expect(result.history.valLoss.at(-1)).toBeGreaterThan(bestValLoss);
    result.model.dispose();
  });

  it('throws TrainingDivergedError naming the epoch when the loss stops being finite', async () => {
    const huge = data.y.map((v) => v * 1e30);
    const attempt = trainMlp({
      ...base,
      y: huge,
      training: { ...quickTraining, optimizer: 'sgd', learningRate: 1e6 },
    });
    await expect(attempt).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(attempt).rejects.toThrow(/epoch 1\b/);
  });

  it('rejects features whose length does not match the targets', async () => {
    await expect(trainMlp({ ...base, x: data.x.subarray(1) })).rejects.toBeInstanceOf(
      TrainingInputError,
    );
    await expect(trainMlp({ ...base, xVal: data.x })).rejects.toBeInstanceOf(TrainingInputError);
  });

  it('frees every tensor it does not return', async () => {
    const before = tf.memory().numTensors;
    const val = linearData(100, 4, 4);
    const result = await trainMlp({
      ...base,
      xVal: val.x,
      yVal: val.y,
      training: { ...quickTraining, epochs: 4, earlyStopping: { patience: 1, minDelta: 0 } },
    });
    const weights = result.model.getWeights().length;
    expect(tf.memory().numTensors - before).toBe(weights);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
