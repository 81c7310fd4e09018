import type { ConfigIssue } from './errors';
import { closestMatch } from './suggest';
import type { ModelConfig } from './types';

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

function didYouMean(word: string, candidates: readonly string[]): { hint?: string } {
  const match = closestMatch(word, candidates);
  return match === undefined ? {} : { hint: `did you mean "${match}"?` };
}

/** A workspace path may not be absolute or climb out of the repository. */
function escapesWorkspace(path: string): boolean {
  return /^([/\\]|[a-zA-Z]:)/.test(path) || path.split(/[/\\]/).includes('..');
}

function sourceIssues(config: ModelConfig): ConfigIssue[] {
  const source = config.monitoring?.source;
  if (source === undefined) return [];
  if (typeof source === 'string') {
    if (/^[a-z]+:\/\//i.test(source) && !/^https?:\/\//i.test(source)) {
      return [
        {
          path: 'monitoring.source',
          expected: 'a workspace path or an http(s) URL',
          found: JSON.stringify(source),
        },
      ];
    }
    if (!/^https?:\/\//i.test(source) && escapesWorkspace(source)) {
      return [
        {
          path: 'monitoring.source',
          expected: 'a path inside the workspace (relative, no "..")',
          found: JSON.stringify(source),
        },
      ];
    }
    return [];
  }
  if ((source.path === undefined) === (source.url === undefined)) {
    return [
      {
        path: 'monitoring.source',
        expected: 'exactly one of "path" and "url"',
        found: source.path === undefined ? 'neither' : 'both',
      },
    ];
  }
  if (source.path !== undefined && escapesWorkspace(source.path)) {
    return [
      {
        path: 'monitoring.source.path',
        expected: 'a path inside the workspace (relative, no "..")',
        found: JSON.stringify(source.path),
      },
    ];
  }
  return [];
}

/**
 * Rules of the `monitoring:` section the schema cannot say: per-column drift options name
 * features, the window has a bound, the source stays inside the workspace.
 */
export function monitoringIssues(config: ModelConfig): ConfigIssue[] {
  const monitoring = config.monitoring;
  if (monitoring === undefined) return [];
  const issues = sourceIssues(config);
  const features = config.features.map((f) => f.name);
  for (const name of Object.keys(monitoring.drift?.columns ?? {})) {
    if (!features.includes(name)) {
      issues.push({
        path: `monitoring.drift.columns.${name}`,
        expected: `a feature (${quoted(features)})`,
        found: `"${name}"`,
        ...didYouMean(name, features),
      });
    }
  }
  const window = monitoring.window;
  if (
    window !== undefined &&
    window.last === undefined &&
    window.from === undefined &&
    window.to === undefined
  ) {
    issues.push({
      path: 'monitoring.window',
      expected: 'one of "last", "from" or "to"',
      found: 'only "column"',
    });
  }
  if (window?.last !== undefined && (window.from !== undefined || window.to !== undefined)) {
    issues.push({
      path: 'monitoring.window.last',
      expected: '"last" or "from"/"to", not both',
      found: 'both',
    });
  }
  if (window?.from !== undefined && window.to !== undefined && window.from > window.to) {
    issues.push({
      path: 'monitoring.window.to',
      expected: `a day on or after from (${window.from})`,
      found: JSON.stringify(window.to),
    });
  }
  return issues;
}
