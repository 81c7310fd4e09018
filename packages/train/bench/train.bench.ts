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
import { pythonTraining, runTrainMlp } from './train-runs';

const RUNS = Number(process.env.RUNS ?? 5);
const SEED = 42;
const backend = await initBackend('auto', { log: (msg) => console.log(msg) });

function describe(label: string, job: TrainJob): string {
  const { architecture: a, training: t } = job;
  return (
    `\n${label} (${backend.name}): ${job.y.length}×${job.nFeatures}, ${job.nFeatures}→${a.hiddenLayers.join('→')}→1 ${a.activation}, ` +
    `${t.epochs} epochs, batch ${t.batchSize}, ${t.optimizer} lr ${t.learningRate}, MSE; ${RUNS} runs after 1 warm-up`
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
  const python = await pythonTraining(job, SEED, { sklearn: true, runs: RUNS });
  const losses: Record<string, number> = {};
  const ours = await timeAlternately(
    {
      trainMlp: async () => {
        losses.trainMlp = await runTrainMlp(job, SEED);
      },
    },
    { runs: RUNS },
  );
  const { pytorch, sklearn } = python.baselines;
  const trainMlp = ours.trainMlp as RunSummary;
  console.log(benchLine('trainMlp', trainMlp, pytorch ? [pytorch] : [], { target: 1.0 }));
  console.log(benchLine('trainMlp', trainMlp, sklearn ? [sklearn] : []));
  console.log(
    lossLine({
      trainMlp: losses.trainMlp,
      pytorch: python.losses.pytorch,
      sklearn: python.losses.sklearn,
    }),
  );
}

async function exampleBench(): Promise<void> {
  const job = await exampleJob();
  console.log(describe('example model house-prices', job));
  const python = await pythonTraining(job, job.seed, { sklearn: false, runs: RUNS });
  let loss: number | undefined;
  const ours = await timeAlternately(
    {
      trainMlp: async () => {
        loss = await runTrainMlp(job, job.seed);
      },
    },
    { runs: RUNS },
  );
  const { pytorch } = python.baselines;
  console.log(
    benchLine('trainMlp', ours.trainMlp as RunSummary, pytorch ? [pytorch] : [], { target: 1.0 }),
  );
  console.log(lossLine({ trainMlp: loss, pytorch: python.losses.pytorch }));
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
