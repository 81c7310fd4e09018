/**
 * A workflow file as the local runner needs it: parsed with YAML's failsafe schema, so every
 * scalar stays the string GitHub sees (`true`, `1.10`), and checked for the shape the runner uses.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { WorkflowFileError } from './errors';

/** One step of a job: exactly one of `uses` and `run`. */
export interface WorkflowStep {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly if?: string;
  readonly shell?: string;
  readonly 'working-directory'?: string;
  readonly 'continue-on-error'?: string;
}

/** One job: its steps and what the runner evaluates around them. */
export interface WorkflowJob {
  readonly name?: string;
  readonly if?: string;
  readonly needs?: string | readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly permissions?: unknown;
  readonly defaults?: {
    readonly run?: { readonly shell?: string; readonly 'working-directory'?: string };
  };
  /** Empty for a job that calls a reusable workflow (`uses:`). */
  readonly steps: readonly WorkflowStep[];
  /** A reusable workflow this job calls (`./.github/workflows/x.yml`), instead of steps. */
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
}

/** A workflow: its jobs by id, plus workflow-level `env` and `defaults`. */
export interface Workflow {
  readonly name?: string;
  readonly on?: unknown;
  readonly env?: Readonly<Record<string, string>>;
  readonly permissions?: unknown;
  readonly defaults?: WorkflowJob['defaults'];
  readonly jobs: Readonly<Record<string, WorkflowJob>>;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkStringMap(file: string, where: string, value: unknown): void {
  if (value === undefined) return;
  if (!isMap(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new WorkflowFileError(file, `${where} must be a map of strings`);
  }
}

/** Parses and checks a workflow's YAML text; `file` names it in errors. */
export function parseWorkflow(text: string, file: string): Workflow {
  let document: unknown;
  try {
    document = parse(text, { schema: 'failsafe' });
  } catch (error) {
    throw new WorkflowFileError(file, 'not valid YAML', { cause: error });
  }
  if (!isMap(document)) throw new WorkflowFileError(file, 'the document is not a map');
  if (!isMap(document.jobs)) throw new WorkflowFileError(file, 'jobs: missing or not a map');
  checkStringMap(file, 'env', document.env);
  for (const [jobId, job] of Object.entries(document.jobs)) {
    if (!isMap(job)) throw new WorkflowFileError(file, `jobs.${jobId}: not a map`);
    checkStringMap(file, `jobs.${jobId}.env`, job.env);
    checkStringMap(file, `jobs.${jobId}.outputs`, job.outputs);
    if (job.uses !== undefined) {
      // A reusable-workflow call has no steps of its own.
      if (job.steps !== undefined)
        throw new WorkflowFileError(file, `jobs.${jobId}: uses and steps together`);
      job.steps = [];
      continue;
    }
    if (!Array.isArray(job.steps))
      throw new WorkflowFileError(file, `jobs.${jobId}.steps: not a list`);
    job.steps.forEach((step: unknown, index) => {
      const where = `jobs.${jobId}.steps[${index}]`;
      if (!isMap(step)) throw new WorkflowFileError(file, `${where}: not a map`);
      if ((step.uses === undefined) === (step.run === undefined)) {
        throw new WorkflowFileError(file, `${where}: needs exactly one of uses and run`);
      }
      checkStringMap(file, `${where}.with`, step.with);
      checkStringMap(file, `${where}.env`, step.env);
    });
  }
  return document as unknown as Workflow;
}

/** Reads and parses a workflow file. */
export function readWorkflow(file: string): Workflow {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkflowFileError(file, 'cannot read the file', { cause: error });
  }
  return parseWorkflow(text, file);
}
