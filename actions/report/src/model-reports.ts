import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ActionInputError } from '@repo/action-common';
import type { EvaluationSummary } from '@repo/pipeline';
import { assertModelName } from '@repo/registry';

/** `evaluation.json` as the evaluate action writes it (the summary without its markdown). */
export type Evaluation = Omit<EvaluationSummary, 'markdown'>;

/** One model's report as the evaluate action wrote it. */
export interface ModelReport {
  readonly model: string;
  readonly markdown: string;
  readonly evaluation: Evaluation;
}

/** A report file is not what the evaluate action writes. */
export class ReportFormatError extends Error {
  override readonly name = 'ReportFormatError';
}

/** How deep under the report folder `<model>/evaluation.json` is looked for. */
const MAX_DEPTH = 3;

/**
 * The folders at most `MAX_DEPTH` levels under `dir` holding `evaluation.json`: `<dir>/<model>/`
 * as the evaluate action writes it, or `<dir>/<artifact>/<model>/` as actions/download-artifact
 * extracts several artifacts without `merge-multiple`. Sorted.
 */
async function reportFolders(dir: string, depth = 0): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = join(dir, entry.name);
    if (existsSync(join(sub, 'evaluation.json'))) found.push(sub);
    else found.push(...(await reportFolders(sub, depth + 1)));
  }
  return found.sort();
}

/**
 * The reports under `dir` (see `reportFolders`), one per model, sorted by model name; the folder
 * name is the model name. `ActionInputError` (naming `input`) when the folder is missing or
 * holds none; `ReportFormatError` when a model has two reports or a file is not what the
 * evaluate action writes.
 */
export async function readModelReports(
  dir: string,
  input: string,
  options: { readonly allowNone?: boolean } = {},
): Promise<ModelReport[]> {
  if (!existsSync(dir)) {
    if (options.allowNone === true) return [];
    throw new ActionInputError(`input "${input}": ${dir} does not exist`);
  }
  const reports = new Map<string, ModelReport>();
  for (const folder of await reportFolders(dir)) {
    const model = basename(folder);
    assertModelName(model);
    const evaluationFile = join(folder, 'evaluation.json');
    let evaluation: Evaluation;
    try {
      evaluation = JSON.parse(await readFile(evaluationFile, 'utf8')) as Evaluation;
    } catch (cause) {
      throw new ReportFormatError(`${evaluationFile} is not JSON`, { cause });
    }
    if (
      evaluation.model !== model ||
      typeof evaluation.passed !== 'boolean' ||
      !Array.isArray(evaluation.gates)
    ) {
      throw new ReportFormatError(
        `${evaluationFile}: expected the evaluation of "${model}" with "passed" and "gates"`,
      );
    }
    if (reports.has(model)) {
      throw new ReportFormatError(`${dir} holds two reports of "${model}" (${folder})`);
    }
    const markdown = await readFile(join(folder, 'report.md'), 'utf8');
    reports.set(model, { model, markdown, evaluation });
  }
  if (reports.size === 0 && options.allowNone !== true) {
    throw new ActionInputError(
      `input "${input}": ${dir} holds no <model>/evaluation.json (did the evaluate artifact download?)`,
    );
  }
  return [...reports.values()].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

/**
 * The metric the gates are about: the first `no-regression` gate's, else the first gate's, else
 * `rmse`/`accuracy` when the candidate has it; `undefined` when there is none to chart.
 */
export function gatedMetric(evaluation: Evaluation): string | undefined {
  const gates = evaluation.gates.map((g) => g.gate);
  const metric =
    gates.find((g) => g.type === 'no-regression')?.metric ??
    gates.find((g) => g.type !== 'max-group-gap')?.metric;
  if (metric !== undefined) return metric;
  const metrics = evaluation.candidate.metrics;
  return ['rmse', 'accuracy'].find((m) => m in metrics);
}
