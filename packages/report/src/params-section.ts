import { details, markdownTable, untrustedText } from './markdown';
import type { ParamDiffEntry, ParamsDiff } from './params-diff';

/** Tables longer than this are collapsed. */
const COLLAPSE_ROWS = 12;

function paramValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return untrustedText(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * The parameters table from a `dvc params diff`-shaped diff: changed parameters with their
 * production and candidate values, or (with no production) every parameter of the candidate.
 */
export function paramsSection(diff: ParamsDiff, hasProduction: boolean): string {
  const entries: [string, ParamDiffEntry][] = Object.values(diff).flatMap((file) =>
    Object.entries(file),
  );
  if (!hasProduction) {
    if (entries.length === 0) return '';
    const rows = entries.map(([key, entry]) => [untrustedText(key), paramValue(entry.new)]);
    const table = markdownTable(['Parameter', 'Value'], rows);
    return `### Parameters\n\n${details(`All ${entries.length} parameters`, table)}`;
  }
  if (entries.length === 0) {
    return '### Parameters\n\n_No parameter changes from production._';
  }
  const rows = entries.map(([key, entry]) => [
    untrustedText(key),
    paramValue(entry.old),
    paramValue(entry.new),
  ]);
  const table = markdownTable(['Parameter', 'Production', 'Candidate'], rows);
  const noun = entries.length === 1 ? 'parameter' : 'parameters';
  const body =
    entries.length > COLLAPSE_ROWS ? details(`${entries.length} changed ${noun}`, table) : table;
  return `### Parameters\n\n${entries.length} changed ${noun}:\n\n${body}`;
}
