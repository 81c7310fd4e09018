import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type GitHubConnection, pipelineContextFor } from '@repo/action-common/github';
import { syncDriftIssue } from '@repo/github';
import { driftCheck, driftHeadline, renderDriftMarkdown, writeDriftOutputs } from '@repo/pipeline';
import type { Inputs } from './inputs';

/** Where the drift job's lines go (the action's log and step summary; a test's arrays). */
export interface DriftLog {
  info(line: string): void;
  summary(markdown: string): Promise<void>;
}

export interface DriftOutcome {
  readonly verdict: 'drift' | 'no-drift' | 'too-few-rows';
  readonly retrain: boolean;
  /** The folder holding drift.md, drift.html and drift.json. */
  readonly reportPath: string;
  readonly issueNumber: number | undefined;
}

/**
 * The drift check of `inputs.model` against production on this repository's releases, its
 * reports written to `reportPath` and the step summary, and the model's drift issue kept current.
 */
export async function checkDrift(
  connection: Pick<GitHubConnection, 'client' | 'github' | 'registry' | 'where'>,
  inputs: Inputs,
  log: DriftLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DriftOutcome> {
  const { client, github, where } = connection;
  const ctx = pipelineContextFor(connection, inputs.backend, log.info);
  const check = await driftCheck(ctx, inputs.model, {
    ...(inputs.current === undefined ? {} : { current: inputs.current }),
  });
  const { report } = check;
  const reportPath = resolve(
    github.workspace,
    inputs.reportDir ?? join(env.RUNNER_TEMP || tmpdir(), 'mlops-drift', inputs.model),
  );
  await mkdir(reportPath, { recursive: true });
  await writeDriftOutputs(report, {
    markdown: join(reportPath, 'drift.md'),
    html: join(reportPath, 'drift.html'),
    json: join(reportPath, 'drift.json'),
  });
  const markdown = renderDriftMarkdown(report);
  const headline = driftHeadline(report);
  log.info(`${inputs.model}: ${headline}`);
  await log.summary(markdown);
  const issue = await syncDriftIssue(client, {
    ...where,
    model: inputs.model,
    verdict: report.status,
    report: markdown,
    headline,
    author: inputs.issueAuthor,
    runUrl: github.runUrl,
  });
  log.info(
    issue.number === undefined
      ? `${inputs.model}: no drift issue`
      : `${inputs.model}: drift issue #${issue.number} ${issue.action}`,
  );
  return {
    verdict: report.status,
    retrain: report.retrain.recommended,
    reportPath,
    issueNumber: issue.number,
  };
}
