import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ModelVersion, nextVersion, productionState, type VersionBump } from '@repo/registry';
import { MODEL_FILES } from './artifact-digest';
import {
  EVALUATION_RECORD,
  METRICS_FILE,
  MODEL_CARD_FILE,
  PROFILE_FILE,
  REPORT_FILE,
  readJsonRecord,
  TRAINING_RECORD,
  type TrainingRecord,
} from './candidate-files';
import type { PipelineContext } from './context';
import { StaleCandidateError } from './errors';
import type { EvaluationSummary } from './evaluate-step';
import { renderModelCard } from './model-card';
import { ONNX_FILE, writeOnnxAsset } from './onnx-asset';
import { candidateDir } from './workspace';

/**
 * `promoted`: a new version is registered (and production when asked); `unchanged`: the candidate
 * is a registered version (made production when asked); `rollback-kept`: the candidate is a
 * version a rollback took out of production, and production stays where the rollback put it;
 * `gates-failed`: nothing registered.
 */
export type PromotionStatus = 'promoted' | 'unchanged' | 'rollback-kept' | 'gates-failed';

export interface PromotionSummary {
  readonly model: string;
  readonly status: PromotionStatus;
  /** The version now in production (new or existing). */
  readonly version: string | null;
  readonly tag: string | null;
  readonly bump: VersionBump | null;
  readonly message: string;
}

/** Every file a version carries, in the order they are published. */
const ASSETS = [
  ...MODEL_FILES,
  ONNX_FILE,
  TRAINING_RECORD,
  PROFILE_FILE,
  METRICS_FILE,
  MODEL_CARD_FILE,
  REPORT_FILE,
] as const;

/** How `promoteModel` registers and promotes. */
export interface PromoteOptions {
  readonly bump?: VersionBump | undefined;
  /**
   * Make the new version production at once (default: true, the local loop). On GitHub it is
   * false: the release is published here, and production moves when the deploy workflow's
   * deployment succeeds.
   */
  readonly setProduction?: boolean;
  /**
   * The user asked for this promotion (`mlops promote`): a candidate bit-identical to a version
   * that was rolled back makes it production again. Otherwise (`mlops pipeline`) the rollback
   * stands.
   */
  readonly overrideRollback?: boolean;
  /** Where the version came from, linked from the model card (the release notes on GitHub). */
  readonly links?: { readonly runUrl?: string; readonly pullRequestUrl?: string };
}

/**
 * Publishes the evaluated candidate as the next version and makes it production, unless a gate
 * failed or the candidate is bit-identical to a version already registered (then nothing new is
 * registered, see `promoteExisting`). Version rules: major when the input schema changed,
 * otherwise minor, unless `bump` says otherwise; the first version is 1.0.0. Choosing the
 * version, publishing it and moving production hold the registry's write lock.
 */
export async function promoteModel(
  ctx: PipelineContext,
  model: string,
  options: PromoteOptions = {},
): Promise<PromotionSummary> {
  const dir = candidateDir(ctx.paths, model);
  const record = await readJsonRecord<TrainingRecord>(
    dir,
    TRAINING_RECORD,
    `run \`mlops train ${model}\` first`,
  );
  const evaluation = await readJsonRecord<EvaluationSummary>(
    dir,
    EVALUATION_RECORD,
    `run \`mlops evaluate ${model}\` first`,
  );
  if (evaluation.candidate.lineage.artifactDigest !== record.lineage.artifactDigest) {
    return refuse(model, 'the evaluation is of another candidate: run `mlops evaluate` again');
  }
  if (!evaluation.passed) {
    const failed = evaluation.gates.filter((g) => !g.passed).map((g) => g.reason);
    return refuse(
      model,
      `not promoted: ${failed.length} quality gate(s) failed (${failed.join('; ')})`,
    );
  }

  return ctx.registry.withWriteLock(model, () =>
    publishCandidate(ctx, { model, dir, record, evaluation }, options),
  );
}

interface Candidate {
  readonly model: string;
  readonly dir: string;
  readonly record: TrainingRecord;
  readonly evaluation: EvaluationSummary;
}

