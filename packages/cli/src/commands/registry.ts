import { listModels, type ModelVersion } from '@repo/pipeline';
import { formatCount, formatNumber } from '@repo/report';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { pipelineContext, requirePositional } from './shared';

export const registryList: Command = {
  name: 'registry list',
  summary: 'list the registered versions of every model (or one)',
  usage: 'mlops registry list [<model>]',
  options: {},
  optionHelp: [],
  async run(context) {
    const ctx = pipelineContext(context);
    const models =
      context.positionals.length > 0 ? [...context.positionals] : await listModels(ctx.paths);
    const result: Record<string, { production: string | null; versions: ModelVersion[] }> = {};
    for (const model of models) {
      const versions = await ctx.registry.list(model);
      const production = await ctx.registry.resolve(model, 'production');
      result[model] = { production: production?.version ?? null, versions };
      context.print(`${model}${versions.length === 0 ? ': no versions' : ''}`);
      for (const v of versions) {
        const marker = v.version === production?.version ? ' (production)' : '';
        const rmse = v.metrics.rmse === undefined ? '' : `  rmse ${formatNumber(v.metrics.rmse)}`;
        context.print(
          `  ${v.tag}  ${v.createdAt}  data ${String(v.lineage.dataMd5).slice(0, 8)}${rmse}${marker}`,
        );
      }
    }
    return { json: result, exitCode: ExitCode.ok };
  },
};

export const registryShow: Command = {
  name: 'registry show',
  summary: 'show one version: assets, checksums, metrics, lineage',
  usage: 'mlops registry show <model> [<version>|production|latest]',
  options: {},
  optionHelp: [],
  async run(context) {
    const [model, ref = 'production'] = context.positionals;
    if (model === undefined) throw new UsageError('registry show: missing <model>');
    const ctx = pipelineContext(context);
    const version = await ctx.registry.resolve(model, ref);
    if (version === undefined)
      throw new UsageError(`registry show: ${model} has no version "${ref}"`);
    context.print(`${version.tag} (created ${version.createdAt})`);
    context.print('assets:');
    for (const asset of version.assets)
      context.print(`  ${asset.sha256}  ${asset.name} (${formatCount(asset.size)} bytes)`);
    context.print('metrics:');
    for (const [name, value] of Object.entries(version.metrics))
      context.print(
        `  ${name}: ${typeof value === 'number' ? formatNumber(value) : String(value)}`,
      );
    context.print('lineage:');
    for (const [name, value] of Object.entries(version.lineage)) {
      context.print(
        `  ${name}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
      );
    }
    return { json: version, exitCode: ExitCode.ok };
  },
};

export const registryRollback: Command = {
  name: 'registry rollback',
  summary:
    'move production back to the previous (or an earlier) production version, after verifying its files',
  usage: 'mlops registry rollback <model> [--to <version>]',
  options: { to: { type: 'string' } },
  optionHelp: [
    ['--to <version>', 'the version to make production (default: the previous production version)'],
  ],
  async run(context) {
    const model = requirePositional(context, 'model', 'registry rollback');
    const to = context.values.to as string | undefined;
    const ctx = pipelineContext(context);
    const version = await ctx.registry.rollback(model, 'mlops registry rollback', {
      ...(to === undefined ? {} : { to }),
    });
    context.print(`${model}: production is now ${version.tag}`);
    return { json: version, exitCode: ExitCode.ok };
  },
};
