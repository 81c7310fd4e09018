/**
 * Runs the steps of one job of a workflow file locally, in order, the way the GitHub runner
 * does: `if:` conditions, `${{ }}` expressions, `env` layering, the file commands
 * (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_PATH`, `GITHUB_STATE`, `GITHUB_STEP_SUMMARY`), local
 * JavaScript actions as `node <runs.main>` processes with `INPUT_*` variables (and their
 * `runs.post`), `run:` scripts in bash. Third-party actions are run by the caller's
 * `stepOverrides`; one without an override fails loudly.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { readActionMetadata } from './action-metadata';
import { type Annotation, parseAnnotations, parseEnvFile, parsePathFile } from './env-file';
import { UnhandledStepError, WorkflowFileError } from './errors';
import {
  type ExpressionScope,
  type ExpressionValue,
  evaluateCondition,
  interpolate,
} from './expression';
import {
  type GitHubRunOptions,
  githubContext,
  resolveRun,
  runnerVariables,
} from './github-context';
import { spawnStep } from './spawn-step';
import { readWorkflow, type WorkflowJob, type WorkflowStep } from './workflow-file';

/** What a `stepOverrides` callback receives: the step as the runner would run it. */
export interface StepOverrideContext {
  /** The step's `with:` values, expressions evaluated. */
  readonly with: Readonly<Record<string, string>>;
  /** The environment the step's process would get. */
  readonly env: Readonly<Record<string, string>>;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly step: { readonly id: string; readonly name: string; readonly uses: string };
  /** The `github` context. */
  readonly github: ExpressionValue;
}

/** Runs a third-party step; returning outputs sets `steps.<id>.outputs`, throwing fails the step. */
export type StepOverride = (
  context: StepOverrideContext,
) =>
  | Promise<{ outputs?: Record<string, string> } | undefined>
  | { outputs?: Record<string, string> }
  | undefined;

/** A needed job's result, as `needs.<job>` shows it. */
export interface NeededJob {
  readonly outputs?: Readonly<Record<string, string>>;
  readonly result?: 'success' | 'failure' | 'skipped' | 'cancelled';
}

export interface RunJobOptions {
  /** Path of the workflow file (the file itself is what runs). */
  readonly workflowFile: string;
  /** The job id under `jobs:`. */
  readonly job: string;
  /** The triggering event: its name (`pull_request`, …) and webhook payload. */
  readonly event: { readonly name: string; readonly payload: Record<string, unknown> };
  /** `GITHUB_WORKSPACE`: the checkout, where `./actions/<name>` are looked up. */
  readonly workspace: string;
  /** The runner machine's environment (added to a minimal PATH/HOME base), e.g. service URLs. */
  readonly env?: Readonly<Record<string, string>>;
  /** This job's matrix combination (`matrix` context). */
  readonly matrix?: Readonly<Record<string, ExpressionValue>>;
  /** Results of the jobs in `needs:` (`needs` context). */
  readonly needs?: Readonly<Record<string, NeededJob>>;
  readonly secrets?: Readonly<Record<string, string>>;
  readonly vars?: Readonly<Record<string, string>>;
  /** Repository, sha, ref, URLs, token; unset fields derive from the payload. */
  readonly github?: GitHubRunOptions;
  /** Callbacks for `uses:` references, keyed by the reference without `@ref` (e.g. `actions/checkout`). */
  readonly stepOverrides?: Readonly<Record<string, StepOverride>>;
  /** `RUNNER_TEMP`; default: a new directory under the OS temp dir. */
  readonly runnerTemp?: string;
  /** Kills a step's process after this long; default 10 minutes. */
  readonly stepTimeoutMs?: number;
}

export type StepOutcome = 'success' | 'failure' | 'skipped';

