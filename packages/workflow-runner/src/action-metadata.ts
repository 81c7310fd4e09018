/** An action's `action.yml`: its inputs (with defaults) and how it runs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WorkflowFileError } from './errors';

/** One declared input. */
export interface ActionInput {
  readonly default?: string;
  readonly required?: string;
}

/** What the runner needs from `action.yml`. */
export interface ActionMetadata {
  readonly file: string;
  readonly inputs: Readonly<Record<string, ActionInput>>;
  readonly runs: {
    readonly using: string;
    readonly main?: string;
    readonly pre?: string;
    readonly post?: string;
    readonly 'post-if'?: string;
  };
}

/** Reads `action.yml` (or `action.yaml`) of the action in `directory`. */
export function readActionMetadata(directory: string): ActionMetadata {
  const file = [join(directory, 'action.yml'), join(directory, 'action.yaml')].find((f) =>
    existsSync(f),
  );
  if (file === undefined) {
    throw new WorkflowFileError(join(directory, 'action.yml'), 'no action.yml or action.yaml');
  }
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'), { schema: 'failsafe' });
  } catch (error) {
    throw new WorkflowFileError(file, 'not valid YAML', { cause: error });
  }
  const map = document as Record<string, unknown> | null;
  const runs = map?.runs as Record<string, unknown> | undefined;
  if (typeof runs?.using !== 'string') throw new WorkflowFileError(file, 'runs.using: missing');
  const inputs = (map?.inputs ?? {}) as Record<string, ActionInput | null>;
  return {
    file,
    inputs: Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input ?? {}])),
    runs: runs as unknown as ActionMetadata['runs'],
  };
}
