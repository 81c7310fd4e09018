import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionInputError } from '@repo/action-common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Evaluation,
  gatedMetric,
  ReportFormatError,
  readModelReports,
} from '../src/model-reports';

let dir: string;

async function writeReport(model: string, evaluation: object, under = ''): Promise<void> {
  const folder = join(dir, under, model);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'evaluation.json'), JSON.stringify(evaluation));
  await writeFile(join(folder, 'report.md'), `<!-- mlops-report:${model} -->\n## ${model}\n`);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reports-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readModelReports', () => {
  it('reads every model folder holding evaluation.json, sorted by name', async () => {
    await writeReport('zeta', { model: 'zeta', passed: false, gates: [] });
    await writeReport('alpha', { model: 'alpha', passed: true, gates: [] });
    await mkdir(join(dir, 'not-a-report'));
    const reports = await readModelReports(dir, 'report-path');
    expect(reports.map((r) => [r.model, r.evaluation.passed])).toEqual([
      ['alpha', true],
      ['zeta', false],
    ]);
    expect(reports[0]?.markdown).toBe('<!-- mlops-report:alpha -->\n## alpha\n');
  });

  it('finds reports one level down, as download-artifact extracts several artifacts', async () => {
    await writeReport('beta', { model: 'beta', passed: true, gates: [] }, 'model-report-beta');
    await writeReport('alpha', { model: 'alpha', passed: true, gates: [] }, 'model-report-alpha');
    const reports = await readModelReports(dir, 'report-path');
    expect(reports.map((r) => r.model)).toEqual(['alpha', 'beta']);
  });

  it('refuses two reports of one model', async () => {
    await writeReport('alpha', { model: 'alpha', passed: true, gates: [] }, 'one');
    await writeReport('alpha', { model: 'alpha', passed: true, gates: [] }, 'two');
    await expect(readModelReports(dir, 'report-path')).rejects.toThrow(/two reports of "alpha"/);
  });

  it('names the input when the folder is missing or holds no report', async () => {
    await expect(readModelReports(join(dir, 'missing'), 'report-path')).rejects.toThrow(
      ActionInputError,
    );
    await expect(readModelReports(dir, 'report-path')).rejects.toThrow(
      /input "report-path": .* holds no <model>\/evaluation.json/,
    );
  });

  it('refuses an evaluation of another model or without a verdict', async () => {
    await writeReport('alpha', { model: 'beta', passed: true, gates: [] });
    await expect(readModelReports(dir, 'report-path')).rejects.toThrow(ReportFormatError);
  });
});

describe('gatedMetric', () => {
  const evaluation = (gates: object[], metrics: Record<string, number> = {}) =>
    ({ gates: gates.map((gate) => ({ gate })), candidate: { metrics } }) as unknown as Evaluation;

  it('prefers the no-regression gate, then any gate with a plain metric', () => {
    expect(
      gatedMetric(
        evaluation([
          { type: 'max', metric: 'latency_p95_ms', value: 5 },
          { type: 'no-regression', metric: 'rmse', tolerance: 0.02 },
        ]),
      ),
    ).toBe('rmse');
    expect(gatedMetric(evaluation([{ type: 'min', metric: 'r2', value: 0.5 }]))).toBe('r2');
  });

  it('falls back to rmse or accuracy when the candidate has it, else nothing', () => {
    expect(gatedMetric(evaluation([], { accuracy: 0.9 }))).toBe('accuracy');
    expect(
      gatedMetric(evaluation([{ type: 'max-group-gap', metric: 'mae', group: 'g', value: 1 }])),
    ).toBeUndefined();
  });
});
