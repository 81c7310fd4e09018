import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PipelineContext } from './context';
import { DATA_POINTER } from './data-steps';
import { GitCommandError } from './git-command-error';

const exec = promisify(execFile);

/** The branch a model's retraining pull request comes from. */
export function retrainBranchName(model: string): string {
  return `mlops/retrain/${model}`;
}

/** The committed DVC remote of the template (a local-path remote inside the repository). */
export const COMMITTED_REMOTE = '.dvc/storage';

export interface RetrainBranchOptions {
  readonly message: string;
  /** Who commits (the bot of the token that pushes). */
  readonly author: { readonly name: string; readonly email: string };
  /** The git remote to push to; default `origin`. */
  readonly remote?: string;
}

export interface RetrainBranchResult {
  readonly branch: string;
  /**
   * `pushed`: the branch now holds the new data version; `unchanged`: it already held exactly
   * this tree (nothing pushed); `no-change`: the data version is the checked-out one.
   */
  readonly status: 'pushed' | 'unchanged' | 'no-change';
  /** The branch head after the call (undefined for `no-change`). */
  readonly sha: string | undefined;
}

async function git(root: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await exec('git', [...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (cause) {
    const stderr = (cause as { stderr?: string }).stderr?.trim() ?? '';
    throw new GitCommandError(
      `git ${args[0]} failed in ${root}${stderr === '' ? '' : `: ${stderr}`}`,
      {
        cause,
      },
    );
  }
}

/** Whether `git diff --cached` has changes (exit 1) or none (exit 0). */
async function stagedChanges(root: string): Promise<boolean> {
  try {
    await exec('git', ['diff', '--cached', '--quiet'], { cwd: root });
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code === 1) return true;
    throw new GitCommandError(`git diff failed in ${root}`, { cause: error });
  }
}

/** The tree of `ref` on `remote`, or undefined when the remote has no such branch. */
async function remoteTree(
  root: string,
  remote: string,
  branch: string,
): Promise<string | undefined> {
  const tracking = `refs/remotes/${remote}/${branch}`;
  try {
    await git(root, ['fetch', '-q', '--no-tags', remote, `+refs/heads/${branch}:${tracking}`]);
  } catch {
    return undefined;
  }
  return git(root, ['rev-parse', `${tracking}^{tree}`]);
}

/**
 * Commits the retrained data version of `model` (`data.dvc` and the objects `data push` wrote to
 * the committed remote `.dvc/storage`) on {@link retrainBranchName} on top of the checked-out
 * commit, and force-pushes it, unless the remote branch already holds the same tree. Leaves the
 * checkout on that branch.
 */
export async function pushRetrainBranch(
  ctx: PipelineContext,
  model: string,
  options: RetrainBranchOptions,
): Promise<RetrainBranchResult> {
  const root = ctx.paths.root;
  const branch = retrainBranchName(model);
  const remote = options.remote ?? 'origin';
  await git(root, ['add', '--', DATA_POINTER, COMMITTED_REMOTE]);
  if (!(await stagedChanges(root))) return { branch, status: 'no-change', sha: undefined };
  await git(root, ['checkout', '-q', '-B', branch]);
  const { name, email } = options.author;
  await git(root, [
    '-c',
    `user.name=${name}`,
    '-c',
    `user.email=${email}`,
    'commit',
    '-q',
    '-m',
    options.message,
  ]);
  const sha = await git(root, ['rev-parse', 'HEAD']);
  const tree = await git(root, ['rev-parse', 'HEAD^{tree}']);
  const existing = await remoteTree(root, remote, branch);
  if (existing === tree) {
    ctx.log(`${branch} already holds this data version: nothing pushed`);
    return {
      branch,
      status: 'unchanged',
      sha: await git(root, ['rev-parse', `refs/remotes/${remote}/${branch}`]),
    };
  }
  await git(root, ['push', '-q', '--force', remote, `HEAD:refs/heads/${branch}`]);
  ctx.log(`pushed ${branch} at ${sha.slice(0, 12)}`);
  return { branch, status: 'pushed', sha };
}
