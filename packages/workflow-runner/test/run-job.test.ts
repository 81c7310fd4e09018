import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { type RunJobOptions, runJob, UnhandledStepError } from '../src/index';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
let workspace: string;

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'workflow-runner-test-'));
  cpSync(fixtures, workspace, { recursive: true });
});

const pullRequest = {
  name: 'pull_request',
  payload: {
    number: 7,
    pull_request: {
      number: 7,
      title: 'a "title" with $(echo injected) and `backticks`',
      head: { sha: 'a'.repeat(40), ref: 'feature' },
      base: { sha: 'b'.repeat(40), ref: 'main' },
    },
    repository: { full_name: 'octo/models' },
  },
};

const options = (job: string, extra: Partial<RunJobOptions> = {}): RunJobOptions => ({
  workflowFile: join(workspace, 'workflow.yml'),
  job,
  event: pullRequest,
  workspace,
  matrix: { model: 'house-prices' },
  secrets: { GITHUB_TOKEN: 'token-123' },
  stepOverrides: {
    'actions/checkout': ({ with: inputs }) => ({ outputs: { ref: inputs.ref ?? '' } }),
  },
  ...extra,
});

describe('runJob', () => {
  it('runs a local action as node with INPUT_* variables, defaults and the event file', async () => {
    const result = await runJob(options('main'));
    const greet = result.steps.find((step) => step.id === 'greet');
    expect(greet?.outcome).toBe('success');
    expect(greet?.outputs.message).toBe('Hello, house-prices');
    expect(greet?.outputs.event).toBe('pull_request#7');
    expect(greet?.outputs.token).toBe('token-123');
    expect(greet?.outputs.cwd).toBe(workspace);
    expect(greet?.outputs.ci).toBe(`true|Linux|${'a'.repeat(40)}|refs/pull/7/merge`);
  });

  it('parses heredoc outputs whose value lines contain = signs', async () => {
    const result = await runJob(options('main'));
    expect(result.outputs.lines).toBe('line one\nline two = still two');
  });

  it('chains outputs into later steps and job outputs, and layers env from workflow, job, GITHUB_ENV and step', async () => {
    const result = await runJob(options('main'));
    const shell = result.steps.find((step) => step.id === 'shell');
    expect(shell?.outputs.seen).toBe(
      'Hello, house-prices|set by the action|workflow|job-house-prices|octo/models',
    );
    expect(result.outputs.message).toBe('Hello, house-prices');
    expect(result.outputs.checkout).toBe(`${'a'.repeat(40)}-house-prices`);
  });

  it('passes untrusted text through env without the shell interpreting it', async () => {
    const result = await runJob(options('main'));
    expect(result.steps.find((step) => step.id === 'shell')?.outputs.title).toBe(
      'a "title" with $(echo injected) and `backticks`',
    );
  });

  it('adds GITHUB_PATH entries to later steps and honours working-directory', async () => {
    const result = await runJob(options('main'));
    const tool = result.steps.find((step) => step.id === 'tool');
    expect(tool?.outputs).toEqual({ tool: 'tool-ran', dir: 'sub' });
  });

  it('skips a step whose if: is false and runs it when true', async () => {
    const onPr = await runJob(options('main'));
    expect(onPr.steps.find((step) => step.id === 'dispatch-only')?.outcome).toBe('skipped');
    const onDispatch = await runJob(
      options('main', { event: { name: 'workflow_dispatch', payload: { inputs: {} } } }),
    );
    expect(onDispatch.steps.find((step) => step.id === 'dispatch-only')?.outputs.ran).toBe('yes');
  });

  it('collects the step summary and runs the post step with the saved state', async () => {
    const result = await runJob(options('main'));
    expect(result.summary).toBe('### greeted house-prices\n');
    const post = result.steps.at(-1);
    expect(post?.name).toBe('Post Run ./actions/echo');
    expect(post?.outcome).toBe('success');
    expect(readFileSync(join(result.runnerTemp, 'post.txt'), 'utf8')).toBe('post saw house-prices');
  });

  it('stops at a failing step, skips the rest, and runs failure() steps', async () => {
    const result = await runJob(options('failing'));
    expect(result.result).toBe('failure');
    expect(result.steps.map((step) => [step.id, step.outcome])).toEqual([
      ['before', 'success'],
      ['boom', 'failure'],
      ['after', 'skipped'],
      ['on-failure', 'success'],
    ]);
    expect(result.steps[1]?.outputs).toEqual({ partial: 'yes' });
    expect(result.steps[1]?.error).toMatch(/exited with 1/);
    expect(result.steps[3]?.outputs.boom).toBe('failure');
  });

  it('keeps the job going past a failed continue-on-error step and records its annotations', async () => {
    const result = await runJob(options('tolerated'));
    const greet = result.steps[0];
    expect(greet?.outcome).toBe('failure');
    expect(greet?.conclusion).toBe('success');
    expect(greet?.annotations).toContainEqual({ level: 'error', message: 'asked to fail' });
    expect(result.steps[1]?.outputs.seen).toBe('failure/success');
    expect(result.result).toBe('success');
  });

  it('evaluates a job-level if: against needs', async () => {
    const ran = await runJob(
      options('gated', { needs: { main: { outputs: { message: 'hi' }, result: 'success' } } }),
    );
    expect(ran.steps[0]?.outputs.got).toBe('hi');
    const skipped = await runJob(options('gated', { needs: { main: { outputs: {} } } }));
    expect(skipped.result).toBe('skipped');
    expect(skipped.steps.every((step) => step.outcome === 'skipped')).toBe(true);
  });

  it('fails loudly on a third-party action without a step override', async () => {
    await expect(runJob(options('unhandled'))).rejects.toBeInstanceOf(UnhandledStepError);
  });

  it('marks the step failed when a step override throws', async () => {
    const result = await runJob(
      options('main', {
        stepOverrides: {
          'actions/checkout': () => {
            throw new Error('no clone');
          },
        },
      }),
    );
    expect(result.result).toBe('failure');
    expect(result.steps.find((step) => step.id === 'checkout')?.error).toBe('no clone');
  });
});
