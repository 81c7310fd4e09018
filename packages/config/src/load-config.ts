import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { canonicalJson } from './canonical-json';
import { crossFieldIssues } from './cross-field-rules';
import { type ConfigIssue, ConfigReadError, ConfigValidationError } from './errors';
import { parsePath, schemaIssues } from './schema-issues';
import type { ModelConfig } from './types';

export interface LoadedConfig {
  readonly config: ModelConfig;
  /** The file it was read from. */
  readonly file: string;
  /** sha256 of the canonical JSON of the configuration (key order and formatting do not matter). */
  readonly hash: string;
  /** The line of `path` (as issues name it, e.g. `data.files[0]`) in the file, if it has one. */
  readonly lineOf: (path: string) => number | undefined;
}

/**
 * Reads, parses and validates `models/<name>/model.yaml` (or `.json`).
 * The model's folder name must equal `name`. Every problem is reported at once, each with its
 * path, line, what was expected and what was found.
 */
export async function loadModelConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ConfigReadError(file, 'cannot read the model configuration', { cause });
  }
  return parseModelConfig(text, file, basename(dirname(file)));
}

/** Parses and validates configuration text; `file` is used in messages only. */
export function parseModelConfig(text: string, file: string, expectedName?: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const at = syntaxError.linePos?.[0] ?? lineCounter.linePos(syntaxError.pos[0]);
    throw new ConfigReadError(
      file,
      `not valid YAML${at === undefined ? '' : ` (line ${at.line}, column ${at.col})`}: ${syntaxError.message.split('\n')[0]}`,
      {
        cause: syntaxError,
      },
    );
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigValidationError(file, [
      {
        path: '(document)',
        expected: 'a mapping of keys',
        found: data === null || data === undefined ? 'an empty file' : JSON.stringify(data),
      },
    ]);
  }
  let issues = schemaIssues(data);
  if (issues.length === 0) issues = crossFieldIssues(data as ModelConfig, expectedName);
  if (issues.length > 0) {
    throw new ConfigValidationError(
      file,
      issues.map((issue) => withLine(issue, document.contents, lineCounter)),
    );
  }
  const config = data as ModelConfig;
  const lineOf = (path: string) =>
    withLine({ path, expected: '', found: '' }, document.contents, lineCounter).line;
  return { config, file, hash: configHash(config), lineOf };
}

/**
 * sha256 of the configuration as canonical JSON (sorted keys), without its `monitoring:` section:
 * how drift is watched does not change what is trained, so it neither retrains nor alters lineage.
 */
export function configHash(config: ModelConfig): string {
  const { monitoring: _monitoring, ...training } = config;
  return createHash('sha256').update(canonicalJson(training)).digest('hex');
}

function withLine(issue: ConfigIssue, root: unknown, lineCounter: LineCounter): ConfigIssue {
  const segments = parsePath(issue.path);
  // Walk as deep as the document goes: a missing key reports the line of its parent.
  let node = root as Node | null | undefined;
  let offset: number | undefined = (node as { range?: [number] } | undefined)?.range?.[0];
  for (const segment of segments) {
    let next: unknown;
    let keyOffset: number | undefined;
    if (typeof segment === 'number' && isSeq(node)) next = node.items[segment];
    else if (typeof segment === 'string' && isMap(node)) {
      const pair = node.items.find(
        (item) => (item.key as { value?: unknown } | null)?.value === segment,
      );
      next = pair?.value;
      keyOffset = (pair?.key as { range?: [number] } | null | undefined)?.range?.[0];
    }
    if (next === undefined && keyOffset === undefined) break;
    offset = keyOffset ?? (next as { range?: [number] } | null)?.range?.[0] ?? offset;
    node = next as Node | null;
  }
  return offset === undefined ? issue : { ...issue, line: lineCounter.linePos(offset).line };
}
