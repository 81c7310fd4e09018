/**
 * Times `trainMlp` against tfjs `model.fit` on the same data, architecture, settings and backend,
 * alternating the two (A B A B …) after a warm-up, and prints medians, the ratio and peak memory.
 */
import * as tf from '@tensorflow/tfjs';
import { buildMlp, trainMlp } from '../src/index';
import type { MlpArchitecture, Task, TrainingSettings } from '../src/specs';

export interface BenchJob {
  readonly label: string;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly nFeatures: number;
  readonly architecture: MlpArchitecture;
  readonly training: TrainingSettings;
  readonly task: Task;
  readonly runs: number;
}

interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
  readonly loss: number;
  readonly peakRss: number;
}

/** Wall time, this process's CPU time, and the largest RSS sampled while `work` runs. */
async function measure(work: () => Promise<number>): Promise<Timing> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    const loss = await work();
    const used = process.cpuUsage(cpu);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, loss, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

function runTrainMlp(job: BenchJob): Promise<Timing> {
  return measure(async () => {
    const result = await trainMlp({
      x: job.x,
      y: job.y,
      nFeatures: job.nFeatures,
      architecture: job.architecture,
      training: job.training,
      task: job.task,
      seed: 42,
    });
    result.model.dispose();
    return result.history.loss.at(-1) ?? Number.NaN;
  });
}

function runFit(job: BenchJob): Promise<Timing> {
  const rows = job.y.length;
  const model = buildMlp(job.nFeatures, job.architecture, job.task, 42);
  const optimizer =
    job.training.optimizer === 'adam'
      ? tf.train.adam(job.training.learningRate)
      : tf.train.sgd(job.training.learningRate);
  model.compile({
    optimizer,
    loss: job.task === 'regression' ? 'meanSquaredError' : 'binaryCrossentropy',
  });
  const x = tf.tensor2d(job.x, [rows, job.nFeatures]);
  const y = tf.tensor2d(job.y, [rows, 1]);
  return measure(async () => {
    const history = await model.fit(x, y, {
      epochs: job.training.epochs,
      batchSize: job.training.batchSize,
      shuffle: true,
      verbose: 0,
    });
    return Number(history.history.loss?.at(-1));
  }).finally(() => {
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Runs the comparison and prints it; returns the medians for callers that check a target. */
export async function compareWithFit(
  job: BenchJob,
): Promise<{ ours: number; fit: number; ratio: number }> {
  const rows = job.y.length;
  console.log(
    `\n${job.label}: ${rows}×${job.nFeatures}, ${job.nFeatures}→${job.architecture.hiddenLayers.join('→')}→1 ${job.architecture.activation}, ` +
      `${job.training.epochs} epochs, batch ${job.training.batchSize}, ${job.training.optimizer} ${job.training.learningRate}, ${job.runs} runs each after a warm-up`,
  );
  await runTrainMlp({ ...job, training: { ...job.training, epochs: 1 } });
  await runFit({ ...job, training: { ...job.training, epochs: 1 } });
  const ours: Timing[] = [];
  const fit: Timing[] = [];
  for (let run = 0; run < job.runs; run++) {
    ours.push(await runTrainMlp(job));
    fit.push(await runFit(job));
  }
  const row = (name: string, timings: Timing[]) =>
    `  ${name.padEnd(10)} median ${median(timings.map((t) => t.ms))
      .toFixed(0)
      .padStart(6)} ms wall, ` +
    `${median(timings.map((t) => t.cpuMs))
      .toFixed(0)
      .padStart(6)} ms cpu, final loss ${median(timings.map((t) => t.loss)).toFixed(4)}, ` +
    `peak RSS ${mib(Math.max(...timings.map((t) => t.peakRss)))}`;
  console.log(row('trainMlp', ours));
  console.log(row('model.fit', fit));
  const oursMs = median(ours.map((t) => t.ms));
  const fitMs = median(fit.map((t) => t.ms));
  const ratio = fitMs / oursMs;
  console.log(`  speed-up model.fit / trainMlp: ${ratio.toFixed(2)}× (target ≥ 2×)`);
  return { ours: oursMs, fit: fitMs, ratio };
}
