import {
  addData,
  generateExampleData,
  pullData,
  pushData,
  dataStatus as readDataStatus,
} from '@repo/pipeline';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { noPositionals, pipelineContext, requirePositional } from './shared';

export const dataPull: Command = {
  name: 'data pull',
  summary:
    'fetch the data of data.dvc from the DVC remote into the workspace (verified; keeps unsaved edits unless --force)',
  usage: 'mlops data pull [--remote <name>] [--force]',
  options: { remote: { type: 'string' }, force: { type: 'boolean', default: false } },
  optionHelp: [
    ['--remote <name>', 'the DVC remote to pull from (default: the core.remote of .dvc/config)'],
    ['--force', 'overwrite data files with unsaved edits (default: refuse, exit 3)'],
  ],
  async run(context) {
    noPositionals(context, 'data pull');
    const summary = await pullData(pipelineContext(context), {
      remote: context.values.remote as string | undefined,
      force: context.values.force === true,
    });
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};

export const dataPush: Command = {
  name: 'data push',
  summary: 'upload the objects the DVC remote is missing',
  usage: 'mlops data push [--remote <name>]',
  options: { remote: { type: 'string' } },
  optionHelp: [
    ['--remote <name>', 'the DVC remote to push to (default: the core.remote of .dvc/config)'],
  ],
  async run(context) {
    noPositionals(context, 'data push');
    const summary = await pushData(pipelineContext(context), {
      remote: context.values.remote as string | undefined,
    });
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};

export const dataAdd: Command = {
  name: 'data add',
  summary: 'hash a file or folder into the DVC cache and write its .dvc pointer',
  usage: 'mlops data add <path>',
  options: {},
  optionHelp: [],
  async run(context) {
    const target = requirePositional(context, 'path', 'data add');
    const summary = await addData(pipelineContext(context), target);
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};

export const dataStatus: Command = {
  name: 'data status',
  summary: 'what differs between the workspace, the DVC cache and the remote',
  usage: 'mlops data status',
  options: {},
  optionHelp: [],
  async run(context) {
    noPositionals(context, 'data status');
    const summary = await readDataStatus(pipelineContext(context));
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};

export const dataGenerateExample: Command = {
  name: 'data generate-example',
  summary: "write the template's example house-sales data (deterministic) into data/",
  usage: 'mlops data generate-example [--rows <n>] [--seed <n>]',
  options: { rows: { type: 'string' }, seed: { type: 'string' } },
  optionHelp: [
    ['--rows <n>', 'how many sales to write, at least 100 (default: 12000)'],
    ['--seed <n>', 'the random seed: same rows and seed, same bytes (default: 42)'],
  ],
  async run(context) {
    noPositionals(context, 'data generate-example');
    const summary = await generateExampleData(pipelineContext(context), {
      rows: context.values.rows === undefined ? undefined : Number(context.values.rows),
      seed: context.values.seed === undefined ? undefined : Number(context.values.seed),
    });
    context.print(summary.message);
    return { json: summary, exitCode: ExitCode.ok };
  },
};
