import { ApiErrorResponse } from '../payloads/errors';
import { type Handler, jsonBody, repoOf, requiredString, stringParam } from './context';

/**
 * `POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches`: records the dispatch
 * (`state.dispatches`); a scenario then runs the workflow. 204 as on GitHub.
 */
export const createWorkflowDispatch: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const ref = requiredString(body, 'ref');
  const inputs = body.inputs ?? {};
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    throw new ApiErrorResponse(422, "Invalid request.\n\nFor 'properties/inputs', not an object.");
  }
  if (ctx.state.resolveSha(repo, ref) === undefined) {
    throw new ApiErrorResponse(422, `No ref found for: ${ref}`);
  }
  ctx.state.dispatches.push({
    repo: repo.fullName,
    workflow: stringParam(ctx, 'workflow_id'),
    ref,
    inputs: inputs as Record<string, unknown>,
    actor: ctx.actor.login,
  });
  return { status: 204 };
};
