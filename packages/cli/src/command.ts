import type { ParseArgsConfig } from 'node:util';

export interface GlobalOptions {
  readonly root: string | undefined;
  readonly registry: string | undefined;
  readonly backend: string | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

export interface CommandContext {
  readonly globals: GlobalOptions;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** Human-readable output (stdout). Suppressed with --json. */
  readonly print: (text: string) => void;
  /** Diagnostics and progress (stderr). Suppressed with --quiet. */
  readonly log: (text: string) => void;
}

/** What a command returns: a value for --json and the exit code. */
export interface CommandResult {
  readonly json: unknown;
  readonly exitCode: number;
}

export interface Command {
  /** `data pull`, `registry list`, … */
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** `--help` of the command: one `[flag, what it does (default)]` per option of `options`. */
  readonly optionHelp: readonly (readonly [flag: string, text: string])[];
  readonly run: (context: CommandContext) => Promise<CommandResult>;
}

export const globalOptions = {
  root: { type: 'string' },
  registry: { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const globalOptionsHelp = `Global options:
  --root <dir>       repository root (default: the nearest folder above with data.dvc or models/)
  --registry <dir>   file registry folder (default: <root>/.mlops/registry, or $MLOPS_REGISTRY)
  --backend <name>   auto | fused | tensorflow | wasm | cpu (default: auto, or $MLOPS_BACKEND)
  --json             print a JSON document on stdout instead of text
  -q, --quiet        no progress or logs on stderr
  -h, --help         help for the command
Global options go before or after the command.`;
