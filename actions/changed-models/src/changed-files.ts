import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Thrown when git cannot compare the two commits (e.g. the base is not in a shallow checkout). */
export class GitDiffError extends Error {
  override readonly name = 'GitDiffError';
}

/**
 * The files changed between the merge base of `base` and `head` and `head` (`git diff
 * base...head`, what a pull request shows), relative to the repository root, `/`-separated.
 */
export async function changedFiles(root: string, base: string, head: string): Promise<string[]> {
  try {
    const { stdout } = await run(
      'git',
      ['-c', 'core.quotepath=off', 'diff', '--name-only', '--no-renames', `${base}...${head}`],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout.split('\n').filter((line) => line !== '');
  } catch (cause) {
    const detail = (cause as { stderr?: string }).stderr?.trim();
    throw new GitDiffError(
      `git diff ${base.slice(0, 12)}...${head.slice(0, 12)} failed in ${root}${detail ? `: ${detail}` : ''}`,
      { cause },
    );
  }
}

/** The newest release tag of `model` (`<model>@v<semver>`, version order), if the checkout has one. */
export async function latestReleaseTag(root: string, model: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['tag', '--list', `${model}@v*`, '--sort=-v:refname'], {
      cwd: root,
    });
    return stdout.split('\n').find((line) => /@v\d+\.\d+\.\d+$/.test(line));
  } catch (cause) {
    throw new GitDiffError(`git tag --list failed in ${root}`, { cause });
  }
}