async function publishCandidate(
  ctx: PipelineContext,
  { model, dir, record, evaluation }: Candidate,
  options: PromoteOptions,
): Promise<PromotionSummary> {
  const setProduction = options.setProduction ?? true;
  const versions = await ctx.registry.list(model);
  const same = versions.find((v) => v.lineage.artifactDigest === record.lineage.artifactDigest);
  if (same !== undefined) return promoteExisting(ctx, same, record, options);

  if (setProduction) await assertProductionUnchanged(ctx, model, evaluation);
  const latest = versions[0];
  const bump = options.bump ?? (await schemaBump(ctx, latest, record));
  const version = nextVersion(latest?.version, bump);
  const production = evaluation.production ?? undefined;
  // Validated in ONNX Runtime before anything is published: a failure publishes nothing.
  await writeOnnxAsset(ctx, {
    model,
    version,
    dir,
    architecture: record.config.model,
    task: record.config.task,
  });
  const card = renderModelCard({
    config: record.config,
    version,
    candidate: evaluation.candidate,
    production,
    gates: evaluation.gates,
    testRows: evaluation.testRows,
    trainRows: evaluation.trainRows,
    links: options.links ?? {},
  });
  await writeFile(join(dir, MODEL_CARD_FILE), card);
  const published = await ctx.registry.publish({
    model,
    version,
    notes: card,
    files: ASSETS.map((name) => ({ name, path: join(dir, name) })),
    lineage: { ...record.lineage, parentVersion: production?.version },
    metrics: evaluation.candidate.metrics,
  });
  if (setProduction) await ctx.registry.promote(model, version, `promoted by mlops (${bump} bump)`);
  return {
    model,
    status: 'promoted',
    version,
    tag: published.tag,
    bump,
    message: `${model}: registered ${published.tag} (${bump}${latest === undefined ? ', first version' : ` after ${latest.tag}`})${setProduction ? ' and made it production' : ''}.`,
  };
}

/**
 * The candidate is bit-identical to `same`: nothing new is registered. When asked for production,
 * `same` becomes production, unless a rollback took it out of production and this is not an
 * explicit promotion (`overrideRollback`): then production stays, and the summary says why.
 */
async function promoteExisting(
  ctx: PipelineContext,
  same: ModelVersion,
  record: TrainingRecord,
  options: PromoteOptions,
): Promise<PromotionSummary> {
  const { model } = same;
  const identical = `${model}: the candidate is bit-identical to ${same.tag} (artifact ${record.lineage.artifactDigest.slice(0, 12)}); nothing new registered`;
  const unchanged = { model, version: same.version, tag: same.tag, bump: null } as const;
  const production = await ctx.registry.resolve(model, 'production');
  if (options.setProduction === false || production?.version === same.version) {
    return { ...unchanged, status: 'unchanged', message: `${identical}.` };
  }
  const rollback = productionState(await ctx.registry.history(model)).rolledBack.get(same.version);
  if (rollback !== undefined && options.overrideRollback !== true) {
    return {
      model,
      status: 'rollback-kept',
      version: production?.version ?? null,
      tag: production?.tag ?? null,
      bump: null,
      message: `${identical}; ${same.tag} was rolled back at ${rollback.at}${rollback.reason === undefined ? '' : ` (${rollback.reason})`}, so production stays ${production?.tag ?? 'unset'}. Run \`mlops promote ${model}\` to make ${same.tag} production again.`,
    };
  }
  await ctx.registry.promote(
    model,
    same.version,
    rollback === undefined
      ? 'identical retraining of this version'
      : 'promoted again after a rollback (mlops promote)',
  );
  return {
    ...unchanged,
    status: 'unchanged',
    message: `${identical}, ${same.tag} is production again.`,
  };
}

/** The gates compared the candidate with a production that another writer has replaced since. */
async function assertProductionUnchanged(
  ctx: PipelineContext,
  model: string,
  evaluation: EvaluationSummary,
): Promise<void> {
  const evaluated = evaluation.production?.version ?? null;
  const now = (await ctx.registry.resolve(model, 'production'))?.version ?? null;
  if (now === evaluated) return;
  throw new StaleCandidateError(
    `${model}: production changed from ${evaluated ?? 'none'} to ${now ?? 'none'} since the candidate was evaluated: run \`mlops evaluate ${model}\` again`,
  );
}

function refuse(model: string, reason: string): PromotionSummary {
  return {
    model,
    status: 'gates-failed',
    version: null,
    tag: null,
    bump: null,
    message: `${model}: ${reason}`,
  };
}

/** Major when the model reads other input columns (or types) than the latest version, else minor. */
async function schemaBump(
  ctx: PipelineContext,
  latest: ModelVersion | undefined,
  record: TrainingRecord,
): Promise<VersionBump> {
  if (latest === undefined) return 'major';
  const previous = latest.lineage.inputSchema;
  const current = JSON.stringify(record.inputSchema);
  if (previous !== undefined && JSON.stringify(previous) !== current) {
    ctx.log(`${record.model}: input schema changed since ${latest.tag}: major version`);
    return 'major';
  }
  return 'minor';
}
