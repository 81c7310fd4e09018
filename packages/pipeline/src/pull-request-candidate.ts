import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseModelConfig } from '@repo/config';
import { readDvcConfig } from '@repo/dvc';
import { gatesChangeNotice } from '@repo/report';
import type { PipelineContext } from './context';
import { DATA_POINTER, pullData } from './data-steps';
import { UntrustedCandidateError } from './errors';
import { type EvaluationSummary, evaluateModel } from './evaluate-step';
import { fileAtCommit, filesAtCommit } from './git-files';
import { copyUntrustedCandidate } from './untrusted-files';
import { candidateDir, modelDir } from './workspace';

export interface PullRequestCandidate {
  /** The folder a candidate artifact of the pull request's run was extracted to (untrusted). */
  readonly artifactDir: string;
  /** The pull request's head commit (present in the repository at `ctx.paths.root`). */
  readonly headSha: string;
}

export interface PullRequestEvaluation {
  readonly summary: EvaluationSummary;
  /** A notice for the top of the report when the pull request changes the model's gates. */
  readonly gatesNotice: string | undefined;
}

const OBJECT_PATH = /^files\/md5\/[0-9a-f]{2}\/[0-9a-f]{30}(\.dir)?$/;

/**
 * Puts the objects of the committed local DVC remote at the pull request's head into the cache:
 * a pull request may add a data version there. The pull then verifies every object's md5 before
 * it is used, so where an object came from does not matter.
 */
async function seedCacheFromCommit(root: string, sha: string): Promise<void> {
  const config = await readDvcConfig(root);
  const remote =
    config.defaultRemote === undefined ? undefined : config.remotes[config.defaultRemote];
  if (remote === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(remote.url)) return;
  const inRepo = relative(root, remote.url);
  if (inRepo.startsWith('..') || inRepo === '') return;
  const prefix = `${inRepo.split(sep).join('/')}/`;
  for (const path of await filesAtCommit(root, sha, prefix)) {
    const key = path.slice(prefix.length);
    const target = join(config.cacheDir, ...key.split('/'));
    if (!OBJECT_PATH.test(key) || existsSync(target)) continue;
    const bytes = await fileAtCommit(root, sha, path);
    if (bytes === undefined) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(`${target}.seed-${process.pid}`, bytes);
    await rename(`${target}.seed-${process.pid}`, target);
  }
}

/**
 * Evaluates a pull request's candidate with THIS checkout's code (the default branch's): the
 * pull request's `model.yaml` and data pointer are read from its head commit as data, its data
 * version is pulled and md5-verified, the candidate's files are checked and copied, and the
 * report is rendered here. What the pull request run reported about itself is never used.
 */
export async function evaluatePullRequestCandidate(
  ctx: PipelineContext,
  model: string,
  candidate: PullRequestCandidate,
): Promise<PullRequestEvaluation> {
  const root = ctx.paths.root;
  const configRel = `models/${model}/model.yaml`;
  const config = await fileAtCommit(root, candidate.headSha, configRel);
  if (config === undefined) {
    throw new UntrustedCandidateError(
      `${configRel} does not exist at ${candidate.headSha.slice(0, 12)}`,
    );
  }
  const configFile = join(modelDir(ctx.paths, model), 'model.yaml');
  const before = existsSync(configFile)
    ? parseModelConfig(await readFile(configFile, 'utf8'), configFile, model).config.gates
    : undefined;
  const after = parseModelConfig(config.toString('utf8'), configRel, model).config.gates;
  await mkdir(dirname(configFile), { recursive: true });
  await writeFile(configFile, config);
  const pointer = await fileAtCommit(root, candidate.headSha, DATA_POINTER);
  if (pointer !== undefined) await writeFile(join(root, DATA_POINTER), pointer);
  await seedCacheFromCommit(root, candidate.headSha);
  await pullData(ctx, { force: true });
  await copyUntrustedCandidate(candidate.artifactDir, candidateDir(ctx.paths, model));
  const summary = await evaluateModel(ctx, model);
  return { summary, gatesNotice: gatesChangeNotice(before, after) };
}
