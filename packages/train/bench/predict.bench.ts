/**
 * `predict` of the example model (models/house-prices, trained once with its seed) at batch 1 and
 * batch 1,000, against PyTorch and scikit-learn on the same weights (float32 files), one thread
 * each, alternated round by round. µs-scale work: every timed run makes CALLS calls and the lines report time per call, the
 * same in Node and Python. Prints the largest prediction difference against each baseline.
 * Run by `npm run bench -w @repo/train` after train.bench.ts (RUNS=5 by default).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLine, type RunSummary, runPythonBaseline } from '@repo/bench';
import { initBackend, predict, trainMlp } from '../src/index';
import { type Alternated, alternateWithPython } from './alternate';
import {
  maxAbsDifference,
  readFloat32,
  temporaryDir,
  writeFloat32,
  writeWeights,
} from './float-files';
import { exampleJob } from './reference-data';

const RUNS = Number(process.env.RUNS ?? 5);
const BATCH = 1000;
const CALLS_1 = 10_000;
const CALLS_BATCH = 500;
const SCRIPT = fileURLToPath(new URL('./python/predict_baseline.py', import.meta.url));

const backend = await initBackend('auto', { log: (msg) => console.log(msg) });
const job = await exampleJob();
const { model } = await trainMlp({ ...job, seed: job.seed });
const nf = job.nFeatures;
const xBatch = job.x.slice(0, BATCH * nf);
/** Batch 1 cycles through the BATCH rows (so does the Python side): no call sees the same row twice in a row. */
const rowsOne = Array.from({ length: BATCH }, (_, r) => xBatch.slice(r * nf, (r + 1) * nf));

function perCall(summary: RunSummary, calls: number): RunSummary {
  return { ...summary, medianMs: summary.medianMs / calls, minMs: summary.minMs / calls };
}

/**
 * The batch-scoring path of `@repo/serving` (`predictMany`): the same network as ONNX in
 * onnxruntime-node, one intra-op thread. Imported at run time: `@repo/onnx` depends on this
 * package for its own tests, so this one cannot declare it back.
 */
async function onnxSession() {
  const onnx = (await import('@repo/onnx')) as typeof import('@repo/onnx');
  const weights = model.getWeights();
  const layers = [];
  for (let i = 0; i + 1 < weights.length; i += 2) {
    const kernel = weights[i] as (typeof weights)[number];
    layers.push({
      kernel: kernel.dataSync() as Float32Array,
      kernelShape: kernel.shape as [number, number],
      bias: (weights[i + 1] as (typeof weights)[number]).dataSync() as Float32Array,
    });
  }
  const bytes = onnx.exportMlpToOnnx(
    layers,
    { activation: job.architecture.activation, task: 'regression' },
    {
      model: 'house-prices',
      featureNames: Array.from({ length: nf }, (_, i) => `f${i}`),
      target: { name: 'price', transform: 'none' },
    },
  );
  return onnx.openOnnxSession(bytes, nf, 'house-prices');
}
const session = await onnxSession();

const temp = await temporaryDir('predict-bench-');
let alternated: Alternated;
let theirs: Record<string, Float32Array> = {};
try {
  const sizes = await writeWeights(model, temp.dir);
  const args = [
    ...['--x', await writeFloat32(temp.dir, 'x.f32', xBatch), '--rows', String(BATCH)],
    ...['--weights', temp.dir, '--sizes', sizes, '--activation', job.architecture.activation],
    ...['--calls1', String(CALLS_1), '--calls_batch', String(CALLS_BATCH)],
    ...['--runs', '1', '--warmup', '1', '--out', temp.dir],
  ];
  const labels = ['pytorch', 'sklearn'].flatMap((lib) => [
    `${lib} batch 1`,
    `${lib} batch ${BATCH}`,
  ]);
  const modules = ['torch', 'sklearn'];
  alternated = await alternateWithPython(
    {
      one: () => {
        for (let i = 0; i < CALLS_1; i++) predict(model, rowsOne[i % BATCH] as Float32Array, nf);
      },
      batch: () => {
        for (let i = 0; i < CALLS_BATCH; i++) predict(model, xBatch, nf);
      },
      onnx: async () => {
        for (let i = 0; i < CALLS_BATCH; i++) await session.run(xBatch, BATCH);
      },
    },
    () => runPythonBaseline(SCRIPT, labels, { modules, args, threads: 1 }),
    RUNS,
  );
  if (!('skipped' in (alternated.baselines['pytorch batch 1'] as object))) {
    theirs = {
      pytorch: await readFloat32(join(temp.dir, 'pytorch.f32')),
      sklearn: await readFloat32(join(temp.dir, 'sklearn.f32')),
    };
  }
} finally {
  await temp.remove();
}
const { ours, baselines } = alternated;

console.log(
  `\npredict, example model house-prices (${backend.name}): ${nf}→${job.architecture.hiddenLayers.join('→')}→1; ` +
    `per call over ${CALLS_1} calls (batch 1) / ${CALLS_BATCH} calls (batch ${BATCH}) per run, ${RUNS} rounds alternating Python and ours, 1 warm-up each`,
);
const lines: [string, RunSummary, string, number][] = [
  ['predict batch 1', perCall(ours.one as RunSummary, CALLS_1), '1', 1.0],
  [`predict batch ${BATCH}`, perCall(ours.batch as RunSummary, CALLS_BATCH), String(BATCH), 2.0],
  [
    `predict batch ${BATCH}, batch-scoring path (onnxruntime-node)`,
    perCall(ours.onnx as RunSummary, CALLS_BATCH),
    String(BATCH),
    2.0,
  ],
];
for (const [label, summary, batch, target] of lines) {
  const of = (lib: string) => baselines[`${lib} batch ${batch}`];
  const pytorch = of('pytorch');
  const sklearn = of('sklearn');
  console.log(benchLine(label, summary, pytorch ? [pytorch] : [], { target }));
  console.log(benchLine(label, summary, sklearn ? [sklearn] : []));
}
const mine = predict(model, xBatch, nf);
const mineOne = Float32Array.from(rowsOne, (row) => predict(model, row, nf)[0] as number);
for (const [lib, values] of Object.entries(theirs)) {
  const batch = maxAbsDifference(mine, values).toExponential(2);
  const one = maxAbsDifference(mineOne, values).toExponential(2);
  console.log(
    `  max |predict − ${lib}| over ${BATCH} rows, same weights: ${batch} (batch ${BATCH}), ${one} (batch 1, row by row)`,
  );
}
const viaOnnx = await session.run(xBatch, BATCH);
console.log(
  `  max |predict − onnxruntime-node| over ${BATCH} rows, same weights: ${maxAbsDifference(mine, viaOnnx).toExponential(2)}`,
);
await session.close();
model.dispose();
