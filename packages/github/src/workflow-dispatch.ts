import type { GitHubClient } from './client';
import { WorkflowDispatchError } from './errors';
import type { RepoCoordinates } from './release-assets';

/**
 * Starts `workflow` (a file name under .github/workflows, e.g. `model-pr.yml`) on `ref` with
 * `inputs` (`workflow_dispatch`; the workflow must declare that trigger and those inputs).
 */
export async function dispatchWorkflow(
  client: GitHubClient,
  where: RepoCoordinates,
  dispatch: { workflow: string; ref: string; inputs: Record<string, string> },
): Promise<void> {
  try {
    await client.rest.actions.createWorkflowDispatch({
      ...where,
      workflow_id: dispatch.workflow,
      ref: dispatch.ref,
      inputs: dispatch.inputs,
    });
  } catch (cause) {
    throw new WorkflowDispatchError(
      `cannot dispatch ${dispatch.workflow} on ${dispatch.ref} in ${where.owner}/${where.repo}`,
      { cause },
    );
  }
}
