import { readdirSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { createContext, type PipelineContext } from '@repo/pipeline';
import type { BackendPreference } from '@repo/train/backend-names';
import type { CommandContext } from '../command';
import { UsageError } from '../usage-error';

/** The pipeline context for a command: root, registry, backend and logging from the global options. */
export function pipelineContext(context: CommandContext): PipelineContext {
  // `--root` must be a folder: a missing one throws ENOENT (exit 3) instead of finding no models.
  if (context.globals.root !== undefined) readdirSync(context.globals.root);
  return createContext({
    root: context.globals.root,
    registryDir: context.globals.registry,
    backend: context.globals.backend as BackendPreference | undefined,
    log: context.log,
    progress: context.globals.quiet ? null : process.stderr,
  });
}

/** The single positional argument `name` of a command, or a usage error. */
export function requirePositional(context: CommandContext, name: string, command: string): string {
  const value = context.positionals[0];
  if (value === undefined) throw new UsageError(`${command}: missing <${name}>`);
  if (context.positionals.length > 1)
    throw new UsageError(`${command}: unexpected argument "${context.positionals[1]}"`);
  return value;
}

export function noPositionals(context: CommandContext, command: string): void {
  if (context.positionals.length > 0)
    throw new UsageError(`${command}: unexpected argument "${context.positionals[0]}"`);
}

/** A file as the user can open it: relative to the current folder when inside it. */
export function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
}
