import { parseArgs } from 'node:util';
import { classifyError, type ErrorKind } from '@repo/pipeline';
import { BACKEND_PREFERENCES } from '@repo/train/backend-names';
import { type Command, type CommandContext, globalOptions, globalOptionsHelp } from './command';
import { commands } from './commands/index';
import { errorMessage } from './error-message';
import { ExitCode, exitCodeHelp } from './exit-codes';
import { UsageError } from './usage-error';
import { cliVersion } from './version';

/** Runs `mlops` with the given arguments and returns the exit code. The only place that catches. */
export async function main(argv: readonly string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { command, rest } = findCommand(argv);
    if (command === undefined) return topLevel(rest);
    const group = rest.length === 0 ? groupHelp(command.name) : undefined;
    if (group !== undefined) {
      process.stdout.write(`${group}\n`);
      return ExitCode.ok;
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

/** `mlops`, `mlops --help`, `mlops --version`, `mlops data` (a group alone lists its commands). */
function topLevel(rest: readonly string[]): number {
  const words = rest.filter((word) => !word.startsWith('-'));
  if (words.length === 0 && rest.includes('--version')) {
    process.stdout.write(`${versionLine(rest.includes('--json'))}\n`);
    return ExitCode.ok;
  }
  const group = groupHelp(words[0]);
  if (group !== undefined) {
    if (words.length === 1) {
      process.stdout.write(`${group}\n`);
      return ExitCode.ok;
    }
    process.stderr.write(`${group}\n`);
    return usage(`unknown command "${words.join(' ')}"`);
  }
  if (
    words.length === 0 &&
    rest.every((word) => ['--help', '-h', '--json', '--quiet', '-q'].includes(word))
  ) {
    process.stdout.write(`${topLevelHelp()}\n`);
    return ExitCode.ok;
  }
  process.stderr.write(`${topLevelHelp()}\n`);
  return usage(`unknown command "${rest.join(' ')}"`);
}

function usage(message: string): number {
  throw new UsageError(message);
}

const EXIT_CODE_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  usage: ExitCode.usage,
  input: ExitCode.invalidInput,
  integrity: ExitCode.integrity,
  internal: ExitCode.internal,
};

/** Prints an error (a stack trace only for an internal one) and returns the exit code its class carries. */
function report(error: unknown, json: boolean): number {
  const kind = classifyError(error);
  const exitCode = EXIT_CODE_OF_KIND[kind];
  const name = error instanceof Error ? error.name : 'Error';
  const message = errorMessage(error);
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

/** Global options that take a value: the word after them is not a command. */
const VALUE_OPTIONS = new Set(
  Object.entries(globalOptions)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`),
);

/** The command named by the first words that are not options (global options may come first). */
function findCommand(argv: readonly string[]): { command: Command | undefined; rest: string[] } {
  const positions: number[] = [];
  for (let i = 0; i < argv.length && positions.length < 2; i++) {
    const word = argv[i] ?? '';
    if (VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith('-')) positions.push(i);
    else if (positions.length > 0) break;
  }
  for (let take = positions.length; take > 0; take--) {
    const taken = positions.slice(0, take);
    if (taken.some((at, k) => k > 0 && at !== (taken[k - 1] ?? 0) + 1)) continue;
    const name = taken.map((at) => argv[at]).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command !== undefined) {
      return { command, rest: argv.filter((_, at) => !taken.includes(at)) };
    }
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
  if (backend !== undefined && !(BACKEND_PREFERENCES as readonly string[]).includes(backend)) {
    throw new UsageError(
      `--backend must be one of ${BACKEND_PREFERENCES.join(', ')}, not "${backend}"`,
    );
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
    '  --version          the version of mlops and of Node.js',
    '',
    'Run `mlops <command> --help` for a command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const width = Math.max(0, ...command.optionHelp.map(([flag]) => flag.length));
  const options =
    command.optionHelp.length === 0
      ? []
      : [
          'Options:',
          ...command.optionHelp.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
          '',
        ];
  return [
    `mlops ${command.name}: ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    ...options,
    globalOptionsHelp,
    '',
    exitCodeHelp,
  ].join('\n');
}

/** The commands of a group (`data`, `registry`, `drift`), or undefined when `word` names none. */
function groupHelp(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const members = commands.filter((c) => c.name === word || c.name.startsWith(`${word} `));
  if (members.length === 0 || members.every((c) => c.name === word)) return undefined;
  const width = Math.max(...members.map((c) => c.name.length));
  return [
    `mlops ${word}: one of these commands`,
    '',
    ...members.map((c) => `  mlops ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run \`mlops ${word} <command> --help\` for one of them.`,
  ].join('\n');
}

function versionLine(json: boolean): string {
  const versions = { mlops: cliVersion, node: process.versions.node };
  return json
    ? JSON.stringify(versions, null, 2)
    : `mlops ${versions.mlops} (node ${versions.node})`;
}
