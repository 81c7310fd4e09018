import type { DatasetDriftResult } from '@repo/drift';
import type { DriftReportData } from './drift-report-data';
import { percent } from './percent';

const rounded = (share: number) => `${Math.round(share * 100)}%`;

function columnsLine(dataset: DatasetDriftResult): string {
  const n = dataset.columns.length;
  if (dataset.driftedColumns === 0) return `No drift: none of ${n} columns drifted`;
  const counted = `Drift detected for ${dataset.driftedColumns} of ${n} columns (${rounded(dataset.share)})`;
  return dataset.drifted
    ? `${counted}: dataset drift`
    : `${counted}: below the dataset drift share of ${percent(dataset.driftShare)}`;
}

/**
 * The report's first line: "Drift detected for 7 of 12 columns (58%): dataset drift", "No drift:
 * none of 12 columns drifted", or "Too few rows: 40 in the window, 100 needed"; a degraded
 * metric is added ("; rmse degraded").
 */
export function headline(report: DriftReportData): string {
  const { lineage, dataset, concept } = report;
  if (dataset === null) {
    return `Too few rows: ${lineage.currentRows} in the window, ${lineage.minRows} needed for a verdict`;
  }
  const degraded = concept?.degraded === true ? `; ${concept.metric} degraded` : '';
  return `${columnsLine(dataset)}${degraded}`;
}
