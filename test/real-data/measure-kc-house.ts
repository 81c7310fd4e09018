/**
 * Trains and evaluates the kc-house-prices fixture on the shared King County data, as the test
 * does, and prints the numbers docs/real-data.md quotes:
 *
 *   node --import tsx test/real-data/measure-kc-house.ts [--runs N]
 */
import { rm } from 'node:fs/promises';
import { createContext, evaluateModel, trainModel } from '@repo/pipeline';
import {
  createKcHouseWorkspace,
  KC_HOUSE_CSV,
  KC_HOUSE_MODEL,
  kcHouseDataPresent,
} from './kc-house-workspace';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag < 0 ? 1 : Number(process.argv[runsFlag + 1] ?? '1');

if (!kcHouseDataPresent()) {
  process.stderr.write(`${KC_HOUSE_CSV} is absent: nothing to measure\n`);
  process.exit(1);
}

for (let run = 1; run <= runs; run++) {
  const { root } = await createKcHouseWorkspace();
  try {
    const ctx = createContext({ root, backend: 'wasm', progress: null });
    const started = performance.now();
    const trained = await trainModel(ctx, KC_HOUSE_MODEL);
    const evaluation = await evaluateModel(ctx, KC_HOUSE_MODEL);
    const wallSeconds = (performance.now() - started) / 1000;
    const {
      r2 = Number.NaN,
      rmse = Number.NaN,
      mae = Number.NaN,
      mape = Number.NaN,
    } = evaluation.candidate.metrics;
    const zip = evaluation.candidate.groups.zipcode ?? {};
    const zipMape = Object.values(zip).map((metrics) => metrics.mape ?? Number.NaN);
    process.stdout.write(
      `${JSON.stringify({
        run,
        backend: trained.backend,
        rows: { train: evaluation.trainRows, test: evaluation.testRows },
        r2: Number(r2.toFixed(4)),
        rmse: Math.round(rmse),
        mae: Math.round(mae),
        mape: Number(mape.toFixed(4)),
        epochsRun: trained.epochsRun,
        bestEpoch: trained.bestEpoch,
        stoppedEarly: trained.stoppedEarly,
        trainingSeconds: Number((trained.trainingMs / 1000).toFixed(2)),
        trainAndEvaluateSeconds: Number(wallSeconds.toFixed(2)),
        zipcodes: zipMape.length,
        zipMapeGap: Number((Math.max(...zipMape) - Math.min(...zipMape)).toFixed(4)),
        gatesPassed: evaluation.passed,
        artifactDigest: trained.artifactDigest.slice(0, 16),
      })}\n`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
