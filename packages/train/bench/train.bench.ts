/**
 * `npm run bench -w @repo/train` (RUNS=5 by default; MLOPS_BACKEND picks the backend).
 *
 * 1. The reference job: MLP 8→64→32→1 (relu), 20,000 rows × 8 features, 20 epochs, batch 256,
 *    Adam lr 1e-3, MSE: `trainMlp` against a PyTorch manual loop and scikit-learn's MLPRegressor
 *    (one thread each, same data; PyTorch from the same initial weights). tfjs `model.fit` is no
 *    longer timed: at ~5× `trainMlp` it made the bench slow and says nothing about the targets.
 * 2. The example model (models/house-prices) as configured, without early stopping, against
 *    PyTorch with the same shape, epochs, batch size, optimizer and learning rate.
 * 3. Scaling: `trainMlp` on the reference architecture at 10k, 100k and 1M rows, per row·epoch.
 */
import { benchLine, type RunSummary, timeAlternately } from '@repo/bench';
import { initBackend } from '../src/index';
import { exampleJob, referenceJob, type TrainJob } from './reference-data';
import { compareTraining, runTrainMlp } from './train-runs';

const RUNS = Number(process.env.RUNS ?? 5);
const SEED = 42;
const backend = await initBackend('auto', { log: (msg) => console.log(msg) });

function describe(label: string, job: TrainJob): string {
  const { architecture: a, training: t } = job;
  return (
    `\n${label} (${backend.name}): ${job.y.length}×${job.nFeatures}, ${job.nFeatures}→${a.hiddenLayers.join('→')}→1 ${a.activation}, ` +
    `${t.epochs} epochs, batch ${t.batchSize}, ${t.optimizer} lr ${t.learningRate}, MSE; ${RUNS} rounds alternating Python and trainMlp, 1 warm-up each`
  );
}

function lossLine(losses: Record<string, number | undefined>): string {
  const parts = Object.entries(losses).map(
    ([name, loss]) => `${name} ${loss === undefined ? 'n/a' : loss.toFixed(5)}`,
  );
  return `  final training loss (MSE, last epoch): ${parts.join(', ')}`;
}

async function referenceBench(): Promise<void> {
  const job = referenceJob();
  console.log(describe('reference job', job));
  const { ours, baselines, losses } = await compareTraining(job, SEED, {
    sklearn: true,
    runs: RUNS,
  });
  const { pytorch, sklearn } = baselines;
  console.log(benchLine('trainMlp', ours, pytorch ? [pytorch] : [], { target: 1.0 }));
  console.log(benchLine('trainMlp', ours, sklearn ? [sklearn] : []));
  console.log(lossLine(losses));
}

async function exampleBench(): Promise<void> {
  const job = await exampleJob();
  console.log(describe('example model house-prices', job));
  const { ours, baselines, losses } = await compareTraining(job, job.seed, {
    sklearn: false,
    runs: RUNS,
  });
  const { pytorch } = baselines;
  console.log(benchLine('trainMlp', ours, pytorch ? [pytorch] : [], { target: 1.0 }));
  console.log(lossLine(losses));
}

async function scalingBench(): Promise<void> {
  const sizes = [
    { rows: 10_000, epochs: 20 },
    { rows: 100_000, epochs: 2 },
    { rows: 1_000_000, epochs: 2 },
  ];
  console.log(
    `\nscaling (${backend.name}): trainMlp, reference architecture and settings; ${RUNS} runs each, alternated (warmed up by the jobs above)`,
  );
  const jobs = sizes.map(({ rows, epochs }) => ({ rows, epochs, job: referenceJob(rows, epochs) }));
  const label = (rows: number, epochs: number) => `${rows} rows × ${epochs} epochs`;
  const summaries = await timeAlternately(
    Object.fromEntries(
      jobs.map(({ rows, epochs, job }) => [label(rows, epochs), () => runTrainMlp(job, SEED)]),
    ),
    { runs: RUNS, warmup: 0 },
  );
  for (const { rows, epochs } of jobs) {
    const summary = summaries[label(rows, epochs)] as RunSummary;
    const perRowEpoch = (summary.medianMs * 1e6) / (rows * epochs);
    console.log(
      `${benchLine(label(rows, epochs), summary)} | ${perRowEpoch.toFixed(0)} ns per row·epoch`,
    );
  }
}

await referenceBench();
await exampleBench();
await scalingBench();
