/**
 * The runner's file commands: `GITHUB_OUTPUT`, `GITHUB_ENV` and `GITHUB_STATE` hold `name=value`
 * lines or heredocs (`name<<DELIMITER`, value lines, `DELIMITER`), as @actions/core writes them;
 * `GITHUB_PATH` holds one directory per line.
 */
import { EnvFileError } from './errors';

/**
 * Parses a `GITHUB_OUTPUT`/`GITHUB_ENV`/`GITHUB_STATE` file. Like the runner, a line is
 * `name=value` when its first `=` comes before any `<<`, else it opens a heredoc; empty lines are
 * skipped, a later value for the same name wins. `file` only names the file in errors.
 */
export function parseEnvFile(content: string, file: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (name === '') throw new EnvFileError(file, i + 1, 'empty name before =');
      values[name] = line.slice(equals + 1);
      continue;
    }
    if (heredoc <= 0)
      throw new EnvFileError(file, i + 1, `neither name=value nor name<<DELIMITER: ${line}`);
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    if (delimiter === '')
      throw new EnvFileError(file, i + 1, `empty heredoc delimiter for ${name}`);
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== delimiter) end++;
    if (end >= lines.length) {
      throw new EnvFileError(file, i + 1, `heredoc of ${name} is not closed by ${delimiter}`);
    }
    values[name] = lines.slice(start, end).join('\n');
    i = end;
  }
  return values;
}

/** Parses a `GITHUB_PATH` file: one directory per non-empty line, in the order written. */
export function parsePathFile(content: string): string[] {
  return content.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** An `::error`/`::warning`/`::notice` workflow command a step printed. */
export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly message: string;
}

/** Unescapes a workflow command's data (`%25`, `%0D`, `%0A`), as the runner does. */
function unescapeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Collects the annotations (`::error::msg`, `::warning file=x::msg`, …) from a step's stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: [^:]*)?::(.*)$/.exec(line);
    if (match) {
      annotations.push({
        level: match[1] as Annotation['level'],
        message: unescapeData(match[2] ?? ''),
      });
    }
  }
  return annotations;
}
