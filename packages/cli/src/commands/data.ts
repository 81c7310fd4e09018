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

/** `data pull` and `data push`: one transfer with the DVC remote, named or the default. */
function transferCommand(
  name: 'data pull' | 'data push',
  summary: string,
  transfer: typeof pullData | typeof pushData,
): Command {
  return {
    name,
    summary,
    usage: `mlops ${name} [--remote <name>]`,
    options: { remote: { type: 'string' } },
    async run(context) {
      noPositionals(context, name);
      const summary = await transfer(pipelineContext(context), {
        remote: context.values.remote as string | undefined,
      });
      context.print(summary.message);
      return { json: summary, exitCode: ExitCode.ok };
    },
  };
}

export const dataPull = transferCommand(
  'data pull',
  'fetch the data of data.dvc from the DVC remote into the workspace (verified)',
  pullData,
);

export const dataPush = transferCommand(
  'data push',
  'upload the objects the DVC remote is missing',
  pushData,
);

export const dataAdd: Command = {
  name: 'data add',
  summary: 'hash a file or folder into the DVC cache and write its .dvc pointer',
  usage: 'mlops data add <path>',
  options: {},
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
