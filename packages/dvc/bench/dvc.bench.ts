/**
 * Benchmarks for @repo/dvc (not tests). Run: npm run bench -w @repo/dvc
 * - hashFile (streamed, 1 MiB reads) vs a baseline of readFile + one md5 over the whole buffer.
 * - pull of a directory of many small files from a local remote vs a baseline of fs.cp of
 *   the remote folder (raw copy, no hashing or verification).
 * Prints the median of several runs and the ratio against the baseline.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { add } from '../src/add';
import { hashFile } from '../src/hash-file';
import { pull } from '../src/pull';
import { push } from '../src/push';

const RUNS = 5;

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

function report(name: string, ms: number, baselineMs: number): void {
  console.log(
    `${name}: median ${ms.toFixed(1)} ms, baseline ${baselineMs.toFixed(1)} ms, ratio ${(ms / baselineMs).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-bench-'));
  try {
    const big = join(dir, 'big.bin');
    const bytes = Buffer.alloc(128 * 2 ** 20);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i & 0xff;
    await writeFile(big, bytes);
    const hashMs = await median(() => hashFile(big));
    const baseHashMs = await median(async () =>
      createHash('md5')
        .update(await readFile(big))
        .digest('hex'),
    );
    report('hashFile 128 MiB', hashMs, baseHashMs);

    const root = join(dir, 'repo');
    await mkdir(join(root, '.dvc'), { recursive: true });
    await writeFile(
      join(root, '.dvc', 'config'),
      '[core]\nremote = r\n[\'remote "r"\']\nurl = remote\n',
    );
    for (let i = 0; i < 2000; i += 1) {
      const sub = join(root, 'data', `d${i % 20}`);
      await mkdir(sub, { recursive: true });
      await writeFile(join(sub, `f${i}.txt`), `row ${i}\n`.repeat(50));
    }
    await add({ root, target: 'data' });
    await push({ root });
    const pullMs = await median(async () => {
      await rm(join(root, 'data'), { recursive: true, force: true });
      await rm(join(root, '.dvc', 'cache'), { recursive: true, force: true });
      await pull({ root });
    });
    const copyMs = await median(async () => {
      await rm(join(dir, 'copy'), { recursive: true, force: true });
      await cp(join(root, '.dvc', 'remote'), join(dir, 'copy'), { recursive: true });
    });
    report('pull 2000 small files (local remote, cold cache)', pullMs, copyMs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
