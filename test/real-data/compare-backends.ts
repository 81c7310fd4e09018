/**
 * Trains the example model (the template's data, pulled from its DVC remote) and the King County
 * fixture on the fused kernel and on TF.js' wasm ops, and prints both learning curves' distance
 * and the test metrics, for docs/decisions/0010-fused-mlp-kernel.md:
 *
 *   node --import tsx test/real-data/compare-backends.ts
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pull } from '@repo/dvc';
import { createContext, evaluateModel, trainModel } from '@repo/pipeline';
import { cloneTemplate } from '../helpers/template-repo';
import { createKcHouseWorkspace, KC_HOUSE_MODEL, kcHouseDataPresent } from './kc-house-workspace';

interface Curve {
  readonly loss: number[];
  readonly valLoss: number[];
}

async function run(root: string, model: string, backend: 'fused' | 'wasm') {
  const ctx = createContext({ root, backend, progress: null });
  const trained = await trainModel(ctx, model);
  const evaluation = await evaluateModel(ctx, model);
  const training = JSON.parse(await readFile(join(trained.dir, 'training.json'), 'utf8')) as {
    history: Curve;
  };
  return { trained, metrics: evaluation.candidate.metrics, history: training.history };
}

/** The largest |a − b| / b over the epochs both curves have. */
function worstRelative(a: readonly number[], b: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)) / (b[i] as number));
  }
  return worst;
}

async function compare(label: string, root: string, model: string): Promise<void> {
  const fused = await run(root, model, 'fused');
  const wasm = await run(root, model, 'wasm');
  const line = (name: string, r: typeof fused) =>
    `  ${name}: ${r.trained.epochsRun} epochs (best ${r.trained.bestEpoch}) in ${(r.trained.trainingMs / 1000).toFixed(2)} s, ` +
    `final loss ${r.history.loss.at(-1)?.toFixed(5)}, best val loss ${Math.min(...r.history.valLoss).toFixed(5)}, ` +
    `test rmse ${r.metrics.rmse?.toFixed(0)}, r2 ${r.metrics.r2?.toFixed(4)}`;
  process.stdout.write(
    [
      `${label}:`,
      line('fused', fused),
      line('wasm ', wasm),
      `  curves: worst relative difference per epoch, loss ${worstRelative(fused.history.loss, wasm.history.loss).toFixed(4)}, ` +
        `val loss ${worstRelative(fused.history.valLoss, wasm.history.valLoss).toFixed(4)}`,
      '',
    ].join('\n'),
  );
}

const example = cloneTemplate();
try {
  await pull({ root: example });
  await compare('example model house-prices', example, 'house-prices');
} finally {
  await rm(example, { recursive: true, force: true });
}
if (kcHouseDataPresent()) {
  const { root } = await createKcHouseWorkspace();
  try {
    await compare('King County kc-house-prices', root, KC_HOUSE_MODEL);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