/** One step as it ran (or did not). */
export interface StepResult {
  readonly id: string;
  readonly name: string;
  /** Before `continue-on-error`. */
  readonly outcome: StepOutcome;
  /** After `continue-on-error`. */
  readonly conclusion: StepOutcome;
  readonly outputs: Readonly<Record<string, string>>;
  readonly stdout: string;
  readonly stderr: string;
  readonly annotations: readonly Annotation[];
  /** Why it failed, when it did. */
  readonly error?: string;
}

export interface JobResult {
  readonly result: 'success' | 'failure' | 'skipped';
  /** Main steps in order, then post steps (`Post <name>`) in reverse order. */
  readonly steps: readonly StepResult[];
  /** The job's `outputs:`, evaluated after the steps. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Everything the steps wrote to `GITHUB_STEP_SUMMARY`, in order. */
  readonly summary: string;
  readonly runnerTemp: string;
}

const INHERITED = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'USER', 'SHELL'];

/** `INPUT_<NAME>`: uppercase, spaces to `_`, hyphens kept — as the runner names them. */
export function inputVariableName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}

function shellCommand(shell: string | undefined, script: string): [string, string[]] {
  if (shell === undefined) return ['bash', ['-e', script]];
  if (shell === 'bash') return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', script]];
  if (shell === 'sh') return ['sh', ['-e', script]];
  if (shell.includes('{0}')) {
    const [command, ...args] = shell.split(/\s+/).map((part) => part.replace('{0}', script));
    return [command ?? 'bash', args];
  }
  return [shell, [script]];
}

const mapValues = (
  map: Readonly<Record<string, string>> | undefined,
  fn: (value: string) => string,
): Record<string, string> =>
  Object.fromEntries(Object.entries(map ?? {}).map(([key, value]) => [key, fn(value)]));

