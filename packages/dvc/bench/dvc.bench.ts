/**
 * Benchmarks for @repo/dvc (not tests). Run: `npm run bench -w @repo/dvc` (RUNS=5 by default,
 * after one warm-up; LARGE_MIB overrides the large file's size). Every line compares medians
 * with baselines timed alternately in the same run (never a stored number):
 * 1. hashFile (streamed, 1 MiB reads) vs readFile + one md5 over the whole buffer.
 * 2. pull of 2,000 small files from a local remote vs `fs.cp` (recursive) of the remote folder:
 *    cold (empty cache and workspace, target ≤ 1.5×), warm (objects cached, workspace empty) and
 *    no-op (everything up to date). Outputs of earlier runs are renamed into a trash folder, so
 *    no run pays for deleting what the one before made.
 * 3. pull of one large file (1 GiB, 512 MiB when the disk is short) vs `fs.copyFile` of the
 *    remote object (target ≤ 1.5×) and vs hashFile of it (the md5 alone: the floor of any pull
 *    that verifies the bytes), with peak RSS (flat: the file is streamed). Outputs go to a trash
 *    folder that an untimed job empties after each writing job.
 */
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchLine, type RunSummary, timeAlternately } from '@repo/bench';
import { objectPath } from '../src/cache-layout';
import { hashFile } from '../src/hash-file';
import { pull } from '../src/pull';
import { largeFileMib, pushedRepo, Trash, writeLargeFile, writeSmallFiles } from './bench-repo';

const RUNS = Number(process.env.RUNS ?? 5);
const TARGET = 1.5;
const SMALL_FILES = 2000;

function line(
  label: string,
  summary: RunSummary | undefined,
  baselineLabel: string,
  base?: RunSummary,
  target?: number,
) {
  if (!summary || !base) throw new Error(`no summary for ${label}`);
  const options = target === undefined ? {} : { target };
  console.log(benchLine(label, summary, [{ label: baselineLabel, summary: base }], options));
}

async function hashBench(dir: string): Promise<void> {
  const big = join(dir, 'hash.bin');
  await writeLargeFile(big, 128);
  const result = await timeAlternately(
    {
      hashFile: () => hashFile(big),
      'readFile + md5': async () =>
        createHash('md5')
          .update(await readFile(big))
          .digest('hex'),
    },
    { runs: RUNS },
  );
  line('hashFile 128 MiB', result.hashFile, 'readFile + md5', result['readFile + md5']);
  await rm(big);
}

async function smallFilesBench(dir: string): Promise<void> {
  const root = join(dir, 'small');
  await pushedRepo(root, 'data', (abs) => writeSmallFiles(abs, SMALL_FILES));
  const trash = new Trash(join(dir, 'trash'));
  const data = join(root, 'data');
  const cache = join(root, '.dvc', 'cache');
  const result = await timeAlternately(
    {
      'fs.cp': async () =>
        cp(join(root, '.dvc', 'remote'), await trash.next(), { recursive: true }),
      cold: async () => {
        await trash.discard(data);
        await trash.discard(cache);
        await pull({ root });
      },
      warm: async () => {
        await trash.discard(data);
        await pull({ root });
      },
      'no-op': () => pull({ root }),
    },
    { runs: RUNS },
  );
  const base = result['fs.cp'];
  const label = `pull ${SMALL_FILES} small files (local remote`;
  line(`${label}, empty cache and workspace)`, result.cold, 'fs.cp of the remote', base, TARGET);
  line(`${label}, objects cached, workspace empty)`, result.warm, 'fs.cp of the remote', base);
  line(`${label}, everything up to date)`, result['no-op'], 'fs.cp of the remote', base);
  await trash.empty();
  await rm(root, { recursive: true, force: true });
}

async function largeFileBench(dir: string): Promise<void> {
  const mib = Number(process.env.LARGE_MIB ?? (await largeFileMib(dir)));
  const root = join(dir, 'large');
  let md5 = '';
  await pushedRepo(root, 'big.bin', async (abs) => {
    await writeLargeFile(abs, mib);
    md5 = (await hashFile(abs)).md5;
  });
  const remoteObject = objectPath(join(root, '.dvc', 'remote'), md5);
  const trash = new Trash(join(dir, 'trash-large'));
  const result = await timeAlternately(
    {
      'fs.copyFile': async () => copyFile(remoteObject, await trash.next()),
      // Untimed in the report: each timed job starts with nothing left of the one before
      // (no file to delete, no dirty pages of its writes still being flushed).
      'cleanup after fs.copyFile': () => trash.empty(),
      'hashFile (md5 alone)': () => hashFile(remoteObject),
      pull: async () => {
        await trash.discard(join(root, 'big.bin'));
        await trash.discard(join(root, '.dvc', 'cache'));
        await pull({ root });
      },
      'cleanup after pull': () => trash.empty(),
    },
    { runs: RUNS },
  );
  const label = `pull one ${mib} MiB file (local remote, empty cache and workspace)`;
  line(label, result.pull, 'fs.copyFile', result['fs.copyFile'], TARGET);
  line(label, result.pull, 'hashFile of the object', result['hashFile (md5 alone)']);
  await rm(root, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-bench-'));
  const only = process.env.BENCH_ONLY;
  try {
    if (!only || only === 'hash') await hashBench(dir);
    if (!only || only === 'small') await smallFilesBench(dir);
    if (!only || only === 'large') await largeFileBench(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
