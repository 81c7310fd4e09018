/** Scratch repositories for the @repo/dvc benchmarks: a pushed dataset and a trash folder. */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { add } from '../src/add';
import { push } from '../src/push';

const CONFIG = '[core]\nremote = r\n[\'remote "r"\']\nurl = remote\n';

/** A repository with a local remote at `.dvc/remote`, tracking `target` (added and pushed). */
export async function pushedRepo(
  root: string,
  target: string,
  write: (abs: string) => Promise<void>,
): Promise<void> {
  await mkdir(join(root, '.dvc'), { recursive: true });
  await writeFile(join(root, '.dvc', 'config'), CONFIG);
  await write(join(root, target));
  await add({ root, target });
  await push({ root });
}

/** `count` small text files spread over 20 folders (as the original bench). */
export async function writeSmallFiles(dir: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const sub = join(dir, `d${i % 20}`);
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `f${i}.txt`), `row ${i}\n`.repeat(50));
  }
}

/** A file of `mib` MiB of random bytes, written in 1 MiB chunks (never held in memory whole). */
export async function writeLargeFile(path: string, mib: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = randomBytes(2 ** 20);
  for (let i = 0; i < mib; i += 1) {
    chunk.writeUInt32LE(i, 0);
    if (!out.write(Buffer.from(chunk)))
      await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done, fail) => {
    out.once('error', fail);
    out.end(() => done());
  });
}

/** 1024 MiB, or 512 MiB when the disk holding `dir` has less than 8 GiB free. */
export async function largeFileMib(dir: string): Promise<number> {
  const fs = await statfs(dir);
  return fs.bavail * fs.bsize >= 8 * 2 ** 30 ? 1024 : 512;
}

/**
 * Moves paths out of the way in O(1) (a rename into a trash folder on the same filesystem), so
 * a timed run does not pay for deleting what the previous run made; `empty()` deletes it all.
 */
export class Trash {
  #count = 0;
  constructor(readonly dir: string) {}
  async discard(path: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.#count += 1;
    await rename(path, join(this.dir, String(this.#count))).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
  }
  /** A fresh path in the trash folder, for a job to write its output to. */
  async next(): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    this.#count += 1;
    return join(this.dir, String(this.#count));
  }
  async empty(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
