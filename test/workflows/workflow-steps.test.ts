import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  it('checks out the default branch keeping the token for one fetch, fetches the PR head as data, downloads reports and candidates, and always reports', async () => {
    // A real origin holding the pull request's head commit, and a clone as the job's workspace.
    const base = mkdtempSync(join(tmpdir(), 'model-report-'));
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd,
        encoding: 'utf8',
      }).trim();
    git(base, 'init', '-q', '--bare', '-b', 'main', 'origin.git');
    git(base, 'clone', '-q', join(base, 'origin.git'), 'seed');
    git(join(base, 'seed'), 'commit', '-q', '--allow-empty', '-m', 'main');
    git(join(base, 'seed'), 'push', '-q', 'origin', 'main');
    git(join(base, 'seed'), 'checkout', '-q', '-b', 'pr');
    git(join(base, 'seed'), 'commit', '-q', '--allow-empty', '-m', 'pr head');
    const head = git(join(base, 'seed'), 'rev-parse', 'HEAD');
    git(join(base, 'seed'), 'push', '-q', 'origin', 'pr');
    git(base, 'clone', '-q', '--depth=1', `file://${join(base, 'origin.git')}`, 'work');
    const workspace = join(base, 'work');

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
            head_sha: head,
            head_repository: { full_name: 'octo/models' },
            pull_requests: [{ number: 3 }],
          },
          repository,
        },
      },
      workspace,
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
        // ./actions/report itself is tested by the end-to-end scenario; here only what it gets.
        './actions/report': ({ with: inputs }) => {
          seen.push({ ...inputs });
          return {};
        },
      },
    });
    expect(result.result, result.steps.map((s) => s.stderr).join('\n')).toBe('success');
    expect(seen[0]).toEqual({ ref: 'main', 'persist-credentials': 'true' });
    // The head commit is now in the workspace, as data (nothing of it is checked out).
    expect(git(workspace, 'cat-file', '-t', head)).toBe('commit');
    expect(git(workspace, 'rev-parse', 'HEAD')).not.toBe(head);
    expect(seen[1]).toMatchObject({ 'run-id': '42', pattern: 'model-report-*' });
    expect(seen[2]).toMatchObject({ 'run-id': '42', pattern: 'mlops-candidate-*' });
    expect(seen[3]).toMatchObject({
      sha: head,
      'pr-number': '3',
      'head-repository': 'octo/models',
      'candidate-path': expect.stringContaining('candidates'),
    });
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
