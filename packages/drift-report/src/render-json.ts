import type { DriftReportData } from './drift-report-data';

/** Non-finite numbers have no JSON form: ±∞ and NaN are written as their names (strings). */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** Every number of the report as JSON (2-space indented, final newline). */
export function renderDriftJson(report: DriftReportData): string {
  return `${JSON.stringify(report, replacer, 2)}\n`;
}
