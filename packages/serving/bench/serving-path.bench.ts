// The serving path of one record, in process, no HTTP: `LoadedModel.predict([record])`
// (validation, preprocessing, the network, the inverse target transform) on a published release
// of the example model, next to its parts on the same records: validation alone, preprocessing
// alone and the network alone (`predict` of @repo/train on the preprocessed row). µs-scale work:
// each timed run makes CALLS calls and the lines report time per call. Target: under 20 µs.
// Run: npm run bench -w @repo/serving (RUNS=5 by default)

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchLine, type RunSummary, timeAlternately } from '@repo/bench';
import { parsePreprocessor, transformRecords } from '@repo/features';
import { loadModel, predict } from '@repo/train';
import { loadRelease, PREPROCESSOR_FILE } from '../src/load-release';
import { findWarnings, validateRecords } from '../src/validate-records';
import {
  cacheDir,
  MODEL,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from '../test/release-fixture';

const RUNS = Number(process.env.RUNS ?? 5);
const CALLS = 10_000;
const TARGET_US = 20;

const release = await publishHousePrices();
// The backend serving picks by default (`auto`; MLOPS_BACKEND overrides), as `mlops serve` does.
const model = await loadRelease(release.registry, MODEL, 'production', {
  cacheDir: await cacheDir(),
});
const preprocessorPath = join(model.dir, PREPROCESSOR_FILE);
const preprocessor = parsePreprocessor(await readFile(preprocessorPath, 'utf8'), preprocessorPath);
const network = await loadModel(model.dir);
const records = recordsOf(release.data, release.data.split.test).slice(0, 100);
const rows = records.map((record) => transformRecords(preprocessor, [record]));
const width = rows[0]?.width ?? 0;

function loop(call: (i: number) => unknown): () => void {
  return () => {
    for (let i = 0; i < CALLS; i++) call(i % records.length);
  };
}

const one = (i: number) => [records[i] as (typeof records)[number]];
const summaries = await timeAlternately(
  {
    'LoadedModel.predict, 1 record': loop((i) => model.predict(one(i))),
    'validation only': loop((i) => {
      validateRecords(preprocessor, one(i));
      findWarnings(model.features, one(i));
    }),
    'preprocessing only': loop((i) => transformRecords(preprocessor, one(i))),
    'network only (predict, batch 1)': loop((i) =>
      predict(network, (rows[i] as (typeof rows)[number]).x, width),
    ),
  },
  { runs: RUNS },
);

const perCall = (summary: RunSummary): RunSummary => ({
  ...summary,
  medianMs: summary.medianMs / CALLS,
  minMs: summary.minMs / CALLS,
});
console.log(
  `\nserving path of one record, in process (${MODEL}@v${release.version} on ${model.backend}): ` +
    `per call over ${CALLS} calls per run (${records.length} test records in turn), ${RUNS} runs after 1 warm-up`,
);
for (const [label, summary] of Object.entries(summaries)) {
  const line = benchLine(label, perCall(summary));
  if (label !== 'LoadedModel.predict, 1 record') console.log(`  ${line}`);
  else {
    const us = perCall(summary).medianMs * 1000;
    console.log(`${line} | target < ${TARGET_US} µs ${us < TARGET_US ? 'met' : 'MISSED'}`);
  }
}
network.dispose();
model.dispose();
await removeTemporaryDirs();
