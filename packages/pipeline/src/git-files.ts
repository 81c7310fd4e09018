import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Largest file read from a commit (a pull request's data objects included). */
const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * The bytes of `path` at commit `sha` of the repository at `root` (`git show sha:path`), or
 * undefined when the commit has no such file. Reading a file runs nothing of it.
 */
export async function fileAtCommit(
  root: string,
  sha: string,
  path: string,
): Promise<Buffer | undefined> {
  try {
    const { stdout } = await run('git', ['show', `${sha}:${path}`], {
      cwd: root,
      encoding: 'buffer',
      maxBuffer: MAX_BUFFER,
    });
    return stdout;
  } catch {
    return undefined;
  }
}

/** The files under `dir` at commit `sha` (`git ls-tree -r`), repository-relative; none if absent. */
export async function filesAtCommit(root: string, sha: string, dir: string): Promise<string[]> {
  try {
    const { stdout } = await run('git', ['ls-tree', '-r', '--name-only', sha, '--', dir], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}
