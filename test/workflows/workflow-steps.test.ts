import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJob, type StepOverride } from '@repo/workflow-runner';
import { describe, expect, it } from 'vitest';

/** The real workflow files run from the repository root (read-only: steps write under RUNNER_TEMP). */
const root = fileURLToPath(new URL('../../', import.meta.url));
const workflow = (name: string) => join(root, '.github/workflows', name);
const checkout: StepOverride = () => ({});
const repository = { full_name: 'octo/models', default_branch: 'main' };

describe('deploy.yml, job target', () => {
  it('takes the model and version from a release tag', async () => {
    const result = await runJob({
      workflowFile: workflow('deploy.yml'),
      job: 'target',
      event: {
        name: 'release',
        payload: { action: 'published', release: { tag_name: 'house-prices@v1.4.0' }, repository },
      },
      workspace: root,
    });
    expect(result.result).toBe('success');
    expect(result.outputs).toEqual({ model: 'house-prices', version: '1.4.0' });
  });

  it('takes them from the dispatch inputs for a rollback', async () => {
    const result = await runJob({
      workflowFile: workflow('deploy.yml'),
      job: 'target',
      event: {
        name: 'workflow_dispatch',
        payload: { inputs: { model: 'house-prices', version: 'v1.0.0' }, repository },
      },
      workspace: root,
    });
    expect(result.outputs).toEqual({ model: 'house-prices', version: '1.0.0' });
  });

  it('refuses a tag that is not <model>@v<semver>, without running the tag as shell', async () => {
    const result = await runJob({
      workflowFile: workflow('deploy.yml'),
      job: 'target',
      event: {
        name: 'release',
        payload: { release: { tag_name: 'x@v1.0.0$(touch /tmp/pwned)' }, repository },
      },
      workspace: root,
    });
    expect(result.result).toBe('failure');
    expect(result.steps[0]?.annotations[0]?.message).toMatch(/not a model release/);
  });
});

describe('model-report.yml, job report', () => {
  it('checks out the default branch, downloads the run’s reports and skips the report when there are none', async () => {
    const seen: Record<string, string>[] = [];
    const result = await runJob({
      workflowFile: workflow('model-report.yml'),
      job: 'report',
      event: {
        name: 'workflow_run',
        payload: {
          action: 'completed',
          workflow_run: {
            id: 42,
            event: 'pull_request',
            conclusion: 'success',
            head_sha: 'c'.repeat(40),
            pull_requests: [{ number: 3 }],
          },
          repository,
        },
      },
      workspace: root,
      secrets: { GITHUB_TOKEN: 'write-token' },
      stepOverrides: {
        'actions/checkout': (context) => {
          seen.push({ ...context.with });
          return checkout(context);
        },
        'actions/download-artifact': (context) => {
          seen.push({ ...context.with });
          mkdirSync(context.with.path ?? '', { recursive: true });
          return {};
        },
      },
    });
    expect(seen[0]).toEqual({ ref: 'main', 'persist-credentials': 'false' });
    expect(seen[1]).toMatchObject({
      'run-id': '42',
      'github-token': 'write-token',
      pattern: 'model-report-*',
    });
    expect(result.steps.map((step) => [step.id, step.outcome])).toEqual([
      ['__step0', 'success'],
      ['__step1', 'success'],
      ['reports', 'success'],
      ['__step3', 'skipped'],
    ]);
    expect(result.result).toBe('success');
  });

  it('counts the downloaded reports so the report step runs', async () => {
    const result = await runJob({
      workflowFile: workflow('model-report.yml'),
      job: 'report',
      event: {
        name: 'workflow_run',
        payload: {
          workflow_run: {
            id: 1,
            event: 'pull_request',
            conclusion: 'success',
            head_sha: 'd'.repeat(40),
          },
          repository,
        },
      },
      workspace: root,
      stepOverrides: {
        'actions/checkout': checkout,
        'actions/download-artifact': ({ with: inputs }) => {
          const dir = join(inputs.path ?? '', 'model-report-house-prices');
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'report.md'), '# report');
          return {};
        },
        // ./actions/report itself is tested by the end-to-end scenario; here only that it is reached.
        './actions/report': ({ with: inputs }) => ({
          outputs: { sha: inputs.sha ?? '', pr: inputs['pr-number'] ?? '' },
        }),
      },
    });
    expect(result.steps.find((step) => step.id === 'reports')?.outputs.count).toBe('1');
    const report = result.steps.at(-1);
    expect(report?.outcome).toBe('success');
    expect(report?.outputs).toEqual({ sha: 'd'.repeat(40), pr: '' });
  });

  it('does not run for a cancelled model-pr run', async () => {
    const result = await runJob({
      workflowFile: workflow('model-report.yml'),
      job: 'report',
      event: {
        name: 'workflow_run',
        payload: {
          workflow_run: { id: 1, event: 'pull_request', conclusion: 'cancelled' },
          repository,
        },
      },
      workspace: root,
    });
    expect(result.result).toBe('skipped');
  });
});
