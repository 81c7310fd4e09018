/** The timed jobs of train.bench.ts: `trainMlp` and the Python baselines. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BaselineResult,
  type RunSummary,
  runPythonBaseline,
  type SkippedBaseline,
} from '@repo/bench';
import { buildMlp, trainMlp } from '../src/index';
import { alternateWithPython } from './alternate';
import { temporaryDir, writeFloat32, writeWeights } from './float-files';
import type { TrainJob } from './reference-data';

const TRAIN_SCRIPT = fileURLToPath(new URL('./python/train_baseline.py', import.meta.url));

/** Trains with `trainMlp` and returns the last epoch's training loss (mean over its batches). */
export async function runTrainMlp(job: TrainJob, seed: number): Promise<number> {
  const result = await trainMlp({ ...job, seed });
  result.model.dispose();
  return result.history.loss.at(-1) ?? Number.NaN;
}

export interface TrainingComparison {
  /** `trainMlp`'s runs. */
  readonly ours: RunSummary;
  readonly baselines: Record<string, BaselineResult | SkippedBaseline>;
  /** Final training loss (MSE, last epoch) of `trainMlp` and of each baseline that ran. */
  readonly losses: Record<string, number>;
}

/**
 * `trainMlp` alternated round by round with the PyTorch manual loop (and scikit-learn's
 * MLPRegressor when `sklearn`) on the same x/y and, for PyTorch, the same initial weights as
 * `trainMlp` with `seed` (handed over as float32 files).
 */
export async function compareTraining(
  job: TrainJob,
  seed: number,
  options: { readonly sklearn: boolean; readonly runs: number },
): Promise<TrainingComparison> {
  if (job.task !== 'regression')
    throw new Error('the Python training baselines are regression only');
  const temp = await temporaryDir('train-bench-');
  try {
    const initial = buildMlp(job.nFeatures, job.architecture, job.task, seed);
    const sizes = await writeWeights(initial, temp.dir);
    initial.dispose();
    const report = join(temp.dir, 'report.json');
    const labels = options.sklearn ? ['pytorch', 'sklearn'] : ['pytorch'];
    const modules = options.sklearn ? ['torch', 'sklearn'] : ['torch'];
    const args = [
      ...['--x', await writeFloat32(temp.dir, 'x.f32', job.x)],
      ...['--y', await writeFloat32(temp.dir, 'y.f32', job.y)],
      ...['--rows', String(job.y.length), '--sizes', sizes, '--weights', temp.dir],
      ...['--activation', job.architecture.activation, '--epochs', String(job.training.epochs)],
      ...['--batch', String(job.training.batchSize), '--lr', String(job.training.learningRate)],
      ...['--runs', '1', '--warmup', '1', '--seed', String(seed)],
      ...['--report', report, ...(options.sklearn ? ['--sklearn'] : [])],
    ];
    let loss = Number.NaN;
    const { ours, baselines } = await alternateWithPython(
      {
        trainMlp: async () => {
          loss = await runTrainMlp(job, seed);
        },
      },
      () => runPythonBaseline(TRAIN_SCRIPT, labels, { modules, args, threads: 1 }),
      options.runs,
    );
    const ran = Object.values(baselines).some((baseline) => !('skipped' in baseline));
    const theirs = ran
      ? (JSON.parse(await readFile(report, 'utf8')) as { final_loss: Record<string, number> })
          .final_loss
      : {};
    return { ours: ours.trainMlp as RunSummary, baselines, losses: { trainMlp: loss, ...theirs } };
  } finally {
    await temp.remove();
  }
}
