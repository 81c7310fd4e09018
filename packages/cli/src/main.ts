import { parseArgs } from 'node:util';
import { classifyError, type ErrorKind } from '@repo/pipeline';
import { InvalidRecordError, ReleaseFormatError, ReleaseNotFoundError } from '@repo/serving';
import { type Command, type CommandContext, globalOptions, globalOptionsHelp } from './command';
import { commands } from './commands/index';
import { ExitCode, exitCodeHelp } from './exit-codes';
import { UsageError } from './usage-error';

/** Runs `mlops` with the given arguments and returns the exit code. The only place that catches. */
export async function main(argv: readonly string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { command, rest } = findCommand(argv);
    if (command === undefined) {
      process.stdout.write(`${topLevelHelp()}\n`);
      return rest.length === 0 || rest.includes('--help') || rest.includes('-h')
        ? ExitCode.ok
        : usage(`unknown command "${rest.join(' ')}"`);
    }
    const parsed = parseCommandLine(command, rest);
    json = parsed.globals.json;
    if (parsed.values.help === true) {
      process.stdout.write(`${commandHelp(command)}\n`);
      return ExitCode.ok;
    }
    const context: CommandContext = {
      ...parsed,
      print: (text) => {
        if (!parsed.globals.json) process.stdout.write(`${text}\n`);
      },
      log: (text) => {
        if (!parsed.globals.quiet) process.stderr.write(`${text}\n`);
      },
    };
    const result = await command.run(context);
    if (parsed.globals.json) process.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
    return result.exitCode;
  } catch (error) {
    return report(error, json);
  }
}

function usage(message: string): number {
  throw new UsageError(message);
}

function report(error: unknown, json: boolean): number {
  const kind =
    error instanceof UsageError ? 'usage' : (servingErrorKind(error) ?? classifyError(error));
  const exitCode =
    kind === 'usage'
      ? ExitCode.usage
      : kind === 'input'
        ? ExitCode.invalidInput
        : kind === 'integrity'
          ? ExitCode.integrity
          : ExitCode.internal;
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ error: { name, kind, message, exitCode } }, null, 2)}\n`,
    );
  }
  process.stderr.write(`mlops: ${message}\n`);
  if (kind === 'usage') process.stderr.write('Run `mlops --help` for the commands and options.\n');
  if (kind === 'internal' && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
    if (error.cause !== undefined) process.stderr.write(`caused by: ${String(error.cause)}\n`);
  }
  return exitCode;
}

function findCommand(argv: readonly string[]): { command: Command | undefined; rest: string[] } {
  const words = argv.slice(0, 2).filter((word) => !word.startsWith('-'));
  for (let take = words.length; take > 0; take--) {
    const name = words.slice(0, take).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command !== undefined) return { command, rest: argv.slice(take) };
  }
  return { command: undefined, rest: [...argv] };
}

function parseCommandLine(command: Command, args: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    throw new UsageError(`${command.name}: ${(cause as Error).message}`, { cause });
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const backend = (values.backend as string | undefined) ?? process.env.MLOPS_BACKEND;
  if (backend !== undefined && !['auto', 'tensorflow', 'wasm', 'cpu'].includes(backend)) {
    throw new UsageError(`--backend must be auto, tensorflow, wasm or cpu, not "${backend}"`);
  }
  return {
    positionals: parsed.positionals,
    values,
    globals: {
      root: values.root as string | undefined,
      registry: (values.registry as string | undefined) ?? process.env.MLOPS_REGISTRY,
      backend,
      json: values.json === true,
      quiet: values.quiet === true,
    },
  };
}

function topLevelHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'mlops: train, evaluate, register and promote the models of this repository.',
    '',
    'Usage: mlops <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    globalOptionsHelp,
    '',
    exitCodeHelp,
    '',
    'Run `mlops <command> --help` for a command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `mlops ${command.name}: ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    globalOptionsHelp,
    '',
    exitCodeHelp,
  ].join('\n');
}

/** Errors of `mlops serve` (the serving package sits above the pipeline, so it is classified here). */
function servingErrorKind(error: unknown): ErrorKind | undefined {
  if (error instanceof ReleaseFormatError) return 'integrity';
  if (error instanceof InvalidRecordError || error instanceof ReleaseNotFoundError) return 'input';
  return undefined;
}
