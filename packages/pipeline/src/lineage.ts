import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a model came from: enough to reproduce it and to trace it back to a commit and data version. */
export interface Lineage {
  readonly model: string;
  /** md5 of the DVC-tracked data (the `.dir` md5 from data.dvc). */
  readonly dataMd5: string;
  readonly dataFiles: readonly string[];
  /** Rows in the data version (all splits). */
  readonly dataRows: number;
  readonly gitCommit: string;
  /** True when the working tree had uncommitted changes at training time. */
  readonly gitDirty: boolean;
  /** sha256 of the canonical JSON of model.yaml. */
  readonly configHash: string;
  /** sha256 of the trained files (weights, topology, preprocessing): equal digests, equal models. */
  readonly artifactDigest: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly backend: string;
  readonly seed: number;
  readonly trainingMs: number;
  readonly epochsRun: number;
  readonly trainedAt: string;
  readonly [key: string]: unknown;
}

/** The commit of HEAD and whether the tree is dirty; `unknown` outside a git repository. */
export async function gitState(root: string): Promise<{ commit: string; dirty: boolean }> {
  try {
    const { stdout: commit } = await run('git', ['rev-parse', 'HEAD'], { cwd: root });
    const { stdout: status } = await run('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
    });
    return { commit: commit.trim(), dirty: status.trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}
