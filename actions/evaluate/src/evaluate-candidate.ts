import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type GitHubConnection, pipelineContextFor } from '@repo/action-common/github';
import { candidateDir, evaluateModel } from '@repo/pipeline';
import type { Inputs } from './inputs';

/** The files of the candidate folder that make up the report artifact. */
export const REPORT_FILES = ['report.md', 'evaluation.json', 'metrics.json'] as const;

/** The action's log (the runner's in the action, arrays in a test). */
export interface EvaluateLog {
  info(line: string): void;
  /** The job summary (markdown). */
  summary(markdown: string): Promise<void>;
}

export interface EvaluateOutcome {
  readonly passed: boolean;
  /** The report folder (absolute): `<model>/` with `REPORT_FILES` in it. */
  readonly reportPath: string;
}

/**
 * Evaluates the trained candidate of `inputs.model` in the checkout against its quality gates and
 * the production version of the registry, copies the report files to
 * `<report-dir>/<model>/` and writes the report to the job summary.
 */
export async function evaluateCandidate(
  connection: Pick<GitHubConnection, 'github' | 'registry'>,
  inputs: Inputs,
  log: EvaluateLog,
): Promise<EvaluateOutcome> {
  const { github } = connection;
  const ctx = pipelineContextFor(connection, inputs.backend, (line) => log.info(line));
  const summary = await evaluateModel(ctx, inputs.model, {
    ...(github.runUrl === undefined ? {} : { runUrl: github.runUrl }),
  });

  const reportDir = resolve(github.workspace, inputs.reportDir);
  const modelDir = join(reportDir, inputs.model);
  await mkdir(modelDir, { recursive: true });
  const source = candidateDir(ctx.paths, inputs.model);
  for (const name of REPORT_FILES) await copyFile(join(source, name), join(modelDir, name));
  await log.summary(summary.markdown);
  const failed = summary.gates.filter((g) => !g.passed).map((g) => g.reason);
  log.info(
    `${inputs.model}: ${summary.passed ? 'all gates passed' : `gates failed: ${failed.join('; ')}`}; report in ${modelDir}`,
  );
  return { passed: summary.passed, reportPath: reportDir };
}
