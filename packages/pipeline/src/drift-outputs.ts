import {
  type DriftReportData,
  renderDriftHtml,
  renderDriftJson,
  renderDriftMarkdown,
} from '@repo/drift-report';
import { writeFileAtomic } from '@repo/registry';

export interface DriftOutputFiles {
  readonly markdown?: string | undefined;
  readonly html?: string | undefined;
  readonly json?: string | undefined;
}

/** Renders the report in every asked format first, then writes each file atomically. */
export async function writeDriftOutputs(
  report: DriftReportData,
  files: DriftOutputFiles,
): Promise<string[]> {
  const planned: [string, string][] = [];
  if (files.markdown !== undefined) planned.push([files.markdown, renderDriftMarkdown(report)]);
  if (files.html !== undefined) planned.push([files.html, renderDriftHtml(report)]);
  if (files.json !== undefined) planned.push([files.json, renderDriftJson(report)]);
  for (const [file, text] of planned) await writeFileAtomic(file, text);
  return planned.map(([file]) => file);
}