/** Runs one job of a workflow file; see the module comment. */
export async function runJob(options: RunJobOptions): Promise<JobResult> {
  const workflow = readWorkflow(options.workflowFile);
  const job: WorkflowJob | undefined = workflow.jobs[options.job];
  if (job === undefined) {
    throw new WorkflowFileError(
      options.workflowFile,
      `no job '${options.job}' (jobs: ${Object.keys(workflow.jobs).join(', ')})`,
    );
  }
  const workspace = resolve(options.workspace);
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'workflow-runner-'));
  mkdirSync(runnerTemp, { recursive: true });
  const commandsDir = join(runnerTemp, '_runner_file_commands');
  mkdirSync(commandsDir, { recursive: true });
  const eventPath = join(runnerTemp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event.payload, null, 2));

  const token = options.github?.token ?? options.secrets?.GITHUB_TOKEN ?? '';
  const run = resolveRun(options.event.name, options.event.payload, { ...options.github, token });
  const jobInfo = {
    id: options.job,
    workflow: workflow.name ?? basename(options.workflowFile),
    workspace,
    eventPath,
    runnerTemp,
  };
  const github = githubContext(run, jobInfo);
  const runnerEnv = runnerVariables(run, jobInfo);
  const baseEnv: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) baseEnv[name] = value;
  }
  Object.assign(baseEnv, options.env);

  const needs: Record<string, ExpressionValue> = {};
  for (const [name, needed] of Object.entries(options.needs ?? {})) {
    needs[name] = { outputs: { ...needed.outputs }, result: needed.result ?? 'success' };
  }
  const inputs =
    options.event.name === 'workflow_dispatch' || options.event.name === 'workflow_call'
      ? ((options.event.payload.inputs ?? {}) as ExpressionValue)
      : {};
  const staticContexts: Record<string, ExpressionValue> = {
    github,
    inputs,
    vars: { ...options.vars },
    secrets: { ...options.secrets, GITHUB_TOKEN: token },
    matrix: { ...options.matrix },
    needs,
    runner: { os: 'Linux', arch: 'X64', temp: runnerTemp, name: 'workflow-runner' },
    job: { status: 'success' },
    strategy: {},
  };
  const neededFailed = Object.values(options.needs ?? {}).some((n) => n.result === 'failure');

  const scope = (
    env: Record<string, string>,
    failed: boolean,
    steps: ExpressionValue,
  ): ExpressionScope => ({
    contexts: { ...staticContexts, env, steps },
    failed,
  });

  // Workflow env sees no `env`; job env sees the workflow's.
  const workflowEnv = mapValues(workflow.env, (v) => interpolate(v, scope({}, false, {})));
  const jobEnv = {
    ...workflowEnv,
    ...mapValues(job.env, (v) => interpolate(v, scope(workflowEnv, false, {}))),
  };

  const stepsContext: Record<string, ExpressionValue> = {};
  const results: StepResult[] = [];
  const addedEnv: Record<string, string> = {};
  const addedPath: string[] = [];
  let summary = '';
  let failed = neededFailed;
  const posts: {
    step: WorkflowStep;
    id: string;
    name: string;
    actionDir: string;
    state: Record<string, string>;
    stepEnv: Record<string, string>;
    inputsEnv: Record<string, string>;
  }[] = [];

  const jobRuns = evaluateCondition(job.if, scope(jobEnv, neededFailed, {}));
  const defaults = { ...workflow.defaults?.run, ...job.defaults?.run };
  const timeoutMs = options.stepTimeoutMs ?? 600_000;

  const processEnv = (stepEnv: Record<string, string>): Record<string, string> => {
    const env = { ...baseEnv, ...jobEnv, ...addedEnv, ...stepEnv, ...runnerEnv };
    if (addedPath.length > 0) env.PATH = [...addedPath, env.PATH ?? ''].join(delimiter);
    return env;
  };

  /** Runs `execute` with fresh file-command files; collects outputs, env, path, summary, state. */
  const withFileCommands = async (
    index: string,
    execute: (files: Record<string, string>) => Promise<{
      ok: boolean;
      stdout: string;
      stderr: string;
      error?: string;
      outputs?: Record<string, string>;
    }>,
  ) => {
    const files = {
      GITHUB_OUTPUT: join(commandsDir, `set_output_${index}`),
      GITHUB_ENV: join(commandsDir, `set_env_${index}`),
      GITHUB_PATH: join(commandsDir, `add_path_${index}`),
      GITHUB_STATE: join(commandsDir, `save_state_${index}`),
      GITHUB_STEP_SUMMARY: join(commandsDir, `step_summary_${index}`),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const executed = await execute(files);
    const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    let outputs: Record<string, string> = {};
    let state: Record<string, string> = {};
    let error = executed.error;
    let ok = executed.ok;
    try {
      outputs = {
        ...parseEnvFile(read(files.GITHUB_OUTPUT), files.GITHUB_OUTPUT),
        ...executed.outputs,
      };
      Object.assign(addedEnv, parseEnvFile(read(files.GITHUB_ENV), files.GITHUB_ENV));
      state = parseEnvFile(read(files.GITHUB_STATE), files.GITHUB_STATE);
    } catch (cause) {
      ok = false;
      error = cause instanceof Error ? cause.message : String(cause);
    }
    addedPath.unshift(...parsePathFile(read(files.GITHUB_PATH)).reverse());
    const stepSummary = read(files.GITHUB_STEP_SUMMARY);
    if (stepSummary !== '')
      summary += stepSummary.endsWith('\n') ? stepSummary : `${stepSummary}\n`;
    return { ok, outputs, state, stdout: executed.stdout, stderr: executed.stderr, error };
  };

  const runNode = async (index: string, script: string, env: Record<string, string>) =>
    withFileCommands(index, async (files) => {
      const result = await spawnStep(process.execPath, [script], {
        cwd: workspace,
        env: { ...env, ...files },
        timeoutMs,
      });
      return {
        ok: result.code === 0,
        stdout: result.stdout,
        stderr: result.stderr,
        error:
          result.error ??
          (result.code === 0 ? undefined : `node ${script} exited with ${result.code}`),
      };
    });

  for (const [position, step] of job.steps.entries()) {
    const id = step.id ?? `__step${position}`;
    const name =
      step.name ?? (step.run !== undefined ? `Run ${step.run.split('\n')[0]}` : `Run ${step.uses}`);
    const index = String(position);
    const record = (result: Omit<StepResult, 'id' | 'name' | 'conclusion'>) => {
      const continueOnError =
        interpolate(
          step['continue-on-error'] ?? 'false',
          scope(jobEnv, failed, stepsContext),
        ).trim() === 'true';
      const conclusion: StepOutcome =
        result.outcome === 'failure' && continueOnError ? 'success' : result.outcome;
      results.push({ id, name, conclusion, ...result });
      stepsContext[id] = { outputs: { ...result.outputs }, outcome: result.outcome, conclusion };
      if (conclusion === 'failure') failed = true;
    };

    const envSoFar = { ...jobEnv, ...addedEnv };
    if (!jobRuns || !evaluateCondition(step.if, scope(envSoFar, failed, stepsContext))) {
      record({ outcome: 'skipped', outputs: {}, stdout: '', stderr: '', annotations: [] });
      continue;
    }
    let result: Omit<StepResult, 'id' | 'name' | 'conclusion'>;
    try {
      const stepEnv = mapValues(step.env, (v) =>
        interpolate(v, scope(envSoFar, failed, stepsContext)),
      );
      const stepScope = scope({ ...envSoFar, ...stepEnv }, failed, stepsContext);
      const withValues = mapValues(step.with, (v) => interpolate(v, stepScope));
      if (step.run !== undefined) {
        const scriptFile = join(runnerTemp, `step_${index}.sh`);
        writeFileSync(scriptFile, interpolate(step.run, stepScope));
        const directory = step['working-directory'] ?? defaults['working-directory'];
        const cwd =
          directory === undefined
            ? workspace
            : resolve(workspace, interpolate(directory, stepScope));
        const [command, args] = shellCommand(step.shell ?? defaults.shell, scriptFile);
        const ran = await withFileCommands(index, async (files) => {
          const spawned = await spawnStep(command, args, {
            cwd,
            env: { ...processEnv(stepEnv), ...files },
            timeoutMs,
          });
          return {
            ok: spawned.code === 0,
            stdout: spawned.stdout,
            stderr: spawned.stderr,
            error:
              spawned.error ??
              (spawned.code === 0 ? undefined : `${command} exited with ${spawned.code}`),
          };
        });
        result = {
          outcome: ran.ok ? 'success' : 'failure',
          outputs: ran.outputs,
          stdout: ran.stdout,
          stderr: ran.stderr,
          annotations: parseAnnotations(ran.stdout),
          ...(ran.error === undefined ? {} : { error: ran.error }),
        };
      } else {
        const uses = step.uses as string;
        const key = uses.split('@')[0] as string;
        const override = options.stepOverrides?.[key];
        if (override !== undefined) {
          const ran = await withFileCommands(index, async () => {
            try {
              const returned = await override({
                with: withValues,
                env: processEnv(stepEnv),
                workspace,
                runnerTemp,
                step: { id, name, uses },
                github,
              });
              return { ok: true, stdout: '', stderr: '', outputs: returned?.outputs ?? {} };
            } catch (error) {
              return {
                ok: false,
                stdout: '',
                stderr: '',
                error: error instanceof Error ? error.message : String(error),
              };
            }
          });
          result = {
            outcome: ran.ok ? 'success' : 'failure',
            outputs: ran.outputs,
            stdout: '',
            stderr: '',
            annotations: [],
            ...(ran.error === undefined ? {} : { error: ran.error }),
          };
        } else if (uses.startsWith('./')) {
          const actionDir = resolve(workspace, uses);
          const metadata = readActionMetadata(actionDir);
          if (!/^node\d+$/.test(metadata.runs.using) || metadata.runs.main === undefined) {
            throw new UnhandledStepError(
              options.workflowFile,
              options.job,
              id,
              uses,
              `runs.using '${metadata.runs.using}' is not a JavaScript action`,
            );
          }
          const inputsEnv: Record<string, string> = {};
          const annotations: Annotation[] = [];
          for (const [input, declared] of Object.entries(metadata.inputs)) {
            const value =
              withValues[input] ??
              (declared.default === undefined ? '' : interpolate(declared.default, stepScope));
            inputsEnv[inputVariableName(input)] = value;
          }
          const unexpected = Object.keys(withValues).filter((input) => !(input in metadata.inputs));
          for (const input of unexpected)
            inputsEnv[inputVariableName(input)] = withValues[input] ?? '';
          if (unexpected.length > 0) {
            annotations.push({
              level: 'warning',
              message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(metadata.inputs).join("', '")}']`,
            });
          }
          const main = isAbsolute(metadata.runs.main)
            ? metadata.runs.main
            : join(actionDir, metadata.runs.main);
          const ran = await runNode(index, main, { ...processEnv(stepEnv), ...inputsEnv });
          if (metadata.runs.post !== undefined) {
            posts.unshift({ step, id, name, actionDir, state: ran.state, stepEnv, inputsEnv });
          }
          annotations.push(...parseAnnotations(ran.stdout));
          result = {
            outcome: ran.ok ? 'success' : 'failure',
            outputs: ran.outputs,
            stdout: ran.stdout,
            stderr: ran.stderr,
            annotations,
            ...(ran.error === undefined ? {} : { error: ran.error }),
          };
        } else {
          throw new UnhandledStepError(
            options.workflowFile,
            options.job,
            id,
            uses,
            'no stepOverrides entry for this action',
          );
        }
      }
    } catch (error) {
      if (error instanceof UnhandledStepError || error instanceof WorkflowFileError) throw error;
      result = {
        outcome: 'failure',
        outputs: {},
        stdout: '',
        stderr: '',
        annotations: [],
        error: error instanceof Error ? error.message : String(error),
      };
    }
    record(result);
  }

  for (const post of posts) {
    const metadata = readActionMetadata(post.actionDir);
    const postScope = scope({ ...jobEnv, ...addedEnv }, failed, stepsContext);
    const name = `Post ${post.name}`;
    if (!evaluateCondition(metadata.runs['post-if'] ?? 'always()', postScope)) {
      results.push({
        id: `${post.id}:post`,
        name,
        outcome: 'skipped',
        conclusion: 'skipped',
        outputs: {},
        stdout: '',
        stderr: '',
        annotations: [],
      });
      continue;
    }
    const stateEnv = Object.fromEntries(
      Object.entries(post.state).map(([k, v]) => [`STATE_${k}`, v]),
    );
    const script = join(post.actionDir, metadata.runs.post as string);
    const ran = await runNode(`${post.id}_post`, script, {
      ...processEnv(post.stepEnv),
      ...post.inputsEnv,
      ...stateEnv,
    });
    const outcome: StepOutcome = ran.ok ? 'success' : 'failure';
    if (outcome === 'failure') failed = true;
    results.push({
      id: `${post.id}:post`,
      name,
      outcome,
      conclusion: outcome,
      outputs: {},
      stdout: ran.stdout,
      stderr: ran.stderr,
      annotations: parseAnnotations(ran.stdout),
      ...(ran.error === undefined ? {} : { error: ran.error }),
    });
  }

  const outputs = jobRuns
    ? mapValues(job.outputs, (v) =>
        interpolate(v, scope({ ...jobEnv, ...addedEnv }, failed, stepsContext)),
      )
    : {};
  return {
    result: !jobRuns ? 'skipped' : failed ? 'failure' : 'success',
    steps: results,
    outputs,
    summary,
    runnerTemp,
  };
}
