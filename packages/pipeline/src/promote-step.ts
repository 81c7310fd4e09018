import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ModelVersion, nextVersion, type VersionBump } from '@repo/registry';
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
import type { EvaluationSummary } from './evaluate-step';
import { renderModelCard } from './model-card';
import { candidateDir } from './workspace';

export type PromotionStatus = 'promoted' | 'unchanged' | 'gates-failed';

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
  TRAINING_RECORD,
  PROFILE_FILE,
  METRICS_FILE,
  MODEL_CARD_FILE,
  REPORT_FILE,
] as const;

/**
 * Publishes the evaluated candidate as the next version and makes it production, unless a gate
 * failed or the candidate is bit-identical to a version already registered (then nothing new is
 * registered). Version rules: major when the input schema changed, otherwise minor, unless
 * `bump` says otherwise; the first version is 1.0.0.
 */
export async function promoteModel(
  ctx: PipelineContext,
  model: string,
  options: {
    readonly bump?: VersionBump | undefined;
    /**
     * Make the new version production at once (default: true, the local loop). On GitHub it is
     * false: the release is published here, and production moves when the deploy workflow's
     * deployment succeeds.
     */
    readonly setProduction?: boolean;
    /** Where the version came from, linked from the model card (the release notes on GitHub). */
    readonly links?: { readonly runUrl?: string; readonly pullRequestUrl?: string };
  } = {},
): Promise<PromotionSummary> {
  const setProduction = options.setProduction ?? true;
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

  const versions = await ctx.registry.list(model);
  const same = versions.find((v) => v.lineage.artifactDigest === record.lineage.artifactDigest);
  if (same !== undefined) {
    const production = await ctx.registry.resolve(model, 'production');
    if (setProduction && production?.version !== same.version)
      await ctx.registry.promote(model, same.version, 'identical retraining of this version');
    return {
      model,
      status: 'unchanged',
      version: same.version,
      tag: same.tag,
      bump: null,
      message: `${model}: the candidate is bit-identical to ${same.tag} (artifact ${record.lineage.artifactDigest.slice(0, 12)}); nothing new registered${!setProduction || production?.version === same.version ? '' : `, ${same.tag} is production again`}.`,
    };
  }

  const latest = versions[0];
  const bump = options.bump ?? (await schemaBump(ctx, latest, record));
  const version = nextVersion(latest?.version, bump);
  const production = evaluation.production ?? undefined;
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
